package io.github.httpswrapper.cli;

import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The one certificate clients should trust to reach a wrapper that serves {@code identity}: the local CA's
 * root for a local CA (so that every certificate it issues, renewals included, is trusted), the certificate
 * itself when it is self-signed, and for {@code --cert} or {@code --keystore} the last certificate of the
 * served chain, which is the certificate itself when the chain holds only that one.
 *
 * @param what what it is, in words: {@code the local CA root}, {@code the self-signed certificate}...
 * @param certificate the certificate to trust
 * @param from where it came from: a file, or the source's description
 * @param file a file that holds it (with the rest of the served chain for {@code --cert} and
 *     {@code --keystore}), for {@code curl --cacert}; {@code null} when not asked for
 * @param authority whether clients trust it as a certificate authority (the local CA root) rather than as the
 *     server's own certificate
 * @param names the names the served certificate is valid for
 */
record TrustedCertificate(
    String what, X509Certificate certificate, String from, Path file, boolean authority, List<String> names) {

  private static final Base64.Encoder BASE64 =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  /**
   * What to trust for {@code source}, just loaded as {@code identity}.
   *
   * @param needFile whether to name a file for it; for {@code --cert} and {@code --keystore} sources without a
   *     certificate file of their own, {@code served-certificate.pem} is written in {@code stateDir}, as the
   *     server does at start
   */
  static TrustedCertificate of(CertificateSource source, Identity identity, Path stateDir, boolean needFile) {
    List<X509Certificate> chain = identity.chain();
    X509Certificate top = chain.get(chain.size() - 1);
    if (source instanceof CertificateSource.LocalCa) {
      Path root = ((CertificateSource.LocalCa) source).rootCertificateFile().toAbsolutePath();
      return new TrustedCertificate("the local CA root", top, root.toString(), root, true, identity.names());
    }
    if (source instanceof CertificateSource.SelfSigned) {
      Path file = Main.certificateFileFor(identity, stateDir);
      return new TrustedCertificate(
          "the self-signed certificate", identity.certificate(), file.toString(), file, false, identity.names());
    }
    String what = chain.size() == 1 ? "the certificate" : "the top of the chain (" + chain.size() + " certificates)";
    Path file = needFile ? Main.certificateFileFor(identity, stateDir) : null;
    return new TrustedCertificate(what, top, source.description(), file, false, identity.names());
  }

  /** The certificate as one PEM block, {@code \n} line ends. */
  String pem() {
    return "-----BEGIN CERTIFICATE-----\n" + BASE64.encodeToString(encoded()) + "\n-----END CERTIFICATE-----\n";
  }

  /** Subject, fingerprint and expiry, on one line: {@code CN=localhost, SHA-256 3F:A0:..., expires 2026-05-01}. */
  String summary() {
    return subject() + ", SHA-256 " + sha256() + ", expires " + Banner.date(certificate.getNotAfter().toInstant());
  }

  String subject() {
    return certificate.getSubjectX500Principal().getName();
  }

  /** The SHA-256 fingerprint as browsers show it: uppercase hex pairs joined by colons. */
  String sha256() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private byte[] encoded() {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      // A certificate that was parsed or made always has an encoding.
      throw new IllegalStateException("cannot encode " + subject(), e);
    }
  }
}
