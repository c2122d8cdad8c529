package io.github.httpswrapper.internal.client;

import static io.github.httpswrapper.internal.client.ClientAddressTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.internal.client.ForwardedHeaders.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {
  private final Map<String, List<String>> incoming = new LinkedHashMap<>();

  private Map<String, String> compute(String client, String peer, boolean trusted, String host) {
    List<Field> fields = ForwardedHeaders.compute(ip(client), ip(peer), trusted, host, 8443,
        name -> incoming.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    Map<String, String> out = new LinkedHashMap<>();
    fields.forEach(f -> out.put(f.name(), f.value()));
    assertEquals(fields.size(), out.size(), "each header once");
    return out;
  }

  private void incoming(String name, String... values) {
    incoming.put(name.toLowerCase(Locale.ROOT), List.of(values));
  }

  private void spoofEverything() {
    incoming("X-Forwarded-For", "127.0.0.1");
    incoming("X-Forwarded-Proto", "http");
    incoming("X-Forwarded-Host", "evil.example");
    incoming("X-Forwarded-Port", "80");
    incoming("Forwarded", "for=127.0.0.1");
    incoming("X-Real-IP", "127.0.0.1");
  }

  @Test
  void untrustedPeerGetsOnlyTheWrappersOwnValues() {
    spoofEverything();

    Map<String, String> out = compute("203.0.113.5", "203.0.113.5", false, "app.example:8443");

    assertEquals(Map.of(
        "X-Forwarded-For", "203.0.113.5",
        "X-Forwarded-Proto", "https",
        "X-Forwarded-Host", "app.example:8443",
        "X-Forwarded-Port", "8443",
        "Forwarded", "for=203.0.113.5;proto=https;host=\"app.example:8443\"",
        "X-Real-IP", "203.0.113.5"), out);
  }

  @Test
  void trustedPeerContinuesTheChains() {
    incoming("X-Forwarded-For", "198.51.100.1", "203.0.113.5");
    incoming("Forwarded", "for=198.51.100.1, for=203.0.113.5;proto=https");

    Map<String, String> out = compute("203.0.113.5", "10.0.0.2", true, "app.example");

    assertEquals("198.51.100.1, 203.0.113.5, 10.0.0.2", out.get("X-Forwarded-For"));
    assertEquals("for=198.51.100.1, for=203.0.113.5;proto=https, for=10.0.0.2;proto=https;host=app.example",
        out.get("Forwarded"));
    assertEquals("203.0.113.5", out.get("X-Real-IP"));
  }

  @Test
  void trustedPeerWithoutChainStartsOne() {
    Map<String, String> out = compute("10.0.0.2", "10.0.0.2", true, "app.example");

    assertEquals("10.0.0.2", out.get("X-Forwarded-For"));
    assertEquals("for=10.0.0.2;proto=https;host=app.example", out.get("Forwarded"));
  }

  @Test
  void trustedPeerKeepsTheUrlTheUserTyped() {
    incoming("X-Forwarded-Proto", "http, https");
    incoming("X-Forwarded-Host", "www.example");
    incoming("X-Forwarded-Port", "443");

    Map<String, String> out = compute("203.0.113.5", "10.0.0.2", true, "internal:8443");

    assertEquals("http", out.get("X-Forwarded-Proto"));
    assertEquals("www.example", out.get("X-Forwarded-Host"));
    assertEquals("443", out.get("X-Forwarded-Port"));
  }

  @Test
  void trustedPeersMalformedUrlPartsAreReplaced() {
    incoming("X-Forwarded-Proto", "javascript");
    incoming("X-Forwarded-Host", "a b");
    incoming("X-Forwarded-Port", "70000");

    Map<String, String> out = compute("203.0.113.5", "10.0.0.2", true, "app.example");

    assertEquals("https", out.get("X-Forwarded-Proto"));
    assertEquals("app.example", out.get("X-Forwarded-Host"));
    assertEquals("8443", out.get("X-Forwarded-Port"));
  }

  @Test
  void incomingChainWithControlCharactersIsDropped() {
    incoming("X-Forwarded-For", "127.0.0.1\r\nX-Admin: yes");

    assertEquals("10.0.0.2", compute("10.0.0.2", "10.0.0.2", true, "app.example").get("X-Forwarded-For"));
  }

  @Test
  void ipv6IsQuotedAndBracketedInForwardedButBareInXForwardedFor() {
    Map<String, String> out = compute("2001:db8::5", "2001:db8::5", false, "[2001:db8::1]:8443");

    assertEquals("2001:db8::5", out.get("X-Forwarded-For"));
    assertEquals("for=\"[2001:db8::5]\";proto=https;host=\"[2001:db8::1]:8443\"", out.get("Forwarded"));
  }

  @Test
  void missingOrOddHostIsLeftOut() {
    Map<String, String> out = compute("203.0.113.5", "203.0.113.5", false, "a\"b");

    assertFalse(out.containsKey("X-Forwarded-Host"));
    assertEquals("for=203.0.113.5;proto=https", out.get("Forwarded"));
  }

  @Test
  void everyHeaderItSetsIsRemovedFirst() {
    List<Field> fields = ForwardedHeaders.compute(ip("10.0.0.2"), ip("10.0.0.2"), true, "a", 1, n -> List.of());

    Set<String> removed = ForwardedHeaders.REMOVED;
    fields.forEach(f -> assertTrue(removed.contains(f.name().toLowerCase(Locale.ROOT)), f.name()));
    assertEquals(removed.size(), fields.size());
  }
}
