package io.github.httpswrapper.internal.http;

/**
 * How the end of a message body is found (RFC 9112 section 6). Getting this exactly right on both sides of the
 * wrapper is what keeps a second request hidden inside a first one from reaching the target unchecked.
 */
public enum BodyFraming {
  /** No body follows the head; the next message starts right after it. */
  NONE,
  /** Exactly {@code contentLength()} bytes follow: copy them with {@link FixedBody}. */
  LENGTH,
  /** Chunks follow, up to a zero-size last chunk and trailers: copy them with {@link ChunkedBody}. */
  CHUNKED,
  /**
   * Responses only: the body runs until the target closes the connection (no Content-Length, no
   * Transfer-Encoding). Copy it with {@link CloseDelimitedBody}; the client connection must close afterwards,
   * since that close is the only way to tell the client where the body ends.
   */
  CLOSE_DELIMITED
}
