package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads identity material from PEM: one file holding certificates and key, a certificate file plus a key file, or
 * PEM text.
 *
 * <p>Blocks may come in any order, text between blocks is ignored, and an {@code EC PARAMETERS} block is skipped.
 * Any other block that is neither a certificate nor a private key is refused rather than silently dropped, and so
 * is a second private key: either usually means the wrong file was picked.
 */
public final class PemLoader {
  private static final String CERTIFICATE_AND_KEY = "-----BEGIN CERTIFICATE----- and a private key";
  private static final String CERTIFICATE = "a -----BEGIN CERTIFICATE----- block";
  private static final String KEY =
      "a -----BEGIN PRIVATE KEY----- block (or RSA PRIVATE KEY, EC PRIVATE KEY, ENCRYPTED PRIVATE KEY)";

  private PemLoader() {}

  /**
   * Loads a certificate file and, if {@code keyOrNull} is given, a separate key file.
   *
   * @param passwordOrNull the password of an encrypted key; ignored when the key is not encrypted
   * @param origin names the source in the {@link Identity} and its log lines
   */
  public static Identity load(Path certificate, Path keyOrNull, char[] passwordOrNull, String origin) {
    if (keyOrNull == null || isSameFile(certificate, keyOrNull)) {
      PemContents file = PemContents.read(certificate, CERTIFICATE_AND_KEY);
      return oneSource(file, passwordOrNull, origin, true);
    }
    PemContents certificates = PemContents.read(certificate, CERTIFICATE);
    PemContents keys = PemContents.read(keyOrNull, KEY);
    List<PemText.Block> keyBlocks = new ArrayList<>(certificates.keys);
    keyBlocks.addAll(keys.keys);
    if (keyBlocks.isEmpty()) {
      throw new CertificateMaterialException(keys.source + " holds no private key: expected " + KEY);
    }
    if (keys.keys.size() > 1) {
      throw tooManyKeys(keys);
    }
    if (certificates.keys.size() > 1) {
      throw tooManyKeys(certificates);
    }
    if (keyBlocks.size() > 1) {
      throw new CertificateMaterialException(
          certificates.source + " and " + keys.source + " both hold a private key: remove the key from "
              + certificates.source + ", or pass only " + certificates.source);
    }
    List<X509Certificate> chain = new ArrayList<>(certificates.certificates);
    chain.addAll(keys.certificates);
    if (chain.isEmpty()) {
      throw new CertificateMaterialException(certificates.source + " holds no certificate: expected " + CERTIFICATE);
    }
    String keySource = certificates.keys.isEmpty() ? keys.source : certificates.source;
    PrivateKey key = PrivateKeys.read(keyBlocks.get(0), passwordOrNull, keySource);
    String chainSource = keys.certificates.isEmpty() ? certificates.source
        : certificates.certificates.isEmpty() ? keys.source
        : certificates.source + " and " + keys.source;
    requireMatch(key, chain, keySource, chainSource, true);
    Path certificateFile = certificates.keys.isEmpty() && keys.certificates.isEmpty() ? certificate : null;
    return Identity.of(key, chain, origin, certificateFile);
  }

  /**
   * Parses PEM text holding certificates and a key, such as the value of an environment variable; text folded
   * onto one line or with Windows line ends is accepted.
   */
  public static Identity parse(String text, char[] passwordOrNull, String origin) {
    return oneSource(PemContents.parse(text, origin, CERTIFICATE_AND_KEY), passwordOrNull, origin, false);
  }

  private static Identity oneSource(PemContents pem, char[] password, String origin, boolean isFile) {
    if (pem.keys.size() > 1) {
      throw tooManyKeys(pem);
    }
    if (pem.certificates.isEmpty() && pem.keys.isEmpty()) {
      throw new CertificateMaterialException(pem.source + " holds no PEM data: expected " + CERTIFICATE_AND_KEY);
    }
    if (pem.certificates.isEmpty()) {
      throw new CertificateMaterialException(
          pem.source + " holds a private key but no certificate: "
              + (isFile
                  ? "pass the certificate file as the first argument of CertificateSource.pem(cert, key)"
                  : "add the certificate's PEM block to the text"));
    }
    if (pem.keys.isEmpty()) {
      throw new CertificateMaterialException(
          pem.source + " holds a certificate but no private key: "
              + (isFile
                  ? "pass the key file as the second argument of CertificateSource.pem(cert, key) or with --key"
                  : "add the private key's PEM block to the text"));
    }
    PrivateKey key = PrivateKeys.read(pem.keys.get(0), password, pem.source);
    requireMatch(key, pem.certificates, pem.source, pem.source, isFile);
    return Identity.of(key, pem.certificates, origin);
  }

  private static void requireMatch(
      PrivateKey key, List<X509Certificate> chain, String keySource, String chainSource, boolean files) {
    if (IdentityChecks.indexOfLeaf(key, chain) >= 0) {
      return;
    }
    String which = chain.size() == 1 ? "the certificate" : "any of the " + chain.size() + " certificates";
    String compare = files && !chainSource.contains(" and ")
        ? " (compare openssl x509 -noout -pubkey -in " + chainSource + " with openssl pkey -pubout -in "
            + keySource + ")"
        : "";
    throw new CertificateMaterialException(
        "the private key in " + keySource + " does not match " + which + " in " + chainSource
            + ": use the certificate that was issued for this key" + compare);
  }

  private static boolean isSameFile(Path certificate, Path key) {
    try {
      return certificate.equals(key) || Files.isSameFile(certificate, key);
    } catch (IOException e) {
      // One of them is missing or unreadable: reading it reports that better than this check can.
      return false;
    }
  }

  private static CertificateMaterialException tooManyKeys(PemContents pem) {
    return new CertificateMaterialException(
        pem.source + " holds " + pem.keys.size() + " private keys: keep only the one that belongs to the"
            + " certificate");
  }
}
