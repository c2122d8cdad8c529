package io.github.httpswrapper.internal.http;

import static io.github.httpswrapper.internal.http.Wire.request;
import static io.github.httpswrapper.internal.http.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RequestHeadTest {
  private static RequestHead get(String version, String fields) throws IOException {
    return request("GET / " + version + "\r\nHost: example.com\r\n" + fields + "\r\n");
  }

  @Test
  void http11KeepsAliveByDefault() throws IOException {
    assertTrue(get("HTTP/1.1", "").keepAlive());
  }

  @Test
  void http11ClosesWithConnectionClose() throws IOException {
    assertFalse(get("HTTP/1.1", "Connection: keep-alive, Close\r\n").keepAlive());
  }

  @Test
  void http10ClosesByDefault() throws IOException {
    assertFalse(get("HTTP/1.0", "").keepAlive());
  }

  @Test
  void http10KeepsAliveOnlyWhenAsked() throws IOException {
    assertTrue(get("HTTP/1.0", "Connection: Keep-Alive\r\n").keepAlive());
  }

  @Test
  void upgradeNeedsTheConnectionTokenAndTheUpgradeField() throws IOException {
    assertTrue(get("HTTP/1.1", "Connection: Upgrade\r\nUpgrade: websocket\r\n").upgradeRequested());
    assertFalse(get("HTTP/1.1", "Upgrade: websocket\r\n").upgradeRequested());
    assertFalse(get("HTTP/1.1", "Connection: upgrade\r\n").upgradeRequested());
  }

  @Test
  void expectContinueIsSeenOnHttp11Only() throws IOException {
    assertTrue(get("HTTP/1.1", "Expect: 100-Continue\r\n").expectsContinue());
    assertFalse(get("HTTP/1.0", "Expect: 100-continue\r\n").expectsContinue());
  }

  @Test
  void encodeWritesTheHeadExactly() throws IOException {
    RequestHead head = request("GET /a?b HTTP/1.1\r\nHost: example.com\r\nX-Case: Value\r\n\r\n");
    assertEquals("GET /a?b HTTP/1.1\r\nHost: example.com\r\nX-Case: Value\r\n\r\n", text(head.encode()));
  }

  @Test
  void encodeWritesAbsoluteFormAsOriginForm() throws IOException {
    RequestHead head = request("GET http://example.com/a?b HTTP/1.1\r\nHost: example.com\r\n\r\n");
    assertEquals("GET /a?b HTTP/1.1\r\nHost: example.com\r\n\r\n", text(head.encode()));
  }

  @Test
  void withHeadersReplacesTheFields() throws IOException {
    RequestHead head = request("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nX-Old: 1\r\n\r\n");
    RequestHead changed = head.withHeaders(head.headers().without("X-Old").with("X-Forwarded-Proto", "https"));
    assertEquals(
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nX-Forwarded-Proto: https\r\n\r\n",
        text(changed.encode()));
    assertEquals(3, changed.contentLength());
  }

  @Test
  void withHeadersRefusesToDropContentLength() throws IOException {
    RequestHead head = request("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\n");
    assertThrows(
        IllegalArgumentException.class, () -> head.withHeaders(head.headers().without("Content-Length")));
  }

  @Test
  void withHeadersRefusesToAddTransferEncoding() throws IOException {
    RequestHead head = get("HTTP/1.1", "");
    assertThrows(
        IllegalArgumentException.class,
        () -> head.withHeaders(head.headers().with("Transfer-Encoding", "chunked")));
  }

  @Test
  void toStringLeavesOutTheQuery() throws IOException {
    assertEquals(
        "GET /login HTTP/1.1", request("GET /login?token=secret HTTP/1.1\r\nHost: h\r\n\r\n").toString());
  }
}
