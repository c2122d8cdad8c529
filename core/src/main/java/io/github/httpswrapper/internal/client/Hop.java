package io.github.httpswrapper.internal.client;

import java.net.InetAddress;

/**
 * One entry of a forwarding chain ({@code X-Forwarded-For} or the {@code for=} of a {@code Forwarded} element):
 * the address a proxy says it received the request from, or, when the entry names no usable address, why not.
 *
 * @param address the address, or {@code null} when the entry ends the walk
 * @param problem why the entry ends the walk (e.g. {@code "'_hidden' is an obfuscated identifier"}), or
 *     {@code null} when it has an address
 */
record Hop(InetAddress address, String problem) {
  static Hop of(InetAddress address) {
    return new Hop(address, null);
  }

  static Hop unusable(String problem) {
    return new Hop(null, problem);
  }

  /**
   * Parses a node as proxies write it: an IP literal, optionally with a port ({@code 192.0.2.7},
   * {@code 192.0.2.7:4711}, {@code 2001:db8::7}, {@code [2001:db8::7]}, {@code [2001:db8::7]:4711}).
   *
   * @param bareIpv6 whether an unbracketed IPv6 literal is accepted ({@code X-Forwarded-For} has no grammar and
   *     proxies write IPv6 bare; RFC 7239 requires brackets)
   */
  static Hop parseNode(String node, boolean bareIpv6, String header) {
    String host = node;
    String port = null;
    if (node.startsWith("[")) {
      int close = node.indexOf(']');
      if (close < 0) {
        return malformed(node, header);
      }
      host = node.substring(1, close);
      String after = node.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          return malformed(node, header);
        }
        port = after.substring(1);
      }
      InetAddress address = host.indexOf(':') >= 0 ? IpLiterals.parseIpv6(host) : null;
      return address == null || !validPort(port) ? malformed(node, header) : of(address);
    }
    int colon = node.indexOf(':');
    if (colon >= 0 && node.indexOf(':', colon + 1) < 0) {
      host = node.substring(0, colon);
      port = node.substring(colon + 1);
      InetAddress address = IpLiterals.parseIpv4(host);
      return address == null || !validPort(port) ? malformed(node, header) : of(address);
    }
    InetAddress address = colon >= 0
        ? (bareIpv6 ? IpLiterals.parseIpv6(node) : null)
        : IpLiterals.parseIpv4(node);
    return address == null ? malformed(node, header) : of(address);
  }

  private static boolean validPort(String port) {
    if (port == null) {
      return true;
    }
    if (port.length() > 1 && port.charAt(0) == '_') {
      // RFC 7239 obfuscated port: says nothing about the address, so it does no harm.
      return port.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 0x80 || c == '.' || c == '_'
          || c == '-');
    }
    return !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9')
        && Integer.parseInt(port) <= 65535;
  }

  private static Hop malformed(String node, String header) {
    return unusable(header + " entry '" + Hops.printable(node) + "' is not an IP address");
  }
}
