package io.github.httpswrapper.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Test helpers: bytes on the wire written as Latin-1 strings, so every byte value can be spelled out. */
final class Wire {
  private Wire() {}

  static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  static HttpInput input(String latin1) {
    return new HttpInput(new ByteArrayInputStream(bytes(latin1)));
  }

  /** An input that hands out at most one byte per read, as a slow network might. */
  static HttpInput trickle(String latin1) {
    ByteArrayInputStream bytes = new ByteArrayInputStream(bytes(latin1));
    return new HttpInput(
        new InputStream() {
          @Override
          public int read() {
            return bytes.read();
          }

          @Override
          public int read(byte[] into, int offset, int length) {
            return length == 0 ? 0 : bytes.read(into, offset, 1);
          }
        },
        16);
  }

  static RequestHead request(String latin1) throws IOException {
    return RequestParser.read(input(latin1), HttpLimits.defaults());
  }

  /** Asserts that the request is refused with {@code status}, and returns the exception for its message. */
  static HttpException refused(int status, String latin1) {
    HttpException e = assertThrows(HttpException.class, () -> request(latin1));
    assertEquals(status, e.status(), e.getMessage());
    return e;
  }
}
