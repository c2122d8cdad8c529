package io.github.httpswrapper.internal.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerNamePatternTest {
  @Test
  void exactNameMatchesItselfInAnyCaseWithOrWithoutTrailingDot() {
    ServerNamePattern pattern = ServerNamePattern.parse("Blog.Example.com");
    assertEquals("blog.example.com", pattern.text());
    assertTrue(pattern.matches("blog.example.com"));
    assertTrue(pattern.matches("BLOG.example.COM."));
    assertFalse(pattern.matches("www.blog.example.com"));
    assertFalse(pattern.matches("example.com"));
  }

  @Test
  void wildcardMatchesExactlyOneMoreLabel() {
    ServerNamePattern pattern = ServerNamePattern.parse("*.b.test");
    assertTrue(pattern.matches("x.b.test"));
    assertTrue(pattern.matches("X.B.TEST"));
    assertFalse(pattern.matches("b.test"));
    assertFalse(pattern.matches("y.x.b.test"));
    assertFalse(pattern.matches(".b.test"));
  }

  @Test
  void internationalisedNameIsComparedInItsAsciiForm() {
    assertEquals("xn--bcher-kva.example", ServerNamePattern.parse("bücher.example").text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1", "[::1]", "10.1.2.3"})
  void ipAddressIsRefusedBecauseSniNeverCarriesOne(String address) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ServerNamePattern.parse(address));
    assertTrue(e.getMessage().contains("is an IP address, but clients never send one in SNI"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a..test", "*", "*.", "a.*.test", "x*.test", "under score!.test", "-a.test"})
  void malformedNameIsRefused(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ServerNamePattern.parse(name));
    assertTrue(e.getMessage().contains("is not a DNS name"), e.getMessage());
  }

  @Test
  void blankNameIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ServerNamePattern.parse(" "));
  }

  @Test
  void exactNameIsCoveredByItsOwnOrAWildcardCertificateName() {
    ServerNamePattern exact = ServerNamePattern.parse("x.b.test");
    assertTrue(exact.coveredBy(List.of("x.b.test")));
    assertTrue(exact.coveredBy(List.of("*.b.test")));
    assertFalse(exact.coveredBy(List.of("b.test", "127.0.0.1")));
    assertTrue(ServerNamePattern.parse("*.b.test").coveredBy(List.of("*.B.test")));
    assertFalse(ServerNamePattern.parse("*.b.test").coveredBy(List.of("x.b.test")));
  }
}
