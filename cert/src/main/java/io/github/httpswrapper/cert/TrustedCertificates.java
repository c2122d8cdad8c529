package io.github.httpswrapper.cert;

import io.github.httpswrapper.cert.internal.CaBundle;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Trust material: the CA certificates whose signature makes a certificate believable.
 *
 * <p>Where {@link CertificateSource} gives a server its own identity (a private key and the chain that names it),
 * trust material is what the <em>other</em> side holds to check such a chain: a bundle of certificate authority
 * (CA) certificates. A chain is trusted when it leads, signature by signature, to one of them. The same bundle
 * that {@code curl --cacert ca.pem} or nginx's {@code ssl_client_certificate ca.pem} takes works here.
 *
 * <pre>{@code
 * List<X509Certificate> cas = TrustedCertificates.load(Path.of("clients-ca.pem"));
 * List<X509Certificate> fromEnv = TrustedCertificates.parse(System.getenv("CLIENT_CA_PEM"));
 * }</pre>
 *
 * <p>A bundle holds one or more {@code CERTIFICATE} blocks (also {@code TRUSTED CERTIFICATE}, as OpenSSL writes
 * them), in any order, with any text between them; PEM folded onto one line is accepted, as for
 * {@link CertificateSource#parsePem(String)}. Refused with a {@link CertificateMaterialException} that names the
 * file: an empty file, no certificate, a private key (it does not belong with the checking side), and any other
 * block. A certificate that is not a CA (no {@code basicConstraints CA:TRUE}) is accepted, with a warning in the
 * log: it cannot have signed anything else, so it trusts exactly itself, which is how a single self-signed
 * client certificate is pinned.
 */
public final class TrustedCertificates {
  private TrustedCertificates() {}

  /**
   * The certificates of a PEM bundle file, in file order.
   *
   * @throws CertificateMaterialException naming the file, when it is missing, unreadable or holds no
   *     certificates, or holds a private key or another kind of block
   */
  public static List<X509Certificate> load(Path pemBundle) {
    Objects.requireNonNull(pemBundle, "pemBundle");
    return CaBundle.load(pemBundle);
  }

  /**
   * The certificates of PEM text, for example from an environment variable, in order.
   *
   * @throws CertificateMaterialException when the text holds no certificates, a private key or another kind of
   *     block
   */
  public static List<X509Certificate> parse(String pem) {
    Objects.requireNonNull(pem, "pem");
    return CaBundle.parse(pem, "the CA bundle text");
  }
}
