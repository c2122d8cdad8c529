package io.github.httpswrapper.internal.access;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Connection-level address rules: a deny list, then an allow list. Deny wins; when an allow list exists, an
 * address on neither list is refused; with no lists at all, everyone may connect. Immutable.
 */
public final class IpRules {
  private final List<Cidr> allow;
  private final List<Cidr> deny;

  private IpRules(List<Cidr> allow, List<Cidr> deny) {
    this.allow = allow;
    this.deny = deny;
  }

  /** Rules from textual blocks. @throws IllegalArgumentException for a block that does not parse */
  public static IpRules of(List<String> allow, List<String> deny) {
    return new IpRules(
        allow.stream().map(Cidr::parse).collect(Collectors.toUnmodifiableList()),
        deny.stream().map(Cidr::parse).collect(Collectors.toUnmodifiableList()));
  }

  /** Parses one block, to validate it early. */
  public static Cidr parseBlock(String text) {
    return Cidr.parse(text);
  }

  /**
   * Checks a client address.
   *
   * @return {@code null} when the address may connect, otherwise the reason it may not, for the log
   */
  public String refusal(InetAddress address) {
    for (Cidr block : deny) {
      if (block.contains(address)) {
        return "address is in deny block " + block;
      }
    }
    if (allow.isEmpty()) {
      return null;
    }
    for (Cidr block : allow) {
      if (block.contains(address)) {
        return null;
      }
    }
    return "address is in no allow block " + allow;
  }

  /** A short description for the start line: who may connect. */
  public String describe() {
    if (allow.isEmpty() && deny.isEmpty()) {
      return "any address";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(allow.isEmpty() ? "any address" : "addresses in " + allow);
    if (!deny.isEmpty()) {
      sb.append(" except ").append(deny);
    }
    return sb.toString();
  }
}
