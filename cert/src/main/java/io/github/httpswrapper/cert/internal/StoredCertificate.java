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

/** What a state directory holds of a generated certificate, and whether it is still the one wanted. */
final class StoredCertificate {
  final PrivateKey key;
  final X509Certificate certificate;
  private final String problem;

  private StoredCertificate(PrivateKey key, X509Certificate certificate, String problem) {
    this.key = key;
    this.certificate = certificate;
    this.problem = problem;
  }

  /** Reads the stored files; never fails, but remembers why they cannot be used. */
  static StoredCertificate read(Path certificateFile, Path keyFile) {
    if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
      return new StoredCertificate(null, null, "none stored yet");
    }
    try {
      PemContents certificates = PemContents.read(certificateFile, "a certificate");
      PemContents keys = PemContents.read(keyFile, "a private key");
      if (certificates.certificates.size() != 1 || keys.keys.size() != 1) {
        return new StoredCertificate(null, null, "unreadable: expected one certificate and one key");
      }
      PrivateKey key = PrivateKeys.read(keys.keys.get(0), null, keys.source);
      X509Certificate certificate = certificates.certificates.get(0);
      if (!KeyMatch.matches(key, certificate.getPublicKey())) {
        return new StoredCertificate(null, null, "the stored key does not match the stored certificate");
      }
      return new StoredCertificate(key, certificate, null);
    } catch (CertificateMaterialException e) {
      return new StoredCertificate(null, null, "unreadable: " + e.getMessage());
    }
  }

  /** Why this stored certificate must be replaced, or {@code null} if it can be reused. */
  String reasonToReplace(Set<String> names, KeyAlgorithm algorithm, Duration renewBefore) {
    if (problem != null) {
      return problem;
    }
    Instant now = Instant.now();
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (now.isAfter(notAfter)) {
      return "the stored one expired on " + notAfter;
    }
    if (Duration.between(now, notAfter).compareTo(renewBefore) < 0) {
      return "the stored one expires in " + Duration.between(now, notAfter).toDays() + " days";
    }
    if (now.isBefore(certificate.getNotBefore().toInstant())) {
      return "the stored one is not valid until " + certificate.getNotBefore().toInstant();
    }
    return GeneratedMatch.mismatch(certificate, key, names, algorithm);
  }
}
