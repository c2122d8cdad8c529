package io.github.httpswrapper.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.internal.access.Cidr;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client address from X-Forwarded-For, and which header wins; Forwarded itself is in ForwardedForTest. */
class ClientAddressTest {
  static final List<Cidr> PROXIES = List.of(Cidr.parse("10.0.0.0/24"), Cidr.parse("fd00::/8"));

  static InetAddress ip(String literal) {
    InetAddress address = IpLiterals.parse(literal);
    if (address == null) {
      throw new IllegalArgumentException(literal);
    }
    return address;
  }

  private static InetAddress viaXff(String peer, String... values) {
    return ClientAddress.resolve(ip(peer), PROXIES, List.of(values), List.of());
  }

  @Test
  void untrustedPeerIsTheClientWhateverItsHeadersSay() {
    assertEquals(ip("203.0.113.5"), viaXff("203.0.113.5", "127.0.0.1"));
  }

  @Test
  void untrustedLoopbackLookingHeaderNeverMakesAClientLocal() {
    InetAddress client = viaXff("203.0.113.5", "127.0.0.1, ::1");

    assertFalse(ClientAddress.isLoopback(client));
  }

  @Test
  void trustedPeerWithoutHeaderIsItselfTheClient() {
    ClientAddress decided = ClientAddress.decide(ip("10.0.0.2"), PROXIES, List.of(), List.of());

    assertEquals(ip("10.0.0.2"), decided.address());
    assertEquals("the trusted proxy sent neither X-Forwarded-For nor Forwarded", decided.note());
  }

  @Test
  void trustedPeerGivesTheRightmostEntry() {
    assertEquals(ip("203.0.113.5"), viaXff("10.0.0.2", "203.0.113.5"));
  }

  @Test
  void spoofedEntriesLeftOfTheProxysOwnAreIgnored() {
    // The client sent "X-Forwarded-For: 127.0.0.1"; the proxy appended the address it saw.
    assertEquals(ip("203.0.113.5"), viaXff("10.0.0.2", "127.0.0.1, 203.0.113.5"));
  }

  @Test
  void severalTrustedProxiesAreWalkedPast() {
    assertEquals(ip("203.0.113.5"), viaXff("10.0.0.3", "198.51.100.9, 203.0.113.5, 10.0.0.1, 10.0.0.2"));
  }

  @Test
  void everyEntryTrustedGivesTheLeftmost() {
    assertEquals(ip("10.0.0.7"), viaXff("10.0.0.3", "10.0.0.7, 10.0.0.1"));
  }

  @Test
  void severalHeaderLinesFormOneList() {
    assertEquals(ip("203.0.113.5"), viaXff("10.0.0.3", "127.0.0.1", "203.0.113.5, 10.0.0.1"));
  }

  @Test
  void blankHeaderLinesAreIgnored() {
    assertEquals(ip("203.0.113.5"), viaXff("10.0.0.3", "203.0.113.5", "  "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "example.com", "", "127.1", "010.0.0.1", "1.2.3.4:99999", "[1.2.3.4]",
      "::1%lo", "unknown", "_hidden", "1.2.3.4 5.6.7.8"})
  void malformedEntryEndsTheWalkAtTheLastTrustedHop(String entry) {
    ClientAddress decided =
        ClientAddress.decide(ip("10.0.0.3"), PROXIES, List.of("127.0.0.1, " + entry + ", 10.0.0.1"), List.of());

    assertEquals(ip("10.0.0.1"), decided.address());
    assertTrue(decided.note().startsWith("X-Forwarded-For entry '"), decided.note());
  }

  @Test
  void malformedEntryLeftOfTheClientDoesNotMatter() {
    assertEquals(ip("203.0.113.5"), viaXff("10.0.0.3", "garbage, 203.0.113.5"));
  }

  @Test
  void entriesWithPortsAndBracketsAreUnderstood() {
    assertEquals(ip("203.0.113.5"), viaXff("10.0.0.3", "203.0.113.5:4711"));
    assertEquals(ip("2001:db8::5"), viaXff("10.0.0.3", "[2001:db8::5]:4711"));
    assertEquals(ip("2001:db8::5"), viaXff("10.0.0.3", "[2001:db8::5]"));
    assertEquals(ip("2001:db8::5"), viaXff("10.0.0.3", "2001:db8::5"));
  }

  @Test
  void ipv6TrustedProxiesAreWalkedPast() {
    assertEquals(ip("2001:db8::5"), viaXff("fd00::1", "2001:db8::5, fd00::2"));
  }

  @Test
  void ipv4MappedPeerMatchesIpv4ProxyBlocks() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xFF;
    mapped[11] = (byte) 0xFF;
    mapped[12] = 10;
    mapped[15] = 2;
    InetAddress peer = Inet6Address.getByAddress(null, mapped, -1);

    assertEquals(ip("203.0.113.5"), ClientAddress.resolve(peer, PROXIES, List.of("203.0.113.5"), List.of()));
  }

  @Test
  void ipv4MappedEntryIsJudgedAsIpv4() {
    assertEquals(ip("203.0.113.5"), viaXff("10.0.0.3", "::ffff:203.0.113.5, ::ffff:10.0.0.1"));
  }

  @Test
  void xForwardedForWinsOverForwarded() {
    // nginx appends to X-Forwarded-For and passes the client's Forwarded through untouched.
    InetAddress client = ClientAddress.resolve(
        ip("10.0.0.2"), PROXIES, List.of("203.0.113.5"), List.of("for=127.0.0.1"));

    assertEquals(ip("203.0.113.5"), client);
  }

  @Test
  void forwardedIsUsedWhenThereIsNoXForwardedFor() {
    InetAddress client = ClientAddress.resolve(ip("10.0.0.2"), PROXIES, List.of(" "), List.of("for=203.0.113.5"));

    assertEquals(ip("203.0.113.5"), client);
  }

  @Test
  void hugeChainsKeepOnlyTheirRightEnd() {
    String chain = "203.0.113.5, " + "10.0.0.1, ".repeat(100) + "10.0.0.1";

    ClientAddress decided = ClientAddress.decide(ip("10.0.0.2"), PROXIES, List.of(chain), List.of());

    assertEquals(ip("10.0.0.1"), decided.address());
    assertEquals("the chain has more than 64 entries", decided.note());
  }

  @Test
  void forwardedAddressIsShownWithItsProxy() {
    ClientAddress decided = ClientAddress.decide(ip("10.0.0.2"), PROXIES, List.of("2001:db8::5"), List.of());

    assertTrue(decided.forwarded());
    assertNull(decided.note());
    assertEquals("2001:db8::5 via 10.0.0.2", decided.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "::1", "::ffff:127.0.0.1"})
  void loopbackAddresses(String address) {
    assertTrue(ClientAddress.isLoopback(ip(address)));
    assertTrue(ClientAddress.isPrivate(ip(address)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1",
      "100.127.255.255", "169.254.1.1", "fc00::1", "fd12::1", "fe80::1", "febf::1", "::ffff:192.168.1.1"})
  void privateAddresses(String address) {
    assertTrue(ClientAddress.isPrivate(ip(address)));
    assertFalse(ClientAddress.isLoopback(ip(address)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1",
      "192.0.2.1", "2001:db8::1", "fec0::1", "::127.0.0.1", "128.0.0.1"})
  void publicAndSpecialAddressesAreNotPrivate(String address) {
    assertFalse(ClientAddress.isPrivate(ip(address)));
    assertFalse(ClientAddress.isLoopback(ip(address)));
  }
}
