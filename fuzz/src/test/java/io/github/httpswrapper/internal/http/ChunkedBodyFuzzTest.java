package io.github.httpswrapper.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Chunked bodies from untrusted bytes. Only {@link HttpException} 400 or 431 or {@link EOFException} may escape.
 * An accepted body is written in canonical form, which must itself decode to the same bytes and re-encode
 * unchanged, and whose data must be exactly as long as the count returned.
 */
class ChunkedBodyFuzzTest {
  private static final HttpLimits LIMITS = new HttpLimits(200, 600, 12);

  @FuzzTest
  void chunkedBody(byte[] data) throws IOException {
    Trickle source = new Trickle(data);
    HttpInput in = new HttpInput(source, 16);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long total;
    try {
      total = ChunkedBody.copy(in, out, LIMITS);
    } catch (HttpException e) {
      if (e.status() != 400 && e.status() != 431) {
        fail("status " + e.status() + " for a chunked body: " + e.getMessage(), e);
      }
      return;
    } catch (EOFException expected) {
      return;
    }
    byte[] canonical = out.toByteArray();
    assertEquals(total, dataLength(canonical));

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    HttpInput canonicalIn = new HttpInput(new ByteArrayInputStream(canonical));
    assertEquals(total, ChunkedBody.copy(canonicalIn, again, HttpLimits.defaults()));
    assertArrayEquals(canonical, again.toByteArray(), "the canonical form is not canonical");
    assertTrue(canonicalIn.atEof(), "the canonical form has bytes after its end");

    // Bytes after the body stay in the input for the next request, none lost and none invented.
    byte[] rest = in.asStream().readAllBytes();
    assertTrue(rest.length <= data.length);
    for (int i = 0; i < rest.length; i++) {
      assertEquals(data[data.length - rest.length + i], rest[i]);
    }
  }

  /** The data length of a body in the canonical form: {@code hex CRLF data CRLF}, then {@code 0 CRLF CRLF}. */
  private static long dataLength(byte[] canonical) {
    String text = new String(canonical, StandardCharsets.ISO_8859_1);
    long total = 0;
    int at = 0;
    while (true) {
      int lineEnd = text.indexOf("\r\n", at);
      String hex = text.substring(at, lineEnd);
      assertEquals(hex, hex.toLowerCase(java.util.Locale.ROOT).replaceFirst("^0+(?=.)", ""), "size not canonical");
      long size = Long.parseLong(hex, 16);
      if (size == 0) {
        assertEquals(text.length(), lineEnd + 4, "the last chunk is not followed by exactly CRLF");
        assertTrue(text.endsWith("\r\n\r\n"));
        return total;
      }
      int dataEnd = lineEnd + 2 + (int) size;
      assertEquals("\r\n", text.substring(dataEnd, dataEnd + 2));
      total += size;
      at = dataEnd + 2;
    }
  }
}
