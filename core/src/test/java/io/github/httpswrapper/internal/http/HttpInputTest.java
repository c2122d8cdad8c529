package io.github.httpswrapper.internal.http;

import static io.github.httpswrapper.internal.http.Wire.bytes;
import static io.github.httpswrapper.internal.http.Wire.input;
import static io.github.httpswrapper.internal.http.Wire.text;
import static io.github.httpswrapper.internal.http.Wire.trickle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class HttpInputTest {
  @Test
  void readLineReturnsTheLineWithoutCrlf() throws IOException {
    HttpInput in = input("GET / HTTP/1.1\r\nrest");
    assertEquals("GET / HTTP/1.1", in.readLine(100, 414, "too long"));
  }

  @Test
  void readLineReturnsNullAtCleanEndOfStream() throws IOException {
    assertNull(input("").readLine(100, 414, "too long"));
  }

  @Test
  void endOfStreamInsideALineIsAnEofException() {
    assertThrows(EOFException.class, () -> input("GET / HT").readLine(100, 414, "too long"));
  }

  @Test
  void endOfStreamBetweenCrAndLfIsAnEofException() {
    assertThrows(EOFException.class, () -> input("GET\r").readLine(100, 414, "too long"));
  }

  @Test
  void bareLfIsRefused() {
    HttpException e = assertThrows(HttpException.class, () -> input("a\nb\r\n").readLine(100, 414, "x"));
    assertEquals(400, e.status());
    assertEquals("bare LF in a line: lines must end with CRLF", e.getMessage());
  }

  @Test
  void bareCrIsRefused() {
    HttpException e = assertThrows(HttpException.class, () -> input("a\rb\r\n").readLine(100, 414, "x"));
    assertEquals(400, e.status());
    assertEquals("bare CR in a line: lines must end with CRLF", e.getMessage());
  }

  @Test
  void lineLongerThanTheLimitIsRefusedWithTheGivenStatus() {
    HttpException e = assertThrows(HttpException.class, () -> input("abcdef\r\n").readLine(5, 414, "long"));
    assertEquals(414, e.status());
    assertEquals("long", e.getMessage());
  }

  @Test
  void lineOfExactlyTheLimitIsAccepted() throws IOException {
    assertEquals("abcde", input("abcde\r\n").readLine(5, 414, "long"));
  }

  @Test
  void lineLongerThanTheLimitIsRefusedBeforeItsEndArrives() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'a';
          }
        };
    HttpInput in = new HttpInput(endless, 16);
    assertEquals(431, assertThrows(HttpException.class, () -> in.readLine(1000, 431, "long")).status());
  }

  @Test
  void linesArrivingOneByteAtATimeAreJoined() throws IOException {
    HttpInput in = trickle("first line\r\nsecond, longer than sixteen bytes\r\n");
    assertEquals("first line", in.readLine(100, 414, "x"));
    assertEquals("second, longer than sixteen bytes", in.readLine(100, 414, "x"));
  }

  @Test
  void bytesBufferedAfterALineAreReadNext() throws IOException {
    HttpInput in = input("head\r\nbody-bytes");
    in.readLine(100, 414, "x");
    assertEquals(10, in.buffered());
    byte[] body = new byte[10];
    assertEquals(10, in.read(body, 0, 10));
    assertEquals("body-bytes", text(body));
    assertEquals(-1, in.read(body, 0, 10));
  }

  @Test
  void noByteIsLostOrDuplicatedBetweenLinesAndBodyReads() throws IOException {
    StringBuilder wire = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      wire.append("line ").append(i).append("\r\n").append("body").append(i % 10);
    }
    HttpInput in = new HttpInput(new ByteArrayInputStream(bytes(wire.toString())), 16);
    for (int i = 0; i < 2000; i++) {
      assertEquals("line " + i, in.readLine(100, 414, "x"));
      byte[] body = new byte[5];
      int n = 0;
      while (n < 5) {
        n += in.read(body, n, 5 - n);
      }
      assertEquals("body" + (i % 10), text(body));
    }
    assertTrue(in.atEof());
  }

  @Test
  void peekDoesNotConsume() throws IOException {
    HttpInput in = input("xy");
    assertEquals('x', in.peek());
    assertEquals('x', in.read());
    assertEquals('y', in.read());
  }

  @Test
  void atEofIsFalseWhileBytesRemain() throws IOException {
    HttpInput in = input("x");
    assertFalse(in.atEof());
    in.read();
    assertTrue(in.atEof());
  }

  @Test
  void asStreamServesBufferedBytesFirst() throws IOException {
    HttpInput in = input("HTTP/1.1 101 Switching Protocols\r\n\r\ntunnel bytes");
    in.readLine(100, 502, "x");
    in.readLine(100, 502, "x");
    assertArrayEquals(bytes("tunnel bytes"), in.asStream().readAllBytes());
  }

  @Test
  void bodyReadWithAnEmptyBufferGoesStraightToTheStream() throws IOException {
    HttpInput in = input("0123456789");
    byte[] body = new byte[10];
    assertEquals(10, in.read(body, 0, 10));
    assertEquals(0, in.buffered());
    assertEquals("0123456789", text(body));
  }
}
