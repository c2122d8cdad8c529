package io.github.httpswrapper.internal.access;

import io.github.httpswrapper.internal.client.IpLiterals;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** An IPv4 or IPv6 address block such as {@code 10.0.0.0/8} or {@code fd00::/8}. Immutable. */
public final class Cidr {
  private final byte[] network;
  private final int prefixLength;
  private final String text;

  private Cidr(byte[] network, int prefixLength, String text) {
    this.network = network;
    this.prefixLength = prefixLength;
    this.text = text;
  }

  /**
   * Parses {@code address[/prefix]}. A bare address is a block of one. Only IP literals are accepted: a host
   * name here would make a security rule depend on DNS.
   *
   * @throws IllegalArgumentException naming the text and what is wrong with it
   */
  public static Cidr parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an address block must not be empty: use e.g. 192.168.1.0/24 or ::1");
    }
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] address = parseLiteral(addressPart, trimmed);
    int maxPrefix = address.length * 8;
    int prefix = maxPrefix;
    if (slash >= 0) {
      String prefixText = trimmed.substring(slash + 1);
      try {
        prefix = Integer.parseInt(prefixText);
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > maxPrefix || !prefixText.matches("[0-9]{1,3}")) {
        throw new IllegalArgumentException(
            "'" + trimmed + "' is not an address block: the prefix length must be 0 to " + maxPrefix
                + (maxPrefix == 32 ? " for IPv4" : " for IPv6"));
      }
    }
    byte[] network = mask(address, prefix);
    if (!Arrays.equals(network, address)) {
      String suggestion = toText(network) + "/" + prefix;
      throw new IllegalArgumentException(
          "'" + trimmed + "' has address bits set beyond its /" + prefix + " prefix: did you mean "
              + suggestion + "?");
    }
    return new Cidr(network, prefix, slash < 0 ? trimmed : toText(network) + "/" + prefix);
  }

  /** Whether {@code address} lies in this block. IPv4 addresses never match IPv6 blocks, and the reverse. */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    return Arrays.equals(mask(candidate, prefixLength), network);
  }

  @Override
  public String toString() {
    return text;
  }

  private static byte[] parseLiteral(String literal, String whole) {
    InetAddress parsed = IpLiterals.parse(literal);
    if (parsed == null) {
      throw new IllegalArgumentException(
          "'" + whole + "' is not an IP address block: use an IPv4 or IPv6 literal such as 10.0.0.0/8, "
              + "192.168.1.7 or fd00::/8 (host names are not accepted)");
    }
    if (literal.indexOf(':') >= 0 && parsed.getAddress().length == 4) {
      throw new IllegalArgumentException(
          "'" + whole + "' is an IPv4-mapped IPv6 address: write the IPv4 form instead");
    }
    return parsed.getAddress();
  }

  private static byte[] mask(byte[] address, int prefix) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xFF00 >> bitsHere));
    }
    return out;
  }

  private static String toText(byte[] address) {
    try {
      return Addresses.format(InetAddress.getByAddress(address));
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
