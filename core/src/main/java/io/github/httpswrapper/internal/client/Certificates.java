package io.github.httpswrapper.internal.client;

import io.github.httpswrapper.internal.access.Addresses;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The identities a certificate carries, in the normalised forms {@link CertificateMatcher} compares. */
final class Certificates {
  private static final int SAN_DNS = 2;
  private static final int SAN_URI = 6;
  private static final int SAN_IP = 7;

  private Certificates() {}

  /** The identities of {@code kind} in {@code certificate}; empty when it has none or they cannot be read. */
  static List<String> identities(X509Certificate certificate, CertificateMatcher.Kind kind) {
    switch (kind) {
      case COMMON_NAME:
        return subject(certificate, Der.COMMON_NAME);
      case ORGANIZATIONAL_UNIT:
        return subject(certificate, Der.ORGANIZATIONAL_UNIT);
      case DNS_NAME:
        return alternativeNames(certificate, SAN_DNS);
      case URI:
        return alternativeNames(certificate, SAN_URI);
      case IP_ADDRESS:
        return alternativeNames(certificate, SAN_IP);
      case SPKI_SHA256:
        String pin = CertificateMatcher.spkiSha256(certificate);
        return pin == null ? List.of() : List.of(pin);
      default:
        throw new AssertionError(kind);
    }
  }

  /** {@code CN=alice,O=Example (DNS alice.example.com, IP 192.0.2.7)}: the subject and alternative names. */
  static String describe(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    alternativeNames(certificate, SAN_DNS).forEach(n -> names.add("DNS " + n));
    alternativeNames(certificate, SAN_URI).forEach(n -> names.add("URI " + n));
    alternativeNames(certificate, SAN_IP).forEach(n -> names.add("IP " + n));
    String subject = certificate.getSubjectX500Principal().getName();
    return names.isEmpty() ? subject : subject + " (" + String.join(", ", names) + ")";
  }

  private static List<String> subject(X509Certificate certificate, byte[] type) {
    try {
      return Der.attributeValues(certificate.getSubjectX500Principal().getEncoded(), type);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static List<String> alternativeNames(X509Certificate certificate, int type) {
    Collection<List<?>> all;
    try {
      all = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    if (all == null) {
      return names;
    }
    for (List<?> entry : all) {
      if (entry.size() < 2 || !Integer.valueOf(type).equals(entry.get(0)) || !(entry.get(1) instanceof String)) {
        continue;
      }
      String name = (String) entry.get(1);
      if (type == SAN_DNS) {
        names.add(name.toLowerCase(Locale.ROOT));
      } else if (type == SAN_IP) {
        InetAddress address = IpLiterals.parse(name);
        if (address != null) {
          names.add(Addresses.format(address));
        }
      } else {
        names.add(name);
      }
    }
    return names;
  }
}
