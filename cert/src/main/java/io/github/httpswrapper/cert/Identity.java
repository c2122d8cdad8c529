package io.github.httpswrapper.cert;

import io.github.httpswrapper.cert.internal.IdentityChecks;
import io.github.httpswrapper.cert.internal.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Identity material: a private key and the certificate chain that goes with it, checked and ready to serve.
 *
 * <p>The chain starts with the <em>leaf</em> certificate, whose public key matches {@link #privateKey()}, and
 * continues (if at all) with the certificates that issued it, each followed by its issuer. It also tells what a
 * person needs to know about the certificate: {@link #sha256Fingerprint() fingerprint}, {@link #subject()
 * subject}, {@link #names() names} and {@link #notAfter() expiry}, and exports it as PEM for clients
 * ({@code curl --cacert}, a browser, a Java trust store).
 *
 * <p>Instances are immutable. Make one with a {@link CertificateSource}, or with {@link #of} from material
 * already in memory.
 */
public final class Identity {
  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private final String origin;
  private final Path certificateFile;

  private Identity(
      PrivateKey privateKey, List<X509Certificate> chain, String origin, Path certificateFile) {
    this.privateKey = privateKey;
    this.chain = chain;
    this.origin = origin;
    this.certificateFile = certificateFile;
  }

  /**
   * Checks and wraps material already in memory. The chain may be in any order; it is sorted leaf first.
   *
   * @param origin where the material came from, used in error messages and logs (e.g. a file name)
   * @throws CertificateMaterialException when the key matches no certificate in the chain, or the leaf is
   *     expired or not valid yet
   */
  public static Identity of(PrivateKey privateKey, List<X509Certificate> chain, String origin) {
    return of(privateKey, chain, origin, null);
  }

  /**
   * As {@link #of(PrivateKey, List, String)}, also recording a file that holds only the certificate chain (no
   * key), which {@link #certificateFile()} then reports.
   */
  public static Identity of(
      PrivateKey privateKey, List<X509Certificate> chain, String origin, Path certificateFile) {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(origin, "origin");
    List<X509Certificate> sorted = IdentityChecks.leafFirst(privateKey, chain, origin);
    IdentityChecks.requireCurrentlyValid(sorted.get(0), origin);
    return new Identity(privateKey, sorted, origin, certificateFile);
  }

  /** The private key. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The certificate chain, leaf first. Never empty. */
  public List<X509Certificate> chain() {
    return chain;
  }

  /** The leaf certificate: the one whose public key matches the private key. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Where the material came from, e.g. {@code PEM mycert.pem}. */
  public String origin() {
    return origin;
  }

  /**
   * A file that holds this chain's certificates and no private key, if the source has one: the certificate file
   * of a two-file PEM source, or the certificate a generated source keeps. Empty when the certificate lives only
   * beside its key (a one-file PEM, a keystore, PEM text); use {@link #writeCertificatePem(Path)} then.
   */
  public Optional<Path> certificateFile() {
    return Optional.ofNullable(certificateFile);
  }

  /**
   * The SHA-256 fingerprint of the leaf certificate's DER encoding, as uppercase hex pairs joined by colons
   * ({@code 3F:A0:...}), the form browsers and {@code openssl x509 -fingerprint -sha256} show.
   */
  public String sha256Fingerprint() {
    return IdentityChecks.sha256Fingerprint(certificate());
  }

  /** The leaf certificate's subject as an RFC 2253 name, e.g. {@code CN=localhost}. */
  public String subject() {
    return certificate().getSubjectX500Principal().getName();
  }

  /** The leaf's DNS and IP subject alternative names, in certificate order (empty if it has none). */
  public List<String> names() {
    return IdentityChecks.subjectAlternativeNames(certificate());
  }

  /** When the leaf certificate expires. */
  public Instant notAfter() {
    return certificate().getNotAfter().toInstant();
  }

  /** When the leaf certificate became valid. */
  public Instant notBefore() {
    return certificate().getNotBefore().toInstant();
  }

  /** How long until the leaf certificate expires, from now; negative once expired. */
  public Duration expiresIn() {
    return Duration.between(Instant.now(), notAfter());
  }

  /** The whole chain as PEM text, leaf first: what {@code curl --cacert} or a trust store import wants. */
  public String certificatePem() {
    return Pem.encodeCertificates(chain);
  }

  /** Writes {@link #certificatePem()} to {@code file}, replacing it; the file holds no private key. */
  public void writeCertificatePem(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, certificatePem(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the certificate to " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return origin + " (" + subject() + ", SHA-256 " + sha256Fingerprint() + ", expires " + notAfter() + ")";
  }
}
