package io.github.httpswrapper.internal.http;


/**
 * A request line and its header fields, as read and checked by {@link RequestParser}. Immutable.
 *
 * <p>By the time a {@code RequestHead} exists, its framing is unambiguous: at most one of Content-Length and
 * Transfer-Encoding, a valid length, exactly {@code chunked}, exactly one valid Host on HTTP/1.1.
 */
public final class RequestHead {
  private final String method;
  private final String target;
  private final String path;
  private final String query;
  private final String version;
  private final HttpHeaders headers;
  private final String host;
  private final BodyFraming framing;
  private final long contentLength;

  RequestHead(
      String method,
      String target,
      String path,
      String query,
      String version,
      HttpHeaders headers,
      String host,
      BodyFraming framing,
      long contentLength) {
    this.method = method;
    this.target = target;
    this.path = path;
    this.query = query;
    this.version = version;
    this.headers = headers;
    this.host = host;
    this.framing = framing;
    this.contentLength = contentLength;
  }

  /** The method exactly as sent; methods are case-sensitive, so {@code get} is not {@code GET}. */
  public String method() {
    return method;
  }

  /** The request-target exactly as sent: {@code /p?q}, {@code http://h/p?q} or {@code *}. */
  public String target() {
    return target;
  }

  /**
   * The path without the query, still percent-encoded: {@code /p} for both {@code /p?q} and {@code
   * http://h/p?q}; {@code /} for {@code http://h}; {@code *} for {@code OPTIONS *}. Check it with {@link
   * Paths#checkedPath} before matching rules against it.
   */
  public String path() {
    return path;
  }

  /** The part after the first {@code ?} (possibly empty), or {@code null} when there is no {@code ?}. */
  public String query() {
    return query;
  }

  /** The target in origin-form, the form forwarded to the target: {@code /p?q}, or {@code *}. */
  public String originForm() {
    return query == null ? path : path + "?" + query;
  }

  /** {@code HTTP/1.1} or {@code HTTP/1.0}. */
  public String version() {
    return version;
  }

  public HttpHeaders headers() {
    return headers;
  }

  /**
   * The authority the request is for, {@code host[:port]} exactly as sent: the Host header, or, for an
   * absolute-form target, that target's authority (RFC 9112 section 3.2.2; the parser has made sure a Host
   * header sent with it names the same authority). {@code null} only for an HTTP/1.0 request without Host.
   */
  public String host() {
    return host;
  }

  /** How the body ends: {@link BodyFraming#NONE}, {@link BodyFraming#LENGTH} or {@link BodyFraming#CHUNKED}. */
  public BodyFraming framing() {
    return framing;
  }

  /** The body length for {@link BodyFraming#LENGTH} (possibly 0), 0 for NONE, -1 for CHUNKED. */
  public long contentLength() {
    return contentLength;
  }

  /** Whether body bytes follow the head: chunked, or a non-zero Content-Length. */
  public boolean hasBody() {
    return framing == BodyFraming.CHUNKED || contentLength > 0;
  }

  /**
   * Whether the client waits for {@code 100 Continue} before sending the body ({@code Expect: 100-continue}
   * on HTTP/1.1; RFC 9110 section 10.1.1 says to ignore it on HTTP/1.0).
   */
  public boolean expectsContinue() {
    String expect = headers.first("Expect");
    return version.equals("HTTP/1.1") && expect != null && expect.equalsIgnoreCase("100-continue");
  }

  /** Whether the client asks to switch protocols: HTTP/1.1, {@code Connection: upgrade}, and an Upgrade field. */
  public boolean upgradeRequested() {
    return version.equals("HTTP/1.1") && headers.hasToken("Connection", "upgrade") && headers.has("Upgrade");
  }

  /**
   * Whether the client wants the connection kept open after this exchange: on HTTP/1.1 unless it sent {@code
   * Connection: close}; on HTTP/1.0 only with {@code Connection: keep-alive}.
   */
  public boolean keepAlive() {
    if (headers.hasToken("Connection", "close")) {
      return false;
    }
    return version.equals("HTTP/1.1") || headers.hasToken("Connection", "keep-alive");
  }

  /**
   * This request with other header fields, as the relay forwards it (forwarded headers set, hop-by-hop
   * headers dropped). The framing stays the one parsed.
   *
   * @throws IllegalArgumentException if {@code headers} change Content-Length or Transfer-Encoding: the body is
   *     copied with the framing they declared, and a target told otherwise would read part of the body as a
   *     second request
   */
  public RequestHead withHeaders(HttpHeaders headers) {
    Framing.requireSameFraming(this.headers, headers);
    return new RequestHead(method, target, path, query, version, headers, host, framing, contentLength);
  }

  /**
   * The head as bytes to send to the target: {@code method SP origin-form SP version CRLF}, the fields, then
   * CRLF. The target is always written in origin-form, so the target reads its authority from the Host field
   * alone and cannot pick a different one from an absolute URL.
   */
  public byte[] encode() {
    return headers.encodeHead(method + " " + originForm() + " " + version);
  }

  /** {@code METHOD path version}, without the query, which may carry tokens that do not belong in logs. */
  @Override
  public String toString() {
    return method + " " + path + " " + version;
  }
}
