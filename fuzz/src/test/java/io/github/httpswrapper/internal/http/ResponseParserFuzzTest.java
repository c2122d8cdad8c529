package io.github.httpswrapper.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Response heads from a target. Only {@link HttpException} 502 (its message saying so) or {@link EOFException}
 * may escape; an accepted head must have one unambiguous framing.
 */
class ResponseParserFuzzTest {
  private static final HttpLimits LIMITS = new HttpLimits(200, 600, 12);

  /** The first byte picks the request method, since a response to HEAD never has a body. */
  @FuzzTest
  void responseHead(byte[] data) throws IOException {
    if (data.length == 0) {
      return;
    }
    String method = (data[0] & 1) == 0 ? "GET" : "HEAD";
    HttpInput in = new HttpInput(new Trickle(Arrays.copyOfRange(data, 1, data.length)), 16);
    ResponseHead head;
    try {
      head = ResponseParser.read(in, method, LIMITS);
    } catch (HttpException e) {
      if (e.status() != 502 || !e.getMessage().startsWith("invalid response from target: ")) {
        fail("not a 502 naming the target: " + e.status() + " " + e.getMessage(), e);
      }
      return;
    } catch (EOFException expected) {
      return;
    }
    if (head == null) {
      return;
    }
    assertTrue(head.status() >= 100 && head.status() <= 599, "status " + head.status());
    assertTrue(head.version().equals("HTTP/1.1") || head.version().equals("HTTP/1.0"));
    int lengths = head.headers().count("Content-Length");
    boolean chunked = head.headers().has("Transfer-Encoding");
    assertTrue(lengths <= 1 && !(lengths == 1 && chunked), "ambiguous framing accepted");
    switch (head.framing()) {
      case NONE:
        assertEquals(0, head.contentLength());
        break;
      case LENGTH:
        assertEquals(1, lengths);
        assertTrue(head.contentLength() >= 0);
        break;
      case CHUNKED:
      case CLOSE_DELIMITED:
        assertEquals(-1, head.contentLength());
        break;
      default:
        fail("unknown framing " + head.framing());
    }
    if (method.equals("HEAD")) {
      assertEquals(BodyFraming.NONE, head.framing());
    }
    if (head.version().equals("HTTP/1.0")) {
      assertTrue(!chunked, "Transfer-Encoding accepted on HTTP/1.0");
    }
  }
}
