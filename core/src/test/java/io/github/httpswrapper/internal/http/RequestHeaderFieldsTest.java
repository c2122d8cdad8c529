package io.github.httpswrapper.internal.http;

import static io.github.httpswrapper.internal.http.Wire.input;
import static io.github.httpswrapper.internal.http.Wire.refused;
import static io.github.httpswrapper.internal.http.Wire.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeaderFieldsTest {
  private static final String LINE = "GET / HTTP/1.1\r\nHost: example.com\r\n";

  @Test
  void valuesLoseSurroundingWhitespaceAndKeepTheirCase() throws IOException {
    RequestHead head = request(LINE + "X-Test: \t Mixed Case \t\r\n\r\n");
    assertEquals("Mixed Case", head.headers().first("x-test"));
  }

  @Test
  void emptyValueIsAccepted() throws IOException {
    assertEquals("", request(LINE + "X-Empty:\r\n\r\n").headers().first("X-Empty"));
  }

  @Test
  void obsTextInValuesIsKept() throws IOException {
    assertEquals("caf\u00e9", request(LINE + "X-Name: caf\u00e9\r\n\r\n").headers().first("X-Name"));
  }

  static Stream<Arguments> malformedFieldLines() {
    return Stream.of(
        named("space before colon", "Transfer-Encoding : chunked"),
        named("tab before colon", "Content-Length\t: 5"),
        named("space inside name", "X Test: 1"),
        named("empty name", ": value"),
        named("no colon", "NoColonHere"),
        named("obs-text in name", "X-Caf\u00e9: 1"),
        named("NUL in value", "X-Test: a\u0000b"),
        named("control char in value", "X-Test: a\u0001b"),
        named("DEL in value", "X-Test: a\u007fb"),
        named("separator in name", "X(Test): 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFieldLines")
  void malformedFieldLinesAreRefused(String line) {
    refused(400, LINE + line + "\r\n\r\n");
  }

  @Test
  void obsFoldContinuationIsRefused() {
    HttpException e = refused(400, LINE + "X-Test: a\r\n  continued\r\n\r\n");
    assertEquals("header line starts with whitespace (obs-fold is not accepted)", e.getMessage());
  }

  @Test
  void whitespaceBeforeTheFirstFieldIsRefused() {
    refused(400, "GET / HTTP/1.1\r\n Host: example.com\r\n\r\n");
  }

  @Test
  void bareLfLineEndingsAreRefused() {
    refused(400, "GET / HTTP/1.1\nHost: example.com\n\n");
  }

  @Test
  void bareLfInsideTheHeaderSectionIsRefused() {
    refused(400, LINE + "X-A: 1\nX-B: 2\r\n\r\n");
  }

  @Test
  void bareCrInsideAValueIsRefused() {
    refused(400, LINE + "X-A: 1\rX-B: 2\r\n\r\n");
  }

  @Test
  void headerSectionOverTheLimitIsRefusedWith431() {
    HttpException e = refused(431, LINE + "X-Big: " + "a".repeat(33000) + "\r\n\r\n");
    assertEquals("Request Header Fields Too Large", e.reason());
  }

  @Test
  void manySmallFieldsOverTheByteLimitAreRefusedWith431() {
    HttpLimits limits = new HttpLimits(8192, 100, 1000);
    String wire = LINE + "X-A: 1234567890\r\n".repeat(10) + "\r\n";
    assertEquals(
        431, assertThrows(HttpException.class, () -> RequestParser.read(input(wire), limits)).status());
  }

  @Test
  void moreFieldsThanTheCountLimitAreRefusedWith431() {
    HttpException e = refused(431, LINE + "X-A: 1\r\n".repeat(100) + "\r\n");
    assertEquals("more than 100 header fields", e.getMessage());
  }

  @Test
  void fieldsUpToTheCountLimitAreAccepted() throws IOException {
    assertEquals(100, request(LINE + "X-A: 1\r\n".repeat(99) + "\r\n").headers().size());
  }

  @Test
  void missingHostOnHttp11IsRefused() {
    HttpException e = refused(400, "GET / HTTP/1.1\r\n\r\n");
    assertEquals("missing Host header (required in HTTP/1.1)", e.getMessage());
  }

  @Test
  void missingHostOnHttp10IsAccepted() throws IOException {
    assertNull(request("GET / HTTP/1.0\r\n\r\n").host());
  }

  @Test
  void repeatedHostIsRefused() {
    refused(400, "GET / HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n");
  }

  @Test
  void repeatedHostIsRefusedOnHttp10Too() {
    refused(400, "GET / HTTP/1.0\r\nHost: a.example\r\nhost: a.example\r\n\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "example.com:8443", "127.0.0.1:80", "[::1]:8443", "[fd00::1]", "my_svc"})
  void validHostsAreAccepted(String host) throws IOException {
    assertEquals(host, request("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").host());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a b",
        "user@example.com",
        "example.com:",
        "example.com:65536",
        "example.com:80:80",
        "exa%6dple.com",
        "example.com/path",
        "[::1",
        "[fe80::1%eth0]",
        "-example.com",
        "a..b"
      })
  void invalidHostsAreRefused(String host) {
    refused(400, "GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
  }

  private static Arguments named(String attack, String fields) {
    return Arguments.of(Named.of(attack, fields));
  }
}
