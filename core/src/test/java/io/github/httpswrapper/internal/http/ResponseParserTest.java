package io.github.httpswrapper.internal.http;

import static io.github.httpswrapper.internal.http.Wire.input;
import static io.github.httpswrapper.internal.http.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseParserTest {
  private static ResponseHead response(String method, String wire) throws IOException {
    return ResponseParser.read(input(wire), method, HttpLimits.defaults());
  }

  private static ResponseHead get(String wire) throws IOException {
    return response("GET", wire);
  }

  private static HttpException refused(String wire) {
    HttpException e = assertThrows(HttpException.class, () -> get(wire));
    assertEquals(502, e.status(), e.getMessage());
    return e;
  }

  @Test
  void statusLineIsSplitIntoVersionStatusAndReason() throws IOException {
    ResponseHead head = get("HTTP/1.1 404 Not Found Here\r\nContent-Length: 0\r\n\r\n");
    assertEquals("HTTP/1.1", head.version());
    assertEquals(404, head.status());
    assertEquals("Not Found Here", head.reason());
  }

  @Test
  void missingReasonPhraseIsAccepted() throws IOException {
    assertEquals("", get("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n").reason());
    assertEquals("", get("HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n").reason());
  }

  @Test
  void contentLengthGivesLengthFraming() throws IOException {
    ResponseHead head = get("HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n");
    assertEquals(BodyFraming.LENGTH, head.framing());
    assertEquals(12, head.contentLength());
  }

  @Test
  void chunkedGivesChunkedFraming() throws IOException {
    assertEquals(BodyFraming.CHUNKED, get("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n").framing());
  }

  @Test
  void otherCodingsBeforeChunkedAreAcceptedInResponses() throws IOException {
    assertEquals(
        BodyFraming.CHUNKED, get("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n").framing());
  }

  @Test
  void noFramingFieldsMeansCloseDelimited() throws IOException {
    ResponseHead head = get("HTTP/1.1 200 OK\r\n\r\n");
    assertEquals(BodyFraming.CLOSE_DELIMITED, head.framing());
    assertFalse(head.keepAlive());
  }

  @Test
  void http10WithoutLengthIsCloseDelimited() throws IOException {
    assertEquals(BodyFraming.CLOSE_DELIMITED, get("HTTP/1.0 200 OK\r\n\r\n").framing());
  }

  @Test
  void responseToHeadHasNoBodyWhateverItsFieldsSay() throws IOException {
    ResponseHead head = response("HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n");
    assertEquals(BodyFraming.NONE, head.framing());
    assertTrue(head.keepAlive());
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 102, 103, 204, 304})
  void statusesWithoutBodyHaveNoBody(int status) throws IOException {
    ResponseHead head = get("HTTP/1.1 " + status + " X\r\nContent-Length: 10\r\n\r\n");
    assertEquals(BodyFraming.NONE, head.framing());
  }

  @Test
  void informationalResponsesOtherThan101AreInterim() throws IOException {
    assertTrue(get("HTTP/1.1 100 Continue\r\n\r\n").interim());
    assertTrue(get("HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n").interim());
    assertFalse(get("HTTP/1.1 101 Switching Protocols\r\n\r\n").interim());
    assertFalse(get("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").interim());
  }

  @Test
  void switchingProtocolsIsNotKeptAlive() throws IOException {
    ResponseHead head = get("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n");
    assertTrue(head.switchingProtocols());
    assertEquals(BodyFraming.NONE, head.framing());
    assertFalse(head.keepAlive());
  }

  @Test
  void connectionCloseEndsKeepAlive() throws IOException {
    assertFalse(get("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").keepAlive());
  }

  @Test
  void http10KeepsAliveOnlyWhenItSaysSo() throws IOException {
    assertFalse(get("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").keepAlive());
    assertTrue(get("HTTP/1.0 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n").keepAlive());
  }

  @Test
  void interimResponsesAndTheFinalOneAreReadInTurn() throws IOException {
    HttpInput in = input("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");
    assertEquals(100, ResponseParser.read(in, "POST", HttpLimits.defaults()).status());
    assertEquals(201, ResponseParser.read(in, "POST", HttpLimits.defaults()).status());
    assertEquals(2, in.buffered());
  }

  @Test
  void cleanEndOfStreamBeforeAResponseIsAnEofException() {
    // the relay tells "closed while idle" (retried once) and "closed instead of answering" (502) by it
    assertThrows(EOFException.class, () -> get(""));
  }

  @Test
  void endOfStreamInsideTheHeadIsAnEofException() {
    assertThrows(EOFException.class, () -> get("HTTP/1.1 200 OK\r\nContent-"));
  }

  @Test
  void encodeWritesTheHeadWithAddedFields() throws IOException {
    ResponseHead head = get("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    ResponseHead secured =
        head.withHeaders(head.headers().with("Strict-Transport-Security", "max-age=31536000"));
    assertEquals(
        "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nStrict-Transport-Security: max-age=31536000\r\n\r\n",
        text(secured.encode()));
  }

  @Test
  void encodeKeepsTheSpaceBeforeAnEmptyReason() throws IOException {
    assertEquals("HTTP/1.1 204 \r\n\r\n", text(get("HTTP/1.1 204\r\n\r\n").encode()));
  }

  @Test
  void withHeadersRefusesToChangeTheLength() throws IOException {
    ResponseHead head = get("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
    assertThrows(
        IllegalArgumentException.class, () -> head.withHeaders(head.headers().set("Content-Length", "6")));
  }

  @Test
  void bothFramingFieldsAreRefusedWith502() {
    HttpException e = refused("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n");
    assertEquals("invalid response from target: both Content-Length and Transfer-Encoding", e.getMessage());
    assertEquals("Bad Gateway", e.reason());
  }

  static Stream<Arguments> invalidResponses() {
    return Stream.of(
        named("HTTP/2 status line", "HTTP/2 200 OK\r\n\r\n"),
        named("no space after version", "HTTP/1.1200 OK\r\n\r\n"),
        named("two-digit status", "HTTP/1.1 20 OK\r\n\r\n"),
        named("status out of range", "HTTP/1.1 600 Odd\r\n\r\n"),
        named("no space before reason", "HTTP/1.1 200OK\r\n\r\n"),
        named("control char in reason", "HTTP/1.1 200 O\u0001K\r\n\r\n"),
        named("two Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n"),
        named("Content-Length list", "HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\n"),
        named("negative Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"),
        named("TE not ending in chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n"),
        named("chunked twice", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"),
        named("xchunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: xchunked\r\n\r\n"),
        named("TE on HTTP/1.0", "HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"),
        named("space before colon", "HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\n"),
        named("obs-fold", "HTTP/1.1 200 OK\r\nX-A: 1\r\n 2\r\nContent-Length: 0\r\n\r\n"),
        named("bare LF", "HTTP/1.1 200 OK\nContent-Length: 0\n\n"),
        named("header section too large", "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(40000) + "\r\n\r\n"),
        named("status line too long", "HTTP/1.1 200 " + "a".repeat(9000) + "\r\n\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidResponses")
  void invalidResponsesAreRefusedWith502(String wire) {
    refused(wire);
  }

  private static Arguments named(String what, String wire) {
    return Arguments.of(Named.of(what, wire));
  }
}
