package io.github.httpswrapper.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {
  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void ipv4BlockContainsItsAddresses() throws Exception {
    Cidr block = Cidr.parse("192.168.1.0/24");
    assertTrue(block.contains(ip("192.168.1.0")));
    assertTrue(block.contains(ip("192.168.1.255")));
    assertFalse(block.contains(ip("192.168.2.1")));
  }

  @Test
  void oddPrefixLengthsMaskPartOfAByte() throws Exception {
    Cidr block = Cidr.parse("10.0.0.0/9");
    assertTrue(block.contains(ip("10.127.255.255")));
    assertFalse(block.contains(ip("10.128.0.0")));
  }

  @Test
  void bareAddressIsABlockOfOne() throws Exception {
    Cidr block = Cidr.parse("127.0.0.1");
    assertTrue(block.contains(ip("127.0.0.1")));
    assertFalse(block.contains(ip("127.0.0.2")));
  }

  @Test
  void ipv6BlockContainsItsAddresses() throws Exception {
    Cidr block = Cidr.parse("fd00::/8");
    assertTrue(block.contains(ip("fd12:3456::1")));
    assertFalse(block.contains(ip("fe80::1")));
  }

  @Test
  void ipv4NeverMatchesAnIpv6Block() throws Exception {
    assertFalse(Cidr.parse("::/0").contains(ip("127.0.0.1")));
    assertFalse(Cidr.parse("0.0.0.0/0").contains(ip("::1")));
  }

  @Test
  void zeroPrefixMatchesEverythingOfItsFamily() throws Exception {
    assertTrue(Cidr.parse("0.0.0.0/0").contains(ip("8.8.8.8")));
  }

  @Test
  void hostBitsBeyondThePrefixAreRefusedWithASuggestion() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.1.2.3/8"));
    assertEquals(
        "'10.1.2.3/8' has address bits set beyond its /8 prefix: did you mean 10.0.0.0/8?", e.getMessage());
  }

  @Test
  void hostNamesAreRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("localhost"));
    assertTrue(e.getMessage().contains("host names are not accepted"), e.getMessage());
  }

  @Test
  void prefixTooLongIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("::1/129"));
    assertTrue(e.getMessage().contains("0 to 128 for IPv6"), e.getMessage());
  }

  @Test
  void garbagePrefixIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/+8"));
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/"));
  }

  @Test
  void outOfRangeOctetIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Cidr.parse("300.0.0.1"));
  }

  @Test
  void denyWinsOverAllow() throws Exception {
    IpRules rules = IpRules.of(List.of("10.0.0.0/8"), List.of("10.0.0.5"));
    assertNull(rules.refusal(ip("10.0.0.4")));
    assertEquals("address is in deny block 10.0.0.5", rules.refusal(ip("10.0.0.5")));
    assertTrue(rules.refusal(ip("192.168.0.1")).startsWith("address is in no allow block"));
  }

  @Test
  void noRulesAllowEveryone() throws Exception {
    assertNull(IpRules.of(List.of(), List.of()).refusal(ip("203.0.113.9")));
  }
}
