package io.github.httpswrapper.internal.client;

import static io.github.httpswrapper.internal.client.ClientAddressTest.PROXIES;
import static io.github.httpswrapper.internal.client.ClientAddressTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client address from RFC 7239 Forwarded headers, sent by a trusted proxy (10.0.0.0/24). */
class ForwardedForTest {
  private static ClientAddress decide(String... values) {
    return ClientAddress.decide(ip("10.0.0.9"), PROXIES, List.of(), List.of(values));
  }

  @Test
  void plainIpv4ForIsTheClient() {
    assertEquals(ip("192.0.2.60"), decide("for=192.0.2.60").address());
  }

  @Test
  void otherParametersAroundForAreIgnored() {
    assertEquals(ip("192.0.2.60"), decide("proto=http;for=192.0.2.60;by=203.0.113.43").address());
  }

  @Test
  void parameterNamesAreCaseInsensitive() {
    assertEquals(ip("192.0.2.60"), decide("For=192.0.2.60").address());
  }

  @Test
  void quotedIpv6WithPortIsUnderstood() {
    assertEquals(ip("2001:db8:cafe::17"), decide("for=\"[2001:db8:cafe::17]:4711\"").address());
  }

  @Test
  void quotedIpv4WithPortIsUnderstood() {
    assertEquals(ip("192.0.2.43"), decide("for=\"192.0.2.43:47011\"").address());
  }

  @Test
  void rightmostUntrustedElementIsTheClient() {
    assertEquals(ip("198.51.100.17"),
        decide("for=127.0.0.1, for=198.51.100.17;by=203.0.113.60;proto=http, for=10.0.0.4").address());
  }

  @Test
  void severalHeaderLinesFormOneList() {
    assertEquals(ip("198.51.100.17"), decide("for=127.0.0.1", "for=198.51.100.17, for=10.0.0.4").address());
  }

  @Test
  void spacesAroundSeparatorsAreTolerated() {
    assertEquals(ip("198.51.100.17"), decide("for=127.0.0.1 ,  for=198.51.100.17 ; proto=https").address());
  }

  @Test
  void quotedCommaDoesNotSplitElements() {
    assertEquals(ip("198.51.100.17"), decide("for=198.51.100.17;host=\"a,for=127.0.0.1\"").address());
  }

  @Test
  void obfuscatedIdentifierStopsAtTheLastTrustedHop() {
    ClientAddress decided = decide("for=198.51.100.17, for=_hidden, for=10.0.0.4");

    assertEquals(ip("10.0.0.4"), decided.address());
    assertEquals("Forwarded for='_hidden' is an obfuscated identifier", decided.note());
  }

  @Test
  void unknownStopsAtThePeer() {
    ClientAddress decided = decide("for=198.51.100.17, for=unknown");

    assertEquals(ip("10.0.0.9"), decided.address());
    assertEquals("Forwarded says for=unknown", decided.note());
  }

  @Test
  void obfuscatedPortStillGivesTheAddress() {
    assertEquals(ip("2001:db8::17"), decide("for=\"[2001:db8::17]:_port9\"").address());
  }

  @Test
  void elementWithoutForStopsTheWalk() {
    assertEquals("Forwarded element without for=", decide("for=198.51.100.17, proto=https").note());
  }

  @Test
  void duplicateForInOneElementStopsTheWalk() {
    assertEquals("Forwarded element has two for= parameters",
        decide("for=198.51.100.17;for=127.0.0.1").note());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "for=[2001:db8::17]",            // IPv6 must be quoted
    "for=\"2001:db8::17\"",          // and bracketed
    "for=192.0.2.43:80",             // a port needs quotes
    "for=\"192.0.2.43",              // unterminated quote
    "for",                           // no value
    "for=",                          // empty value
    "=192.0.2.43",                   // no name
    "for=example.com",               // names are never looked up
    "for=\"[2001:db8::17]:99999\"",  // port out of range
    "for=192.0.2.43 for=127.0.0.1",  // missing separator
    "for=\"127.0.0.1\u0000\""        // control character
  })
  void malformedValueStopsAtThePeer(String value) {
    ClientAddress decided = decide("for=198.51.100.17, " + value);

    assertEquals(ip("10.0.0.9"), decided.address(), decided.note());
  }

  @Test
  void errorInAnEarlierLineDoesNotHideALaterClient() {
    assertEquals(ip("198.51.100.17"), decide("for=\"broken", "for=198.51.100.17").address());
  }
}
