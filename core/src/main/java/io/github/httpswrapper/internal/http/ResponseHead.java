package io.github.httpswrapper.internal.http;


/** A target's status line and header fields, as read and checked by {@link ResponseParser}. Immutable. */
public final class ResponseHead {
  private final String version;
  private final int status;
  private final String reason;
  private final HttpHeaders headers;
  private final BodyFraming framing;
  private final long contentLength;

  ResponseHead(
      String version, int status, String reason, HttpHeaders headers, BodyFraming framing, long contentLength) {
    this.version = version;
    this.status = status;
    this.reason = reason;
    this.headers = headers;
    this.framing = framing;
    this.contentLength = contentLength;
  }

  /** {@code HTTP/1.1} or {@code HTTP/1.0}. */
  public String version() {
    return version;
  }

  /** The status code, 100 to 599. */
  public int status() {
    return status;
  }

  /** The reason phrase as sent, possibly empty. */
  public String reason() {
    return reason;
  }

  public HttpHeaders headers() {
    return headers;
  }

  /**
   * How the body ends (RFC 9112 section 6.3): NONE for a response to HEAD and for 1xx, 204 and 304 whatever
   * their fields say; otherwise CHUNKED, LENGTH, or CLOSE_DELIMITED when neither field is present.
   */
  public BodyFraming framing() {
    return framing;
  }

  /** The body length for {@link BodyFraming#LENGTH}, 0 for NONE, -1 otherwise. */
  public long contentLength() {
    return contentLength;
  }

  /** Whether this is a 1xx response other than 101: a final response follows on the same connection. */
  public boolean interim() {
    return status >= 100 && status < 200 && status != 101;
  }

  /** Whether this is {@code 101 Switching Protocols}: after its head the connection is a byte tunnel. */
  public boolean switchingProtocols() {
    return status == 101;
  }

  /**
   * Whether the target keeps the connection open after this response: not after a close-delimited body or a
   * 101; on HTTP/1.1 unless {@code Connection: close}; on HTTP/1.0 only with {@code Connection: keep-alive}.
   */
  public boolean keepAlive() {
    if (framing == BodyFraming.CLOSE_DELIMITED || status == 101 || headers.hasToken("Connection", "close")) {
      return false;
    }
    return version.equals("HTTP/1.1") || headers.hasToken("Connection", "keep-alive");
  }

  /**
   * This response with other header fields, such as an added Strict-Transport-Security. The framing stays the
   * one parsed.
   *
   * @throws IllegalArgumentException if {@code headers} change Content-Length or Transfer-Encoding, which the
   *     client needs unchanged to find the end of the body
   */
  public ResponseHead withHeaders(HttpHeaders headers) {
    Framing.requireSameFraming(this.headers, headers);
    return new ResponseHead(version, status, reason, headers, framing, contentLength);
  }

  /**
   * The head as bytes to send to the client: {@code version SP status SP reason CRLF}, the fields, then CRLF
   * (the space before an empty reason is required by RFC 9112).
   */
  public byte[] encode() {
    return headers.encodeHead(version + " " + status + " " + reason);
  }

  @Override
  public String toString() {
    return version + " " + status + " " + reason;
  }
}
