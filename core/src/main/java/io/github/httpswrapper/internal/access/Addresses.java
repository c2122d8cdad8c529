package io.github.httpswrapper.internal.access;

import io.github.httpswrapper.cert.internal.IpText;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Addresses as people write them: IPv6 in the short form of RFC 5952 ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}). */
public final class Addresses {
  private Addresses() {}

  /** The textual form of {@code address}, without a scope suffix; IPv6 compressed per RFC 5952. */
  public static String format(InetAddress address) {
    return IpText.format(address);
  }

  /** {@code host:port}, or {@code [v6]:port} for an IPv6 address. */
  public static String authority(InetAddress address, int port) {
    String host = format(address);
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }
}
