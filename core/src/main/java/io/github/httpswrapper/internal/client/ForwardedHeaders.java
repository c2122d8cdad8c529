package io.github.httpswrapper.internal.client;

import io.github.httpswrapper.internal.access.Addresses;
import io.github.httpswrapper.internal.http.Syntax;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The forwarding headers the target receives, so it can tell who the client is and which URL it used.
 *
 * <p>The relay first removes every header named in {@link #REMOVED} from the request, whoever sent it, and then
 * adds the ones {@link #compute} returns. The wrapper is the proxy in front of the target, so it writes these
 * headers: a target that believes {@code X-Real-IP} or {@code X-Forwarded-For} must not see values a client made
 * up.
 *
 * <p>From an untrusted peer nothing incoming survives: {@code X-Forwarded-For} and {@code X-Real-IP} are the
 * peer's address; {@code X-Forwarded-Proto} is {@code https}; {@code X-Forwarded-Host} is the request's
 * {@code Host} (omitted when the request has no usable {@code Host}); {@code X-Forwarded-Port} is the wrapper's
 * port; {@code Forwarded} is one element, {@code for=...;proto=https;host=...}.
 *
 * <p>From a trusted proxy the chains are continued: {@code X-Forwarded-For} becomes the incoming chain plus
 * {@code ", "} and the proxy's address, and {@code Forwarded} gains this hop's element after the incoming ones.
 * The proxy also knows the URL the user typed better than the wrapper does (it may have served port 443 while the
 * wrapper listens on 8443), so its {@code X-Forwarded-Proto} ({@code http} or {@code https}),
 * {@code X-Forwarded-Host} and {@code X-Forwarded-Port} are kept when they are well-formed (the first entry of
 * each, if a chain of proxies made them lists). {@code X-Real-IP} is always the resolved client address. Incoming
 * values with control characters are dropped.
 */
public final class ForwardedHeaders {
  /** Headers removed from every request before {@link #compute} adds its own; lower case. */
  public static final Set<String> REMOVED = Set.of(
      "forwarded", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip");


  private ForwardedHeaders() {}

  /** One header to add: a name and its value. */
  public record Field(String name, String value) {}

  /**
   * The headers to add to one request, after removing {@link #REMOVED}.
   *
   * @param client the client address the access rules used ({@link ClientAddress#address()})
   * @param peer the connection's peer, or the source of its PROXY protocol header
   * @param peerTrusted whether {@code peer} is a trusted proxy
   * @param host the request's {@code Host} value, or {@code null}
   * @param wrapperPort the port the wrapper received the request on
   * @param incoming the values of an incoming header, by name (case-insensitive), in order; empty when absent
   */
  public static List<Field> compute(
      InetAddress client,
      InetAddress peer,
      boolean peerTrusted,
      String host,
      int wrapperPort,
      Function<String, List<String>> incoming) {
    String validHost = host != null && isHost(host) ? host : null;
    String proto = "https";
    String forwardedHost = validHost;
    String port = Integer.toString(wrapperPort);
    String xffChain = null;
    String forwardedChain = null;
    if (peerTrusted) {
      xffChain = joined(incoming.apply("X-Forwarded-For"));
      forwardedChain = joined(incoming.apply("Forwarded"));
      String incomingProto = first(incoming.apply("X-Forwarded-Proto"));
      if ("http".equalsIgnoreCase(incomingProto) || "https".equalsIgnoreCase(incomingProto)) {
        proto = incomingProto.toLowerCase(Locale.ROOT);
      }
      String incomingHost = first(incoming.apply("X-Forwarded-Host"));
      if (incomingHost != null && isHost(incomingHost)) {
        forwardedHost = incomingHost;
      }
      String incomingPort = first(incoming.apply("X-Forwarded-Port"));
      if (incomingPort != null && isPort(incomingPort)) {
        port = incomingPort;
      }
    }
    InetAddress hop = IpLiterals.unmapped(peer);
    String hopText = Addresses.format(hop);
    String node = hop instanceof Inet6Address ? "\"[" + hopText + "]\"" : hopText;
    String element =
        "for=" + node + ";proto=https" + (validHost == null ? "" : ";host=" + quotedIfNeeded(validHost));
    List<Field> fields = new ArrayList<>(6);
    fields.add(new Field("X-Forwarded-For", xffChain == null ? hopText : xffChain + ", " + hopText));
    fields.add(new Field("X-Forwarded-Proto", proto));
    if (forwardedHost != null) {
      fields.add(new Field("X-Forwarded-Host", forwardedHost));
    }
    fields.add(new Field("X-Forwarded-Port", port));
    fields.add(new Field("Forwarded", forwardedChain == null ? element : forwardedChain + ", " + element));
    fields.add(new Field("X-Real-IP", Addresses.format(IpLiterals.unmapped(client))));
    return Collections.unmodifiableList(fields);
  }

  private static String quotedIfNeeded(String value) {
    // A host admits neither '"' nor '\', so quoting needs no escapes.
    return Syntax.isToken(value) ? value : "\"" + value + "\"";
  }

  /**
   * Whether {@code text} can stand for a host in these headers: a name or IPv4 address of letters, digits and
   * {@code . _ ~ % -}, or a bracketed IPv6 literal of hex digits, {@code :} and {@code .}; then an optional
   * port of 1 to 5 digits. Nothing that could quote, escape or end a value.
   */
  static boolean isHost(String text) {
    int n = text.length();
    int hostEnd;
    if (n > 0 && text.charAt(0) == '[') {
      int close = text.indexOf(']');
      if (close < 2 || !Syntax.isIpLiteralText(text, 1, close)) {
        return false;
      }
      hostEnd = close + 1;
    } else {
      hostEnd = 0;
      while (hostEnd < n && isNameChar(text.charAt(hostEnd))) {
        hostEnd++;
      }
      if (hostEnd == 0) {
        return false;
      }
    }
    if (hostEnd == n) {
      return true;
    }
    int digits = n - hostEnd - 1;
    return text.charAt(hostEnd) == ':' && digits >= 1 && digits <= 5 && allDigits(text, hostEnd + 1);
  }

  /** Whether {@code text} is a port number: 1 to 65535, no leading zero. */
  static boolean isPort(String text) {
    int n = text.length();
    return n >= 1 && n <= 5 && text.charAt(0) != '0' && allDigits(text, 0) && Integer.parseInt(text) <= 65535;
  }

  private static boolean allDigits(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "._~%-".indexOf(c) >= 0;
  }

  /** The non-blank values joined with ", ", or {@code null} when there are none or one is unsafe. */
  private static String joined(List<String> values) {
    List<String> kept = new ArrayList<>();
    for (String value : values) {
      if (value == null || value.isBlank()) {
        continue;
      }
      if (hasControl(value)) {
        return null;
      }
      kept.add(value.strip());
    }
    return kept.isEmpty() ? null : String.join(", ", kept);
  }

  private static String first(List<String> values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return hasControl(value) ? null : value.split(",", -1)[0].strip();
      }
    }
    return null;
  }

  private static boolean hasControl(String value) {
    return value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7F);
  }
}
