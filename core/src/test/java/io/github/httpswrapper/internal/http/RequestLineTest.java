package io.github.httpswrapper.internal.http;

import static io.github.httpswrapper.internal.http.Wire.input;
import static io.github.httpswrapper.internal.http.Wire.refused;
import static io.github.httpswrapper.internal.http.Wire.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestLineTest {
  private static final String HOST = "Host: example.com\r\n\r\n";

  @Test
  void originFormIsSplitIntoPathAndQuery() throws IOException {
    RequestHead head = request("GET /a/b?x=1&y=2 HTTP/1.1\r\n" + HOST);
    assertEquals("GET", head.method());
    assertEquals("/a/b?x=1&y=2", head.target());
    assertEquals("/a/b", head.path());
    assertEquals("x=1&y=2", head.query());
    assertEquals("HTTP/1.1", head.version());
  }

  @Test
  void pathWithoutQuestionMarkHasNullQuery() throws IOException {
    assertNull(request("GET /a HTTP/1.1\r\n" + HOST).query());
  }

  @Test
  void emptyQueryIsKeptAsEmpty() throws IOException {
    assertEquals("", request("GET /a? HTTP/1.1\r\n" + HOST).query());
  }

  @Test
  void absoluteFormGivesPathQueryAndAuthority() throws IOException {
    RequestHead head = request("GET http://example.com:8080/p?q HTTP/1.1\r\nHost: example.com:8080\r\n\r\n");
    assertEquals("/p", head.path());
    assertEquals("q", head.query());
    assertEquals("example.com:8080", head.host());
    assertEquals("/p?q", head.originForm());
  }

  @Test
  void absoluteFormWithoutPathHasPathSlash() throws IOException {
    RequestHead head = request("GET https://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n");
    assertEquals("/", head.path());
  }

  @Test
  void absoluteFormAuthorityWinsWhenHostIsAbsentOnHttp10() throws IOException {
    assertEquals("example.com", request("GET http://example.com/ HTTP/1.0\r\n\r\n").host());
  }

  @Test
  void absoluteFormWithAHostThatDiffersIsRefused() {
    HttpException e = refused(400, "GET http://public.example/ HTTP/1.1\r\nHost: admin.internal\r\n\r\n");
    assertEquals("Host header differs from the authority of the absolute request target", e.getMessage());
  }

  @Test
  void absoluteFormWithUserInformationIsRefused() {
    refused(400, "GET http://user@example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n");
  }

  @Test
  void asteriskIsAcceptedForOptions() throws IOException {
    assertEquals("*", request("OPTIONS * HTTP/1.1\r\n" + HOST).path());
  }

  @Test
  void asteriskIsRefusedForOtherMethods() {
    refused(400, "GET * HTTP/1.1\r\n" + HOST);
  }

  @Test
  void connectIsRefusedWith405() {
    HttpException e = refused(405, "CONNECT example.com:443 HTTP/1.1\r\n" + HOST);
    assertEquals("Method Not Allowed", e.reason());
  }

  @Test
  void authorityFormWithOtherMethodsIsRefused() {
    refused(400, "GET example.com:443 HTTP/1.1\r\n" + HOST);
  }

  @Test
  void unknownButWellFormedMethodIsAccepted() throws IOException {
    assertEquals("PROPFIND", request("PROPFIND / HTTP/1.1\r\n" + HOST).method());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET  / HTTP/1.1", // double space
        "GET /  HTTP/1.1",
        "GET / HTTP/1.1 ",
        " GET / HTTP/1.1",
        "GET\t/ HTTP/1.1",
        "GET /", // HTTP/0.9
        "GET / a HTTP/1.1",
        "G(T / HTTP/1.1", // method is not a token
        "GET / HTTP/1.1x",
        "GET / http/1.1",
        "GET / HTTP/1",
        "GET / HTTP/11.1"
      })
  void malformedRequestLinesAreRefused(String line) {
    refused(400, line + "\r\n" + HOST);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/a\u0000b", // NUL
        "/a\u0001",
        "/a\u007f",
        "/caf\u00e9", // non-ASCII byte
        "/a#fragment",
        "relative/path",
        "ftp://example.com/"
      })
  void targetsWithForbiddenBytesOrFormsAreRefused(String target) {
    refused(400, "GET " + target + " HTTP/1.1\r\n" + HOST);
  }

  @ParameterizedTest
  @ValueSource(strings = {"HTTP/2.0", "HTTP/1.2", "HTTP/0.9", "HTTP/3.0"})
  void otherVersionsAreRefusedWith505(String version) {
    HttpException e = refused(505, "GET / " + version + "\r\n" + HOST);
    assertEquals("HTTP Version Not Supported", e.reason());
  }

  @Test
  void requestLineOverTheLimitIsRefusedWith414() {
    HttpException e = refused(414, "GET /" + "a".repeat(8200) + " HTTP/1.1\r\n" + HOST);
    assertEquals("request line longer than 8192 bytes", e.getMessage());
  }

  @Test
  void requestLineAtTheLimitIsAccepted() throws IOException {
    String line = "GET /" + "a".repeat(8192 - 14) + " HTTP/1.1";
    assertEquals(8192, line.length());
    assertEquals("HTTP/1.1", request(line + "\r\n" + HOST).version());
  }

  @Test
  void aFewEmptyLinesBeforeTheRequestLineAreSkipped() throws IOException {
    assertEquals("/", request("\r\n\r\nGET / HTTP/1.1\r\n" + HOST).path());
  }

  @Test
  void endlessEmptyLinesAreRefused() {
    refused(400, "\r\n".repeat(RequestParser.MAX_EMPTY_LINES + 1) + "GET / HTTP/1.1\r\n" + HOST);
  }

  @Test
  void cleanEndOfStreamBeforeARequestIsNull() throws IOException {
    assertNull(RequestParser.read(input(""), HttpLimits.defaults()));
  }

  @Test
  void endOfStreamInsideTheHeadIsAnEofException() {
    assertThrows(EOFException.class, () -> request("GET / HTTP/1.1\r\nHost: example.com\r\n"));
  }
}
