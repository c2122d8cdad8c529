package io.github.httpswrapper.internal.client;

import io.github.httpswrapper.internal.access.Addresses;
import io.github.httpswrapper.internal.access.Cidr;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The address access rules judge a request by: the client's, as far as it can be known without believing anyone
 * who is not a trusted proxy.
 *
 * <p>It is the connection's peer (or the source in its PROXY protocol header), unless that peer is a trusted
 * proxy. Then the proxy's forwarding header is walked from right to left, the end the proxies append to:
 * addresses of further trusted proxies are passed over, and the first address that is not a trusted proxy is
 * the client. Entries to its left were written by the client or by proxies nobody vouches for, and are ignored:
 * a client that sends {@code X-Forwarded-For: 127.0.0.1} through a proxy only makes the proxy's chain longer.
 * If every entry is a trusted proxy, the leftmost is the client.
 *
 * <p>The walk stops early, and the last trusted hop (at least the peer) counts as the client, at an entry that
 * names no IP address: garbage, a host name (never looked up), {@code unknown}, or an RFC 7239 obfuscated
 * identifier such as {@code _hidden}. So a trusted proxy that forwards without adding its header, or hides the
 * client, makes requests look as if they came from the proxy itself: list only proxies that always append the
 * client's address, and do not list a proxy on this machine if the rules give loopback clients more rights.
 *
 * <p>Which header: {@code X-Forwarded-For} if the request has one, otherwise RFC 7239 {@code Forwarded}. A proxy
 * appends to one header and passes the other through from the client unchanged, so the other is the client's to
 * write. nginx ({@code $proxy_add_x_forwarded_for}), Apache, HAProxy ({@code option forwardfor}), Caddy,
 * Traefik, Envoy and the cloud load balancers all append to {@code X-Forwarded-For}; reading {@code Forwarded}
 * first would let any client behind nginx's default configuration pick its own address. A proxy that writes only
 * {@code Forwarded} (HAProxy {@code option forwarded}) must therefore delete incoming {@code X-Forwarded-For}
 * ({@code http-request del-header X-Forwarded-For}).
 */
public final class ClientAddress {
  private static final List<Cidr> PRIVATE = List.of(
      Cidr.parse("10.0.0.0/8"),
      Cidr.parse("172.16.0.0/12"),
      Cidr.parse("192.168.0.0/16"),
      Cidr.parse("100.64.0.0/10"),
      Cidr.parse("169.254.0.0/16"),
      Cidr.parse("fc00::/7"),
      Cidr.parse("fe80::/10"));

  private final InetAddress address;
  private final InetAddress peer;
  private final String note;

  private ClientAddress(InetAddress address, InetAddress peer, String note) {
    this.address = address;
    this.peer = peer;
    this.note = note;
  }

  /**
   * The client address of one request; {@link #decide} tells more.
   *
   * @see #decide
   */
  public static InetAddress resolve(
      InetAddress peer, List<Cidr> trustedProxies, List<String> xForwardedFor, List<String> forwarded) {
    return decide(peer, trustedProxies, xForwardedFor, forwarded).address();
  }

  /**
   * Decides the client address of one request, and says why a walk through a forwarding header stopped early.
   *
   * @param peer the connection's peer, or the source of its PROXY protocol header
   * @param trustedProxies the proxies whose forwarding headers are believed
   * @param xForwardedFor the raw values of every {@code X-Forwarded-For} line, in order; empty when none
   * @param forwarded the raw values of every {@code Forwarded} line, in order; empty when none
   */
  public static ClientAddress decide(
      InetAddress peer, List<Cidr> trustedProxies, List<String> xForwardedFor, List<String> forwarded) {
    InetAddress current = IpLiterals.unmapped(Objects.requireNonNull(peer, "peer"));
    if (!isTrusted(current, trustedProxies)) {
      return new ClientAddress(current, current, null);
    }
    boolean useXff = xForwardedFor.stream().anyMatch(v -> v != null && !v.isBlank());
    List<Hop> hops = useXff ? Hops.xForwardedFor(xForwardedFor) : Hops.forwarded(forwarded);
    if (hops.isEmpty()) {
      return new ClientAddress(current, current, "the trusted proxy sent neither X-Forwarded-For nor Forwarded");
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      Hop hop = hops.get(i);
      if (hop.address() == null) {
        return new ClientAddress(current, peer, hop.problem());
      }
      current = IpLiterals.unmapped(hop.address());
      if (!isTrusted(current, trustedProxies)) {
        return new ClientAddress(current, peer, null);
      }
    }
    return new ClientAddress(current, peer, null);
  }

  /** Whether {@code address} lies in one of {@code blocks}; IPv4-mapped IPv6 counts as its IPv4 address. */
  public static boolean isTrusted(InetAddress address, List<Cidr> blocks) {
    InetAddress plain = IpLiterals.unmapped(address);
    return blocks.stream().anyMatch(block -> block.contains(plain));
  }

  /** Whether {@code address} is on this machine: {@code 127.0.0.0/8} or {@code ::1} (or IPv4-mapped 127/8). */
  public static boolean isLoopback(InetAddress address) {
    return IpLiterals.unmapped(address).isLoopbackAddress();
  }

  /**
   * Whether {@code address} is on a private network or this machine: loopback, the RFC 1918 blocks
   * {@code 10.0.0.0/8}, {@code 172.16.0.0/12} and {@code 192.168.0.0/16}, the shared (carrier-grade NAT, also
   * Tailscale) block {@code 100.64.0.0/10}, link-local {@code 169.254.0.0/16} and {@code fe80::/10}, and IPv6
   * unique local addresses {@code fc00::/7}. IPv4-mapped IPv6 addresses count as their IPv4 address. Not
   * private: the unspecified address ({@code 0.0.0.0}, {@code ::}), documentation and benchmark blocks, and
   * every public address.
   */
  public static boolean isPrivate(InetAddress address) {
    InetAddress plain = IpLiterals.unmapped(address);
    return plain.isLoopbackAddress() || PRIVATE.stream().anyMatch(block -> block.contains(plain));
  }

  /** The client's address; IPv4-mapped IPv6 is given as IPv4. */
  public InetAddress address() {
    return address;
  }

  /** Whether the address came from a trusted proxy's header rather than from the connection itself. */
  public boolean forwarded() {
    return !address.equals(IpLiterals.unmapped(peer));
  }

  /**
   * Why the walk stopped before finding an untrusted address (for the log), e.g.
   * {@code "X-Forwarded-For entry 'foo' is not an IP address"}; {@code null} when it did not.
   */
  public String note() {
    return note;
  }

  /** {@code 203.0.113.7}, or {@code 203.0.113.7 via 10.0.0.2} when a proxy said so. */
  @Override
  public String toString() {
    String text = Addresses.format(address);
    return forwarded() ? text + " via " + Addresses.format(IpLiterals.unmapped(peer)) : text;
  }
}
