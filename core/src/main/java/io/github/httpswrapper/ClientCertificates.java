package io.github.httpswrapper;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.TrustedCertificates;
import io.github.httpswrapper.internal.client.CertificateMatcher;
import io.github.httpswrapper.internal.client.CertificateMatcher.Kind;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which TLS client certificates an access {@link Rule} accepts: those issued by given CAs, optionally narrowed to
 * particular identities. Immutable: each narrowing method returns a new instance, which shares the CA bundle of
 * the one it narrows; only the bundle's CAs follow its file (see {@link #issuedBy(Path)}).
 *
 * <p><b>Client certificates (mutual TLS).</b> In ordinary HTTPS only the server shows a certificate. With mutual
 * TLS the server also asks the client for one during the handshake; the client proves it holds the matching
 * private key, and the server checks that the certificate chains to a certificate authority (CA) it trusts. A
 * client certificate is a password that cannot be phished or guessed, and curl ({@code --cert client.pem --key
 * client.key}), browsers (after importing a {@code .p12}) and most HTTP libraries can present one.
 *
 * <pre>{@code
 * // Anyone with a certificate from our own client CA:
 * ClientCertificates.issuedBy(Path.of("clients-ca.pem"));
 * // Only these two people (either one), or any certificate from the "ops" unit:
 * ClientCertificates.issuedBy(Path.of("clients-ca.pem"))
 *     .commonName("alice", "bob")
 *     .organizationalUnit("ops");
 * // Exactly one key, whoever re-issues its certificate:
 * ClientCertificates.issuedBy(Path.of("clients-ca.pem"))
 *     .spkiSha256("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
 * }</pre>
 *
 * <p><b>How a certificate is matched.</b> First, always, its chain must lead to one of the CAs in the bundle (this
 * is checked by the TLS layer, with validity dates, signatures and key usage; revocation is not checked). Then, if
 * no narrowing method was called, that is enough. Otherwise the certificate must carry <em>at least one</em> of
 * the listed identities, whatever their kind: the listed values form one allow-list, so
 * {@code .commonName("alice").organizationalUnit("ops")} accepts Alice from any unit and everyone from ops, not
 * "Alice, if she is in ops". Calling a method again adds to its list. To require two properties at once, issue
 * those clients from a CA of their own, or pin their keys. Comparisons are exact: common names, units and URIs
 * case-sensitively, DNS names ignoring ASCII case, IP addresses by value ({@code 2001:db8::7} equals
 * {@code 2001:DB8:0:0:0:0:0:7}); no wildcards are expanded.
 *
 * <p><b>Public key pins.</b> An SPKI pin is the base64 SHA-256 hash of a certificate's SubjectPublicKeyInfo (its
 * public key and algorithm), the form HPKP and {@code curl --pinnedpubkey sha256//...} use. It names one key
 * rather than one certificate, so it survives re-issuing a certificate for the same key. Print it with
 * <pre>{@code
 * openssl x509 -in client.pem -pubkey -noout | openssl pkey -pubin -outform der \
 *   | openssl dgst -sha256 -binary | base64
 * }</pre>
 *
 * <p>Certificates are asked for only when some rule can accept one, and never required at the TLS level, so
 * other rules keep working for clients without one: a rule that needs a certificate answers {@code 401} when none
 * was sent and {@code 403} when the one sent does not match, while a certificate that no configured CA issued
 * fails the handshake itself.
 */
public final class ClientCertificates {
  static {
    CertificateMatcher.grantAccess(certificates -> certificates.matcher);
  }

  private final CertificateMatcher matcher;

  private ClientCertificates(CertificateMatcher matcher) {
    this.matcher = matcher;
  }

  /**
   * Client certificates that chain to one of the CA certificates in {@code caBundlePem}, a PEM file of one or
   * more {@code CERTIFICATE} blocks (see {@link TrustedCertificates}). The file is read now, so a mistake shows at
   * once, and read again by a running wrapper whenever it changes (see
   * {@link HttpsWrapper.Builder#certificateReloadInterval}) and on {@link HttpsWrapper#reloadCertificates()}: new
   * connections are then checked against the new CAs, connections already open keep the CAs that let them in,
   * and content that cannot be used (garbage, an empty file, a private key) is logged as an error and leaves
   * the CAs read before in service.
   *
   * @throws CertificateMaterialException naming the file, when it is missing, empty, or holds anything but
   *     certificates (such as a private key)
   */
  public static ClientCertificates issuedBy(Path caBundlePem) {
    Objects.requireNonNull(caBundlePem, "caBundlePem");
    return new ClientCertificates(CertificateMatcher.issuedBy(caBundlePem));
  }

  /**
   * Also accepts certificates whose subject has one of these common names ({@code CN}), compared exactly.
   *
   * @throws IllegalArgumentException when no name or an empty one is given
   */
  public ClientCertificates commonName(String... names) {
    return new ClientCertificates(matcher.with(Kind.COMMON_NAME, names));
  }

  /**
   * Also accepts certificates whose subject has one of these organizational units ({@code OU}), compared
   * exactly.
   *
   * @throws IllegalArgumentException when no unit or an empty one is given
   */
  public ClientCertificates organizationalUnit(String... units) {
    return new ClientCertificates(matcher.with(Kind.ORGANIZATIONAL_UNIT, units));
  }

  /**
   * Also accepts certificates with one of these DNS names among their subject alternative names, ignoring ASCII
   * case. A wildcard such as {@code *.example.com} matches only a certificate that lists that very wildcard.
   *
   * @throws IllegalArgumentException when a value is not a DNS name
   */
  public ClientCertificates dnsName(String... names) {
    return new ClientCertificates(matcher.with(Kind.DNS_NAME, names));
  }

  /**
   * Also accepts certificates with one of these URIs among their subject alternative names, compared exactly;
   * SPIFFE IDs such as {@code spiffe://example.org/ns/prod/sa/web} are URIs.
   *
   * @throws IllegalArgumentException when a value is empty or holds spaces or control characters
   */
  public ClientCertificates uri(String... uris) {
    return new ClientCertificates(matcher.with(Kind.URI, uris));
  }

  /**
   * Also accepts certificates with one of these IP addresses among their subject alternative names, compared by
   * value.
   *
   * @throws IllegalArgumentException when a value is not an IPv4 or IPv6 literal (host names are not accepted)
   */
  public ClientCertificates ipAddress(String... addresses) {
    return new ClientCertificates(matcher.with(Kind.IP_ADDRESS, addresses));
  }

  /**
   * Also accepts certificates whose public key has one of these SPKI pins: base64 SHA-256 hashes of the
   * SubjectPublicKeyInfo, optionally prefixed {@code sha256//} as curl writes them.
   *
   * @throws IllegalArgumentException when a value is not the base64 of 32 bytes, with the command that prints a
   *     pin
   */
  public ClientCertificates spkiSha256(String... base64Pins) {
    return new ClientCertificates(matcher.with(Kind.SPKI_SHA256, base64Pins));
  }

  /**
   * How the rule reads in logs, e.g. {@code issued by clients-ca.pem (CN=Clients CA) with CN alice or OU ops}.
   */
  @Override
  public String toString() {
    return matcher.toString();
  }
}
