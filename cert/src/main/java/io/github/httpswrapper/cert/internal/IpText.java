package io.github.httpswrapper.cert.internal;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * IP addresses as people write them: IPv4 in dotted decimal, IPv6 in the compressed form of RFC 5952
 * ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}), never with a scope suffix. One spelling for the whole project, so
 * that names in certificates, log lines and forwarded headers agree. Public for the core module only (the
 * package is exported to it alone).
 */
public final class IpText {
  private IpText() {}

  /** The canonical spelling of {@code address}. */
  public static String format(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    // RFC 5952: replace the longest run of two or more zero groups (the first, if tied) with "::".
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; i++) {
      int length = 0;
      while (i + length < 8 && groups[i + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = i;
        bestLength = length;
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
      } else {
        if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
          text.append(':');
        }
        text.append(Integer.toHexString(groups[i]));
      }
    }
    return text.toString();
  }
}
