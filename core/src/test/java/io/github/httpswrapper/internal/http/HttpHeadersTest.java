package io.github.httpswrapper.internal.http;

import static io.github.httpswrapper.internal.http.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpHeadersTest {
  private final HttpHeaders headers =
      HttpHeaders.of("Host", "example.com", "Accept", "text/html", "accept", "text/plain");

  @Test
  void namesCompareIgnoringCase() {
    assertEquals("example.com", headers.first("HOST"));
    assertTrue(headers.has("host"));
    assertNull(headers.first("Cookie"));
  }

  @Test
  void allReturnsRepeatedFieldsInOrder() {
    assertEquals(List.of("text/html", "text/plain"), headers.all("Accept"));
    assertEquals(2, headers.count("ACCEPT"));
  }

  @Test
  void hasTokenFindsAnElementOfAListAcrossFields() {
    HttpHeaders connection = HttpHeaders.of("Connection", "keep-alive , Upgrade", "Connection", "x");
    assertTrue(connection.hasToken("connection", "upgrade"));
    assertTrue(connection.hasToken("Connection", "X"));
    assertFalse(connection.hasToken("Connection", "close"));
  }

  @Test
  void hasTokenDoesNotMatchPartOfAnElement() {
    assertFalse(HttpHeaders.of("Connection", "closed").hasToken("Connection", "close"));
  }

  @Test
  void tokensSplitsListsAndSkipsEmptyElements() {
    assertEquals(
        List.of("a", "B", "c"), HttpHeaders.of("Connection", "a, ,B", "Connection", "c,").tokens("connection"));
  }

  @Test
  void withoutRemovesEveryFieldOfThatNameAndKeepsTheOrderOfTheRest() {
    HttpHeaders left = HttpHeaders.of("A", "1", "B", "2", "a", "3", "C", "4").without("a");
    assertEquals("B: 2\r\nC: 4\r\n", text(left.encode()));
  }

  @Test
  void withoutTreatsUnderscoreAndDashAsDifferent() {
    assertEquals(1, HttpHeaders.of("X_Real_IP", "1").without("X-Real-IP").size());
  }

  @Test
  void withoutAnySpellingAlsoRemovesUnderscoreSpellings() {
    HttpHeaders in = HttpHeaders.of("X_Forwarded_For", "6.6.6.6", "x-forwarded-for", "7.7.7.7", "Accept", "*/*");
    assertEquals("Accept: */*\r\n", text(in.withoutAnySpelling("X-Forwarded-For").encode()));
  }

  @Test
  void withAppendsAndSetReplaces() {
    HttpHeaders changed = HttpHeaders.of("X", "1", "Y", "2").with("Z", "3").set("x", "9");
    assertEquals("Y: 2\r\nZ: 3\r\nx: 9\r\n", text(changed.encode()));
  }

  @Test
  void encodeKeepsOriginalCaseAndObsTextBytes() {
    assertEquals("X-Name: caf\u00e9\r\n", text(HttpHeaders.of("X-Name", "caf\u00e9").encode()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil\r\nX-Injected: 1", "a\nb", "nul\u0000", "del\u007f", "\u20ac", " padded"})
  void valuesThatCouldBreakTheHeadAreRefused(String value) {
    assertThrows(IllegalArgumentException.class, () -> HttpHeaders.empty().with("X", value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bad Name", "Bad:Name", "Bad\u00e9"})
  void namesThatAreNotTokensAreRefused(String name) {
    assertThrows(IllegalArgumentException.class, () -> HttpHeaders.empty().with(name, "v"));
  }

  @Test
  void withoutHopByHopDropsConnectionFieldsAndTheFieldsTheyName() {
    HttpHeaders in =
        HttpHeaders.of(
            "Host", "h",
            "Connection", "keep-alive, X-Secret",
            "Keep-Alive", "timeout=5",
            "X-Secret", "s",
            "TE", "trailers",
            "Upgrade", "websocket",
            "Proxy-Authorization", "Basic eDp5",
            "Accept", "*/*");
    assertEquals("Host: h\r\nAccept: */*\r\n", text(in.withoutHopByHop().encode()));
  }

  @Test
  void withoutHopByHopNeverDropsFramingFieldsOrHost() {
    HttpHeaders in =
        HttpHeaders.of(
            "Host", "h",
            "Content-Length", "4",
            "Connection", "Content-Length, Transfer-Encoding, Host");
    assertEquals("Host: h\r\nContent-Length: 4\r\n", text(in.withoutHopByHop().encode()));
  }

  @Test
  void hasTokenIgnoresWhitespaceAndEmptyElementsAroundTheToken() {
    HttpHeaders headers = HttpHeaders.of("Connection", ",\tKeep-Alive ,, close");
    assertTrue(headers.hasToken("connection", "keep-alive"));
    assertTrue(headers.hasToken("Connection", "CLOSE"));
    assertFalse(headers.hasToken("Connection", "keep"));
  }

  @Test
  void withManyAppendsAllInOrderAndChecksEachPair() {
    HttpHeaders headers = HttpHeaders.of("A", "1").with("B", "2", "C", "3");
    assertEquals("A: 1\r\nB: 2\r\nC: 3\r\n", text(headers.encode()));
    assertThrows(IllegalArgumentException.class, () -> headers.with("D", "4", "E", "5\r\nX: y"));
    assertThrows(IllegalArgumentException.class, () -> headers.with("D", "4", "E"));
  }

  @Test
  void sameValuesComparesOneNameInOrderIgnoringOtherFields() {
    HttpHeaders parsed = HttpHeaders.of("Content-Length", "5", "A", "1");
    assertTrue(parsed.sameValues(HttpHeaders.of("X", "y", "content-length", "5"), "Content-Length"));
    assertFalse(parsed.sameValues(HttpHeaders.of("Content-Length", "6"), "Content-Length"));
    assertFalse(parsed.sameValues(HttpHeaders.of("Content-Length", "5", "Content-Length", "5"), "Content-Length"));
    assertFalse(parsed.sameValues(HttpHeaders.empty(), "Content-Length"));
    assertTrue(HttpHeaders.empty().sameValues(HttpHeaders.of("A", "1"), "Content-Length"));
  }

  @Test
  void aHeadIsEncodedAsItsLinesAndTheEmptyLine() {
    HttpHeaders headers = HttpHeaders.of("Host", "h\u00e9");
    byte[] head = headers.encodeHead("GET / HTTP/1.1");
    assertEquals(
        "GET / HTTP/1.1\r\nHost: h\u00e9\r\n\r\n", new String(head, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  @Test
  void toStringShowsNamesButNotValues() {
    assertEquals("[Authorization]", HttpHeaders.of("Authorization", "Basic c2VjcmV0").toString());
  }
}
