package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The root certificate and key of a local CA, kept in its directory.
 *
 * <p>Clients trust the root itself, so it must outlive every server certificate and never change behind their
 * backs: a root is made only when neither of its files exists, and stored files that cannot be used are an error
 * for a person to resolve, never a reason to make a new root silently.
 */
final class LocalCaRoot {
  static final String CERTIFICATE_FILE = "root-certificate.pem";
  static final String KEY_FILE = "root-key.pem";
  private static final int VALIDITY_YEARS = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  final PrivateKey key;
  final X509Certificate certificate;

  private LocalCaRoot(PrivateKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  /**
   * The stored root, or {@code null} when neither of its files exists.
   *
   * @throws CertificateMaterialException when only one file exists, either cannot be read, the key does not match
   *     the certificate, the certificate is not a CA, or it is not valid now
   */
  static LocalCaRoot read(Path directory, Instant now) {
    Path certificateFile = directory.resolve(CERTIFICATE_FILE);
    Path keyFile = directory.resolve(KEY_FILE);
    boolean hasCertificate = Files.exists(certificateFile);
    boolean hasKey = Files.exists(keyFile);
    if (!hasCertificate && !hasKey) {
      return null;
    }
    if (!hasKey) {
      throw broken(keyFile + " is missing but " + certificateFile + " exists", directory, null);
    }
    if (!hasCertificate) {
      throw broken(certificateFile + " is missing but " + keyFile + " exists", directory, null);
    }
    for (Path file : List.of(certificateFile, keyFile)) {
      if (!Files.isReadable(file)) {
        // Not "broken": deleting the directory would be the wrong advice for a file that is only locked away.
        throw new CertificateMaterialException(file + " cannot be read (permission denied): run as the user that"
            + " made it, or give this user read access to it");
      }
    }
    PrivateKey key = readKey(keyFile, directory);
    X509Certificate certificate = readCertificate(certificateFile, directory);
    if (!KeyMatch.matches(key, certificate.getPublicKey())) {
      throw broken(keyFile + " does not match " + certificateFile, directory, null);
    }
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (now.isAfter(notAfter)) {
      throw new CertificateMaterialException(
          certificateFile + " expired on " + notAfter + ": delete " + directory + " to make a new root"
              + LocalCaStore.RETRUST);
    }
    Instant notBefore = certificate.getNotBefore().toInstant();
    if (now.isBefore(notBefore)) {
      throw new CertificateMaterialException(
          certificateFile + " is not valid until " + notBefore + ": check this machine's clock");
    }
    return new LocalCaRoot(key, certificate);
  }

  /** Makes a new root, valid for ten years, and stores it in {@code directory}. */
  static LocalCaRoot create(Path directory, String hostName, Instant now) throws IOException {
    // Unique, so that roots of different machines (or a replaced root) can be told apart in a trust store.
    byte[] id = new byte[4];
    RANDOM.nextBytes(id);
    String commonName = LocalCaCertificates.ORGANIZATION + (hostName == null ? "" : " " + hostName) + " "
        + HexFormat.of().formatHex(id);
    Instant start = now.truncatedTo(ChronoUnit.SECONDS);
    KeyAndCertificate root = LocalCaCertificates.root(
        commonName,
        start.minus(Duration.ofHours(1)),
        start.atOffset(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant());
    StateFiles.writeKeyAndCertificates(
        directory.resolve(KEY_FILE), root.key, directory.resolve(CERTIFICATE_FILE), List.of(root.certificate));
    return new LocalCaRoot(root.key, root.certificate);
  }

  private static PrivateKey readKey(Path keyFile, Path directory) {
    String problem = keyFile + " does not hold the local CA's private key";
    PemContents keys;
    try {
      keys = PemContents.read(keyFile, "a private key");
    } catch (CertificateMaterialException e) {
      throw broken(problem, directory, e);
    }
    if (keys.keys.size() != 1 || !keys.certificates.isEmpty()) {
      throw broken(problem, directory, null);
    }
    try {
      return PrivateKeys.read(keys.keys.get(0), null, keys.source);
    } catch (CertificateMaterialException e) {
      throw broken(problem, directory, e);
    }
  }

  private static X509Certificate readCertificate(Path certificateFile, Path directory) {
    String problem = certificateFile + " does not hold the local CA's root certificate";
    PemContents certificates;
    try {
      certificates = PemContents.read(certificateFile, "a certificate");
    } catch (CertificateMaterialException e) {
      throw broken(problem, directory, e);
    }
    // getBasicConstraints() is -1 for a certificate that is not a CA.
    if (certificates.certificates.size() != 1 || !certificates.keys.isEmpty()
        || certificates.certificates.get(0).getBasicConstraints() < 0) {
      throw broken(problem, directory, null);
    }
    return certificates.certificates.get(0);
  }

  /** A stored root that cannot be used, with the two ways out; the cause, if any, says what exactly is wrong. */
  private static CertificateMaterialException broken(String problem, Path directory, Exception cause) {
    return new CertificateMaterialException(
        problem + ": restore both files from a backup, or delete " + directory + " to make a new root"
            + LocalCaStore.RETRUST,
        cause);
  }
}
