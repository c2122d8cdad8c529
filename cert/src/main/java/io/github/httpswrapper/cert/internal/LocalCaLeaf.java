package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.KeyAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The server certificate a local CA issued and keeps, and whether it may be served again.
 *
 * <p>Unlike the root, a leaf is cheap to replace (clients trust the root, not the leaf), so a stored leaf that is
 * damaged, for other names, or from another root is simply issued again.
 */
final class LocalCaLeaf {
  static final String CERTIFICATE_FILE = "leaf-certificate.pem";
  static final String KEY_FILE = "leaf-key.pem";
  /** Room for the hour of back-dating, when comparing a stored leaf's lifetime with the one asked for. */
  private static final Duration LIFETIME_SLACK = Duration.ofHours(2);

  final PrivateKey key;
  final X509Certificate certificate;
  private final String problem;

  private LocalCaLeaf(PrivateKey key, X509Certificate certificate, String problem) {
    this.key = key;
    this.certificate = certificate;
    this.problem = problem;
  }

  /** Reads the stored leaf (its file holds the leaf, then the root); never fails, but remembers any problem. */
  static LocalCaLeaf read(Path directory) {
    Path certificateFile = directory.resolve(CERTIFICATE_FILE);
    Path keyFile = directory.resolve(KEY_FILE);
    if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
      return new LocalCaLeaf(null, null, "none stored yet");
    }
    try {
      PemContents certificates = PemContents.read(certificateFile, "a certificate");
      PemContents keys = PemContents.read(keyFile, "a private key");
      if (certificates.certificates.isEmpty() || keys.keys.size() != 1) {
        return new LocalCaLeaf(null, null, "the stored one is unreadable: expected certificates and one key");
      }
      PrivateKey key = PrivateKeys.read(keys.keys.get(0), null, keys.source);
      X509Certificate certificate = certificates.certificates.get(0);
      if (!KeyMatch.matches(key, certificate.getPublicKey())) {
        return new LocalCaLeaf(null, null, "the stored key does not match the stored certificate");
      }
      return new LocalCaLeaf(key, certificate, null);
    } catch (CertificateMaterialException e) {
      return new LocalCaLeaf(null, null, "the stored one is unreadable: " + e.getMessage());
    }
  }

  /** Why this leaf must be issued again, or {@code null} if it can be served as it is. */
  String reasonToReplace(
      LocalCaRoot root, Set<String> names, KeyAlgorithm algorithm, Duration validity, Instant now) {
    if (problem != null) {
      return problem;
    }
    if (!LocalCaCertificates.issuedBy(certificate, root.certificate)) {
      return "the stored one was not issued by the current root";
    }
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (now.isBefore(notBefore)) {
      return "the stored one is not valid until " + notBefore;
    }
    if (!now.isBefore(notAfter)) {
      return "the stored one expired on " + notAfter;
    }
    // Renewing with half left gives a server that reloads now and then plenty of chances before expiry, and
    // (for the default 30 days) happens before the 14-day expiry warning would be logged.
    if (Duration.between(now, notAfter).compareTo(validity.dividedBy(2)) < 0) {
      return "less than half of its validity is left: it expires on " + notAfter;
    }
    if (Duration.between(notBefore, notAfter).compareTo(validity.plus(LIFETIME_SLACK)) > 0) {
      return "leaf validity shortened to " + validity;
    }
    return GeneratedMatch.mismatch(certificate, key, names, algorithm);
  }
}
