package io.github.httpswrapper.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Set;

/**
 * Request heads (with the bodies between pipelined requests) from untrusted bytes. Only {@link HttpException}
 * with a client-error status or {@link EOFException} may escape; an accepted head, re-encoded as the relay
 * sends it to the target, must parse again to the same head.
 */
class RequestParserFuzzTest {
  /** Small limits, so the fuzzer reaches the 414 and 431 paths with short inputs. */
  private static final HttpLimits LIMITS = new HttpLimits(200, 600, 12);

  private static final Set<Integer> REQUEST_STATUSES = Set.of(400, 405, 414, 431, 505);

  @FuzzTest
  void requestHead(byte[] data) throws IOException {
    HttpInput in = new HttpInput(new Trickle(data), 16);
    try {
      for (int request = 0; request < 8; request++) {
        RequestHead head = RequestParser.read(in, LIMITS);
        if (head == null) {
          return;
        }
        checkAccepted(head);
        skipBody(in, head);
      }
    } catch (HttpException e) {
      if (!REQUEST_STATUSES.contains(e.status())) {
        fail("status " + e.status() + " for a request: " + e.getMessage(), e);
      }
    } catch (EOFException expected) {
      // The client went away inside a message: nothing to answer.
    }
  }

  private static void checkAccepted(RequestHead head) throws IOException {
    assertTrue(head.version().equals("HTTP/1.1") || head.version().equals("HTTP/1.0"), head.version());
    assertNotEquals("CONNECT", head.method());
    switch (head.framing()) {
      case CHUNKED:
        assertEquals(-1, head.contentLength());
        assertEquals("chunked", head.headers().first("Transfer-Encoding").toLowerCase(java.util.Locale.ROOT));
        assertEquals(0, head.headers().count("Content-Length"));
        break;
      case LENGTH:
        assertTrue(head.contentLength() >= 0 && head.contentLength() <= Syntax.MAX_CONTENT_LENGTH);
        assertEquals(1, head.headers().count("Content-Length"));
        break;
      case NONE:
        assertEquals(0, head.contentLength());
        assertEquals(0, head.headers().count("Content-Length") + head.headers().count("Transfer-Encoding"));
        break;
      default:
        fail("a request is never " + head.framing());
    }
    if (head.version().equals("HTTP/1.1")) {
      assertEquals(1, head.headers().count("Host"));
    }
    if (!head.path().equals("*")) {
      assertTrue(head.path().startsWith("/"), head.path());
    }

    // What the relay sends the target must read as the same request, whatever parser the target uses.
    byte[] encoded = head.encode();
    RequestHead again =
        RequestParser.read(new HttpInput(new ByteArrayInputStream(encoded)), HttpLimits.defaults());
    assertEquals(head.method(), again.method());
    assertEquals(head.originForm(), again.target());
    assertEquals(head.path(), again.path());
    assertEquals(head.query(), again.query());
    assertEquals(head.version(), again.version());
    assertEquals(head.headers(), again.headers());
    assertEquals(head.headers().first("Host"), again.host());
    assertEquals(head.framing(), again.framing());
    assertEquals(head.contentLength(), again.contentLength());
    assertTrue(java.util.Arrays.equals(encoded, again.encode()), "encoding is not stable");
  }

  private static void skipBody(HttpInput in, RequestHead head) throws IOException {
    if (head.framing() == BodyFraming.CHUNKED) {
      ChunkedBody.copy(in, new ByteArrayOutputStream(), LIMITS);
      return;
    }
    byte[] sink = new byte[512];
    for (long remaining = head.contentLength(); remaining > 0; ) {
      int n = in.read(sink, 0, (int) Math.min(remaining, sink.length));
      if (n < 0) {
        throw new EOFException("body cut short");
      }
      remaining -= n;
    }
  }
}
