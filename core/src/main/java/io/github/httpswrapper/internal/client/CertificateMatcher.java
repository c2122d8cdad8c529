package io.github.httpswrapper.internal.client;

import io.github.httpswrapper.ClientCertificates;
import io.github.httpswrapper.internal.access.Addresses;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The internal form of a public {@link ClientCertificates}: the CAs a client certificate must chain to, and
 * optionally the identities its leaf must carry. Immutable, except that the CAs are those its
 * {@link TrustBundle} holds now, which a running wrapper reads again when the bundle file changes.
 *
 * <p>The public type holds one of these and nothing else. Internal code that has a {@code ClientCertificates}
 * gets at it with {@link #of(ClientCertificates)}: {@code ClientCertificates} hands a reader to
 * {@link #grantAccess} when its class is initialised, so it needs no public accessor of its own, and this
 * package needs no reflection.
 */
public final class CertificateMatcher {
  private static final AtomicReference<Function<ClientCertificates, CertificateMatcher>> ACCESS =
      new AtomicReference<>();
  private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9*_-]+(\\.[A-Za-z0-9*_-]+)*\\.?");

  /** The kinds of identity a leaf certificate can be required to carry. */
  public enum Kind {
    COMMON_NAME("CN", "commonName"),
    ORGANIZATIONAL_UNIT("OU", "organizationalUnit"),
    DNS_NAME("DNS", "dnsName"),
    URI("URI", "uri"),
    IP_ADDRESS("IP", "ipAddress"),
    SPKI_SHA256("SPKI sha256", "spkiSha256");

    final String label;
    final String method;

    Kind(String label, String method) {
      this.label = label;
      this.method = method;
    }
  }

  private final TrustBundle bundle;
  private final Map<Kind, List<String>> wanted;

  private CertificateMatcher(TrustBundle bundle, Map<Kind, List<String>> wanted) {
    this.bundle = bundle;
    this.wanted = wanted;
  }

  /**
   * Certificates that chain to one of the CAs in the PEM bundle {@code file}, read now and again whenever a
   * running wrapper sees the file change.
   *
   * @throws io.github.httpswrapper.cert.CertificateMaterialException naming the file, when it is missing, empty,
   *     or holds anything but certificates
   */
  public static CertificateMatcher issuedBy(Path file) {
    return new CertificateMatcher(TrustBundle.load(file), Collections.unmodifiableMap(new EnumMap<>(Kind.class)));
  }

  /**
   * Certificates that chain to one of {@code issuers}, which never change.
   *
   * @param source names the issuers in messages, e.g. the bundle's file name
   */
  public static CertificateMatcher issuedBy(List<X509Certificate> issuers, String source) {
    return new CertificateMatcher(
        TrustBundle.fixed(issuers, source), Collections.unmodifiableMap(new EnumMap<>(Kind.class)));
  }

  /**
   * This rule, with {@code values} added to the accepted identities of {@code kind}.
   *
   * @throws IllegalArgumentException when {@code values} is empty or a value is not of its kind, naming the value
   */
  public CertificateMatcher with(Kind kind, String... values) {
    Objects.requireNonNull(values, kind.method);
    if (values.length == 0) {
      throw new IllegalArgumentException(
          kind.method + "() needs at least one value: a rule that names nothing would accept nothing");
    }
    Map<Kind, List<String>> more = new EnumMap<>(Kind.class);
    more.putAll(wanted);
    List<String> list = new ArrayList<>(wanted.getOrDefault(kind, List.of()));
    for (String value : values) {
      String normalized = normalize(kind, value);
      if (!list.contains(normalized)) {
        list.add(normalized);
      }
    }
    more.put(kind, List.copyOf(list));
    return new CertificateMatcher(bundle, Collections.unmodifiableMap(more));
  }

  /** The internal form of {@code certificates}. */
  public static CertificateMatcher of(ClientCertificates certificates) {
    Objects.requireNonNull(certificates, "certificates");
    // An instance exists, so its class is initialised, so the reader is in place.
    return ACCESS.get().apply(certificates);
  }

  /** Called once, by {@link ClientCertificates} as its class is initialised. */
  public static void grantAccess(Function<ClientCertificates, CertificateMatcher> reader) {
    if (!ACCESS.compareAndSet(null, Objects.requireNonNull(reader, "reader"))) {
      throw new IllegalStateException("access to ClientCertificates was already granted");
    }
  }

  /** The CA certificates a client certificate must chain to now; what TLS asks clients for. */
  public List<X509Certificate> issuers() {
    return bundle.current().certificates();
  }

  /** Where the CA certificates come from; shared by every rule narrowed from one {@code issuedBy}. */
  TrustBundle bundle() {
    return bundle;
  }

  /** Whether a leaf must also carry one of the listed identities. */
  public boolean narrowed() {
    return !wanted.isEmpty();
  }

  /**
   * Whether {@code certificates} accepts {@code chain}, judged by the CAs in service now; see
   * {@link #refusal(X509Certificate[], ClientTrust.Snapshot)}.
   *
   * @param chain the client's chain, leaf first, as {@code SSLSession.getPeerCertificates()} gives it
   */
  public static boolean matches(ClientCertificates certificates, X509Certificate... chain) {
    return of(certificates).refusal(chain, null) == null;
  }

  /**
   * Whether {@code certificates} accepts {@code chain}; see
   * {@link #refusal(X509Certificate[], ClientTrust.Snapshot)}.
   *
   * @param chain the client's chain, leaf first, as {@code SSLSession.getPeerCertificates()} gives it
   * @param checkedBy the CAs the connection's handshake checked {@code chain} against, or {@code null}
   */
  public static boolean matches(
      ClientCertificates certificates, X509Certificate[] chain, ClientTrust.Snapshot checkedBy) {
    return of(certificates).refusal(chain, checkedBy) == null;
  }

  /**
   * Whether {@code chain} (leaf first) is accepted by the CAs in service now; see
   * {@link #refusal(X509Certificate[], ClientTrust.Snapshot)}.
   */
  public boolean matches(X509Certificate... chain) {
    return refusal(chain, null) == null;
  }

  /**
   * Why {@code chain} (leaf first) is not accepted by the CAs in service now; see
   * {@link #refusal(X509Certificate[], ClientTrust.Snapshot)}.
   */
  public String refusal(X509Certificate... chain) {
    return refusal(chain, null);
  }

  /**
   * Why {@code chain} is not accepted, for the log, or {@code null} when it is.
   *
   * <p>The chain is validated again, against this rule's own issuers: the TLS layer trusts the issuers of every
   * rule at once, so a certificate from another rule's CA gets this far. Pass the whole chain the TLS session
   * gives ({@code getPeerCertificates()}); given only the leaf, a certificate issued through an intermediate CA
   * that the bundle does not hold is refused.
   *
   * <p>The bundle's CAs are taken from {@code checkedBy}, the snapshot the connection's handshake used, so a
   * connection opened before the bundle file changed keeps being judged as it was let in; without one, from the
   * bundle as it is now.
   *
   * @param chain the client's chain, leaf first
   * @param checkedBy what {@link ClientTrust#checkedBy} gives for the connection's session, or {@code null}
   */
  public String refusal(X509Certificate[] chain, ClientTrust.Snapshot checkedBy) {
    if (chain == null || chain.length == 0 || chain[0] == null) {
      return "no client certificate was presented";
    }
    X509Certificate leaf = chain[0];
    TrustBundle.Issuers issuers = checkedBy == null ? null : checkedBy.issuersOf(bundle);
    if (issuers == null) {
      issuers = bundle.current();
    }
    try {
      issuers.trust().checkClientTrusted(chain.clone(), "UNKNOWN");
    } catch (CertificateException | RuntimeException e) {
      return "the client certificate " + leaf.getSubjectX500Principal().getName() + " does not chain to a CA in "
          + bundle.source() + " (" + rootCause(e) + ")";
    }
    if (wanted.isEmpty() || matchesIdentity(leaf)) {
      return null;
    }
    return "the client certificate " + Certificates.describe(leaf) + " carries none of the accepted identities: "
        + describeWanted();
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  /** Whether {@code leaf} carries one of the listed identities (of any kind); chains are not checked here. */
  boolean matchesIdentity(X509Certificate leaf) {
    for (Map.Entry<Kind, List<String>> entry : wanted.entrySet()) {
      Collection<String> present = Certificates.identities(leaf, entry.getKey());
      for (String value : entry.getValue()) {
        if (present.contains(value)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code issued by clients-ca.pem (CN=Clients CA)}, then {@code with CN alice or OU ops} when narrowed. */
  @Override
  public String toString() {
    String text = "issued by " + bundle.source() + " (" + bundle.inService() + ")";
    return wanted.isEmpty() ? text : text + " with " + describeWanted();
  }

  private String describeWanted() {
    StringJoiner any = new StringJoiner(" or ");
    wanted.forEach((kind, values) -> values.forEach(v -> any.add(kind.label + " " + v)));
    return any.toString();
  }

  private static String normalize(Kind kind, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(kind.method + "(): a value is empty: pass the " + kind.label
          + " to accept");
    }
    switch (kind) {
      case DNS_NAME:
        if (!DNS_NAME.matcher(value).matches()) {
          throw new IllegalArgumentException(kind.method + "(\"" + value + "\"): not a DNS name: use the name"
              + " as the certificate's subjectAltName DNS entry spells it, e.g. worker-1.example.com");
        }
        return value.toLowerCase(Locale.ROOT);
      case URI:
        if (value.chars().anyMatch(c -> c <= 0x20 || c == 0x7F)) {
          throw new IllegalArgumentException(kind.method + "(\"" + value + "\"): a URI has no spaces or control"
              + " characters: use it as the certificate's subjectAltName URI entry spells it, e.g."
              + " spiffe://example.org/ns/prod/sa/web");
        }
        return value;
      case IP_ADDRESS:
        InetAddress address = IpLiterals.parse(value.strip());
        if (address == null) {
          throw new IllegalArgumentException(kind.method + "(\"" + value + "\"): not an IP address: use a literal"
              + " such as 192.0.2.7 or 2001:db8::7 (host names are not accepted)");
        }
        return Addresses.format(address);
      case SPKI_SHA256:
        return pin(value.strip());
      default:
        return value;
    }
  }

  private static String pin(String value) {
    String base64 = value.regionMatches(true, 0, "sha256//", 0, 8) ? value.substring(8) : value;
    byte[] hash = null;
    try {
      hash = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (hash == null || hash.length != 32) {
      String hint = base64.replace(":", "").matches("[0-9A-Fa-f]{64}")
          ? " (this looks like a hex certificate fingerprint; a pin hashes the public key and is base64)"
          : "";
      throw new IllegalArgumentException("spkiSha256(\"" + value + "\"): not a SHA-256 public key pin" + hint
          + ": expected 44 characters of base64, as printed by openssl x509 -in client.pem -pubkey -noout"
          + " | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64");
    }
    return Base64.getEncoder().encodeToString(hash);
  }

  /** The first common name in {@code leaf}'s subject, read from its encoding, or {@code null} when it has none. */
  public static String commonName(X509Certificate leaf) {
    List<String> names = Certificates.identities(leaf, Kind.COMMON_NAME);
    return names.isEmpty() ? null : names.get(0);
  }

  /** The base64 SHA-256 of {@code leaf}'s SubjectPublicKeyInfo, as encoded in the certificate. */
  static String spkiSha256(X509Certificate leaf) {
    try {
      byte[] spki = Der.subjectPublicKeyInfo(leaf.getTBSCertificate());
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
    } catch (CertificateException | IllegalArgumentException e) {
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
