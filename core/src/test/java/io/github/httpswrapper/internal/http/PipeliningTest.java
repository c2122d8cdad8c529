package io.github.httpswrapper.internal.http;

import static io.github.httpswrapper.internal.http.Wire.input;
import static io.github.httpswrapper.internal.http.Wire.text;
import static io.github.httpswrapper.internal.http.Wire.trickle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Requests sent back to back on one connection must each be found exactly where they start. */
class PipeliningTest {
  private static final String PIPELINE =
      "POST /first HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
          + "POST /second HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
          + "GET /third HTTP/1.1\r\nHost: h\r\n\r\n";

  private static void readAll(HttpInput in) throws IOException {
    HttpLimits limits = HttpLimits.defaults();
    RequestHead first = RequestParser.read(in, limits);
    assertEquals("/first", first.path());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    FixedBody.copy(in, body, first.contentLength());
    assertEquals("hello", text(body.toByteArray()));

    RequestHead second = RequestParser.read(in, limits);
    assertEquals("/second", second.path());
    body.reset();
    ChunkedBody.copy(in, body, limits);
    assertEquals("3\r\nabc\r\n0\r\n\r\n", text(body.toByteArray()));

    RequestHead third = RequestParser.read(in, limits);
    assertEquals("/third", third.path());
    assertEquals(BodyFraming.NONE, third.framing());
    assertNull(RequestParser.read(in, limits));
  }

  @Test
  void pipelinedRequestsInOneBufferAreReadOneAfterTheOther() throws IOException {
    readAll(input(PIPELINE));
  }

  @Test
  void pipelinedRequestsArrivingOneByteAtATimeAreReadTheSame() throws IOException {
    readAll(trickle(PIPELINE));
  }

  @Test
  void aRequestHiddenInABodyIsNotReadAsARequest() throws IOException {
    // The body is 42 bytes that look like a request; they must be copied as body, not parsed.
    String hidden = "GET /admin HTTP/1.1\r\nHost: h\r\nX-Pad: 1\r\n\r\n";
    assertEquals(42, hidden.length());
    HttpInput in =
        input("POST /public HTTP/1.1\r\nHost: h\r\nContent-Length: 42\r\n\r\n" + hidden + "GET /next HTTP/1.1\r\n"
            + "Host: h\r\n\r\n");
    RequestHead first = RequestParser.read(in, HttpLimits.defaults());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    FixedBody.copy(in, body, first.contentLength());
    assertEquals(hidden, text(body.toByteArray()));
    assertEquals("/next", RequestParser.read(in, HttpLimits.defaults()).path());
  }

  @Test
  void aBodyShorterThanItsLengthSwallowsTheNextRequestInsteadOfReleasingIt() throws IOException {
    // The client claims 100 bytes but sends a head after 5: those bytes are body, and the stream ends early.
    HttpInput in = input("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\nhelloGET /admin HTTP/1.1\r\n\r\n");
    RequestHead first = RequestParser.read(in, HttpLimits.defaults());
    assertThrows(
        java.io.EOFException.class,
        () -> FixedBody.copy(in, new ByteArrayOutputStream(), first.contentLength()));
  }
}
