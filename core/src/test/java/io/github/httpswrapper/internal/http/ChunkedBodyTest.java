package io.github.httpswrapper.internal.http;

import static io.github.httpswrapper.internal.http.Wire.input;
import static io.github.httpswrapper.internal.http.Wire.text;
import static io.github.httpswrapper.internal.http.Wire.trickle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChunkedBodyTest {
  private static String copied(HttpInput in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChunkedBody.copy(in, out, HttpLimits.defaults());
    return text(out.toByteArray());
  }

  private static HttpException refused(String wire) {
    return assertThrows(HttpException.class, () -> copied(input(wire)));
  }

  @Test
  void canonicalBodyIsCopiedUnchanged() throws IOException {
    String body = "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
    assertEquals(body, copied(input(body)));
  }

  @Test
  void sizesAreRewrittenInLowerCaseWithoutLeadingZeros() throws IOException {
    assertEquals("a\r\n0123456789\r\n0\r\n\r\n", copied(input("000A\r\n0123456789\r\n0\r\n\r\n")));
  }

  @Test
  void chunkExtensionsAreDropped() throws IOException {
    assertEquals("3\r\nabc\r\n0\r\n\r\n", copied(input("3;name=\"va;l\"\r\nabc\r\n0;last\r\n\r\n")));
  }

  @Test
  void whitespaceBeforeAnExtensionIsAccepted() throws IOException {
    assertEquals("3\r\nabc\r\n0\r\n\r\n", copied(input("3 \t;ext\r\nabc\r\n0\r\n\r\n")));
  }

  @Test
  void trailersAreCheckedAndDropped() throws IOException {
    assertEquals("1\r\na\r\n0\r\n\r\n", copied(input("1\r\na\r\n0\r\nX-Forwarded-For: 6.6.6.6\r\n\r\n")));
  }

  @Test
  void malformedTrailersAreRefused() {
    assertEquals(400, refused("1\r\na\r\n0\r\nBad Trailer: x\r\n\r\n").status());
  }

  @Test
  void theReturnValueCountsDataBytes() throws IOException {
    long n = ChunkedBody.copy(input("5\r\nhello\r\n2\r\n!!\r\n0\r\n\r\n"), new ByteArrayOutputStream(),
        HttpLimits.defaults());
    assertEquals(7, n);
  }

  @Test
  void bodyArrivingOneByteAtATimeIsCopiedWhole() throws IOException {
    String body = "5\r\nhello\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n";
    assertEquals(body, copied(trickle(body)));
  }

  @Test
  void progressIsReportedForEveryByteConsumed() throws IOException {
    String body = "5;x\r\nhello\r\n0\r\n\r\n";
    AtomicLong seen = new AtomicLong();
    ChunkedBody.copy(input(body), new ByteArrayOutputStream(), HttpLimits.defaults(), seen::addAndGet);
    assertEquals(body.length() - 2, seen.get()); // all but the final empty line, which ends the trailers
  }

  static Stream<Arguments> badSizeLines() {
    return Stream.of(
        named("negative", "-1"),
        named("hex prefix", "0x5"),
        named("plus sign", "+5"),
        named("leading space", " 5"),
        named("trailing space", "5 "),
        named("trailing tab", "5\t"),
        named("empty", ""),
        named("not hex", "g"),
        named("18 hex digits", "ffffffffffffffffff"),
        named("17 digits with leading zeros", "00000000000000005"),
        named("over 2^63-1", "ffffffffffffffff"),
        named("NUL in extension", "5;a\u0000"),
        named("garbage after size", "5x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSizeLines")
  void invalidChunkSizesAreRefusedBeforeTheChunkIsWritten(String sizeLine) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String wire = "2\r\nok\r\n" + sizeLine + "\r\nhello\r\n0\r\n\r\n";
    // Arriving byte by byte, the good chunk is sent on before the bad size line is read.
    HttpException e =
        assertThrows(HttpException.class, () -> ChunkedBody.copy(trickle(wire), out, HttpLimits.defaults()));
    assertEquals(400, e.status());
    assertEquals("2\r\nok\r\n", text(out.toByteArray()));
  }

  @Test
  void chunkDataNotFollowedByCrlfIsRefused() {
    HttpException e = refused("5\r\nhelloX\r\n0\r\n\r\n");
    assertEquals("chunk data is not followed by CRLF", e.getMessage());
  }

  @Test
  void chunkDataFollowedByBareLfIsRefused() {
    assertEquals(400, refused("5\r\nhello\n0\r\n\r\n").status());
  }

  @Test
  void chunkExtensionWithBareLfIsRefused() {
    assertEquals(400, refused("5;ext\nhello\r\n0\r\n\r\n").status());
  }

  @Test
  void sizeLineEndingInBareLfIsRefused() {
    assertEquals(400, refused("5\nhello\r\n0\r\n\r\n").status());
  }

  @Test
  void overlongSizeLineIsRefused() {
    HttpException e = refused("5;" + "x".repeat(5000) + "\r\nhello\r\n0\r\n\r\n");
    assertEquals("chunk size line longer than 4096 bytes", e.getMessage());
  }

  @Test
  void endOfStreamInsideAChunkIsAnEofException() {
    assertThrows(EOFException.class, () -> copied(input("5\r\nhel")));
  }

  @Test
  void endOfStreamBeforeTheLastChunkIsAnEofException() {
    assertThrows(EOFException.class, () -> copied(input("5\r\nhello\r\n")));
  }

  @Test
  void endOfStreamInsideTheTrailersIsAnEofException() {
    assertThrows(EOFException.class, () -> copied(input("0\r\nX-T: 1\r\n")));
  }

  @Test
  void bytesAfterTheBodyStayInTheInput() throws IOException {
    HttpInput in = input("1\r\na\r\n0\r\n\r\nGET /next");
    copied(in);
    assertEquals("GET /next", text(in.asStream().readAllBytes()));
  }

  private static Arguments named(String what, String line) {
    return Arguments.of(Named.of(what, line));
  }
}
