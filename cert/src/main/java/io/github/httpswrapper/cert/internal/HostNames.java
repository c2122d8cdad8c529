package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Host names and IP addresses as they appear in a certificate's subject alternative names.
 *
 * <p>Each name has one canonical spelling, so that names asked for and names found in a stored certificate
 * compare equal however they were typed: DNS names in lower case without a trailing dot, IPv4 in dotted decimal,
 * IPv6 in the compressed form of RFC 5952 ({@code ::1}, {@code fd00::10}). Nothing here performs a DNS lookup.
 */
final class HostNames {
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6_CHARS = Pattern.compile("\\[?[0-9A-Fa-f:.]+]?");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
  private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");

  private HostNames() {}

  /** Whether {@code name} is an IPv4 or IPv6 literal. */
  static boolean isIpAddress(String name) {
    return IPV4.matcher(name).matches() || (name.contains(":") && IPV6_CHARS.matcher(name).matches());
  }

  /** The address an IP literal stands for, without any lookup. */
  static InetAddress ipAddress(String literal) {
    if (!isIpAddress(literal)) {
      throw new IllegalArgumentException("not an IP address: " + literal);
    }
    try {
      // A literal containing ':' is parsed as IPv6 and never looked up; a dotted quad is parsed as IPv4.
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + literal, e);
    }
  }

  /** The canonical spelling of an address: dotted decimal, or compressed IPv6. */
  static String format(InetAddress address) {
    return IpText.format(address);
  }

  /**
   * The canonical spelling of a name to put in a certificate.
   *
   * @throws CertificateMaterialException when {@code name} is neither a valid DNS name nor an IP address
   */
  static String canonical(String name, String origin) {
    String trimmed = name.trim();
    if (isIpAddress(trimmed)) {
      try {
        return format(ipAddress(trimmed));
      } catch (IllegalArgumentException e) {
        throw invalid(name, origin);
      }
    }
    String dns = trimmed.toLowerCase(Locale.ROOT);
    if (dns.endsWith(".")) {
      dns = dns.substring(0, dns.length() - 1);
    }
    if (!isDnsName(dns)) {
      throw invalid(name, origin);
    }
    return dns;
  }

  /** Whether {@code name} (lower case) is a DNS name, optionally with a leading {@code *.} wildcard label. */
  static boolean isDnsName(String name) {
    if (name.isEmpty() || name.length() > 253 || NUMERIC.matcher(name).matches()) {
      return false;
    }
    String[] labels = name.split("\\.", -1);
    for (int i = 0; i < labels.length; i++) {
      boolean wildcard = i == 0 && labels.length > 1 && labels[i].equals("*");
      if (!wildcard && !LABEL.matcher(labels[i]).matches()) {
        return false;
      }
    }
    return true;
  }

  private static CertificateMaterialException invalid(String name, String origin) {
    return new CertificateMaterialException(
        origin + ": \"" + name + "\" is not a valid host name or IP address: use a DNS name like"
            + " blog.home.arpa, an IPv4 address like 192.168.1.10 or an IPv6 address like fd00::10");
  }
}
