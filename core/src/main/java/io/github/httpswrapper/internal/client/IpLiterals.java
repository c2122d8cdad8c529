package io.github.httpswrapper.internal.client;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Strict IP address literals, parsed without {@link InetAddress#getByName(String)}.
 *
 * <p>The JDK's parser accepts forms no header should carry ({@code 127.1}, {@code 2130706433}, scope suffixes
 * such as {@code fe80::1%eth0}) and looks up anything it does not recognise as a literal in DNS. Here only the
 * dotted quad (no leading zeros, so {@code 010.0.0.1} is not mistaken for octal by some other component) and
 * the RFC 4291 text forms of IPv6 are accepted, and nothing ever reaches a resolver.
 */
public final class IpLiterals {
  private IpLiterals() {}

  /** The address {@code text} spells, IPv4 or IPv6, or {@code null} when it is not a strict literal. */
  public static InetAddress parse(String text) {
    if (text == null) {
      return null;
    }
    return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
  }

  /** The address of a dotted quad such as {@code 192.0.2.7}, or {@code null}. */
  static InetAddress parseIpv4(String text) {
    byte[] bytes = ipv4Bytes(text);
    return bytes == null ? null : byAddress(bytes);
  }

  /**
   * The address of an IPv6 literal such as {@code 2001:db8::7} or {@code ::ffff:192.0.2.7}, or {@code null}.
   * An IPv4-mapped literal yields the IPv4 address, as the JDK does for sockets.
   */
  static InetAddress parseIpv6(String text) {
    byte[] bytes = ipv6Bytes(text);
    return bytes == null ? null : unmapped(byAddress(bytes));
  }

  /** {@code address}, or the IPv4 address it carries when it is IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}). */
  static InetAddress unmapped(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return address;
      }
    }
    if (b[10] != (byte) 0xFF || b[11] != (byte) 0xFF) {
      return address;
    }
    return byAddress(new byte[] {b[12], b[13], b[14], b[15]});
  }

  private static byte[] ipv4Bytes(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
        return null;
      }
      int value = 0;
      for (int j = 0; j < part.length(); j++) {
        char c = part.charAt(j);
        if (c < '0' || c > '9') {
          return null;
        }
        value = value * 10 + (c - '0');
      }
      if (value > 255) {
        return null;
      }
      out[i] = (byte) value;
    }
    return out;
  }

  private static byte[] ipv6Bytes(String text) {
    if (text.length() < 2 || text.length() > 45) {
      return null;
    }
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    if (text.startsWith("::")) {
      gap = 0;
      i = 2;
    } else if (text.charAt(0) == ':') {
      return null;
    }
    while (i < text.length()) {
      int end = i;
      while (end < text.length() && text.charAt(end) != ':') {
        end++;
      }
      String part = text.substring(i, end);
      if (part.indexOf('.') >= 0) {
        // An embedded IPv4 address fills the last two groups and must end the text.
        byte[] v4 = end == text.length() ? ipv4Bytes(part) : null;
        if (v4 == null || count > 6) {
          return null;
        }
        groups[count++] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
        groups[count++] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
        i = end;
        break;
      }
      if (part.isEmpty() || part.length() > 4 || count == 8) {
        return null;
      }
      int value = 0;
      for (int j = 0; j < part.length(); j++) {
        int digit = Character.digit(part.charAt(j), 16);
        if (digit < 0 || part.charAt(j) > 'f') {
          return null;
        }
        value = value * 16 + digit;
      }
      groups[count++] = value;
      if (end == text.length()) {
        i = end;
        break;
      }
      if (text.startsWith("::", end)) {
        if (gap >= 0) {
          return null;
        }
        gap = count;
        i = end + 2;
      } else {
        i = end + 1;
        if (i == text.length()) {
          return null;
        }
      }
    }
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    byte[] out = new byte[16];
    int zeros = 8 - count;
    for (int g = 0, k = 0; g < 8; g++) {
      int value;
      if (gap >= 0 && g >= gap && g < gap + zeros) {
        value = 0;
      } else {
        value = groups[k++];
      }
      out[2 * g] = (byte) (value >> 8);
      out[2 * g + 1] = (byte) value;
    }
    return out;
  }

  private static InetAddress byAddress(byte[] bytes) {
    try {
      // getByAddress never resolves; it only fails for a wrong length, which cannot happen here.
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
