package io.github.httpswrapper.internal.http;

import static io.github.httpswrapper.internal.http.Wire.refused;
import static io.github.httpswrapper.internal.http.Wire.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The request-smuggling classics: every way two parsers have been made to disagree on where a body ends. */
class RequestFramingTest {
  private static final String LINE = "POST /upload HTTP/1.1\r\nHost: example.com\r\n";

  @Test
  void requestWithoutFramingFieldsHasNoBody() throws IOException {
    RequestHead head = request(LINE + "\r\n");
    assertEquals(BodyFraming.NONE, head.framing());
    assertFalse(head.hasBody());
  }

  @Test
  void contentLengthGivesAFixedBody() throws IOException {
    RequestHead head = request(LINE + "Content-Length: 42\r\n\r\n");
    assertEquals(BodyFraming.LENGTH, head.framing());
    assertEquals(42, head.contentLength());
    assertTrue(head.hasBody());
  }

  @Test
  void contentLengthZeroHasNoBodyBytes() throws IOException {
    RequestHead head = request(LINE + "Content-Length: 0\r\n\r\n");
    assertEquals(BodyFraming.LENGTH, head.framing());
    assertFalse(head.hasBody());
  }

  @ParameterizedTest
  @ValueSource(strings = {"chunked", "Chunked", "CHUNKED", "\tchunked", "chunked  "})
  void transferEncodingChunkedInAnyCaseWithOptionalWhitespaceIsChunked(String value) throws IOException {
    assertEquals(BodyFraming.CHUNKED, request(LINE + "Transfer-Encoding:" + value + "\r\n\r\n").framing());
  }

  @Test
  void contentLengthAtTwoToTheSixtyTwoIsAccepted() throws IOException {
    assertEquals(1L << 62, request(LINE + "Content-Length: 4611686018427387904\r\n\r\n").contentLength());
  }

  static Stream<Arguments> ambiguousFraming() {
    return Stream.of(
        named("CL.TE", "Transfer-Encoding: chunked\r\nContent-Length: 4"),
        named("TE.CL", "Content-Length: 4\r\nTransfer-Encoding: chunked"),
        named("TE with space before colon", "Transfer-Encoding : chunked"),
        named("xchunked", "Transfer-Encoding: xchunked"),
        named("chunked then identity field", "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity"),
        named("two chunked fields", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked"),
        named("chunked, identity", "Transfer-Encoding: chunked, identity"),
        named("gzip, chunked", "Transfer-Encoding: gzip, chunked"),
        named("chunked with a parameter", "Transfer-Encoding: chunked;x=1"),
        named("identity", "Transfer-Encoding: identity"),
        named("empty TE", "Transfer-Encoding:"),
        named("TE obs-folded", "Transfer-Encoding:\r\n chunked"),
        named("two equal CL fields", "Content-Length: 5\r\nContent-Length: 5"),
        named("two different CL fields", "Content-Length: 5\r\nContent-Length: 6"),
        named("CL list of equal values", "Content-Length: 5, 5"),
        named("CL with plus sign", "Content-Length: +5"),
        named("CL negative", "Content-Length: -1"),
        named("CL hexadecimal", "Content-Length: 0x5"),
        named("CL with inner space", "Content-Length: 5 5"),
        named("CL empty", "Content-Length:"),
        named("CL decimal point", "Content-Length: 5.0"),
        named("CL over 2^62", "Content-Length: 4611686018427387905"),
        named("CL overflowing a long", "Content-Length: 99999999999999999999"),
        named("CL with space before colon", "Content-Length : 5"),
        named("CL with NUL", "Content-Length: 5\u0000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ambiguousFraming")
  void ambiguousFramingIsRefused(String fields) {
    refused(400, LINE + fields + "\r\n\r\n");
  }

  @Test
  void bothFramingFieldsAreRefusedWithAPreciseMessage() {
    HttpException e = refused(400, LINE + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n");
    assertEquals("both Content-Length and Transfer-Encoding", e.getMessage());
  }

  @Test
  void transferEncodingOnHttp10IsRefused() {
    HttpException e = refused(400, "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n");
    assertEquals("Transfer-Encoding in an HTTP/1.0 request", e.getMessage());
  }

  @Test
  void underscoreVariantsOfFramingFieldsAreOrdinaryFields() throws IOException {
    RequestHead head = request(LINE + "Transfer_Encoding: chunked\r\n\r\n");
    assertEquals(BodyFraming.NONE, head.framing());
  }

  private static Arguments named(String attack, String fields) {
    return Arguments.of(Named.of(attack, fields));
  }
}
