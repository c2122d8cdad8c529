package io.github.httpswrapper.internal.http;

import java.io.EOFException;
import java.io.IOException;

/**
 * Reads one request head (RFC 9112) and refuses anything ambiguous rather than guessing. The wrapper sits in
 * front of a server whose parser it does not know; every leniency here is a place where the two could read
 * different requests from the same bytes, which is how request smuggling and header spoofing work.
 *
 * <p>What is refused, and with which status:
 *
 * <ul>
 *   <li>400: a request line that is not {@code method SP target SP version} with single spaces; a method that
 *       is not a token; control characters, spaces, {@code #} or bytes above 0x7E in the target; a target that
 *       is not origin-form ({@code /...}), absolute-form ({@code http://} or {@code https://}), or {@code *}
 *       with OPTIONS; user information in an absolute target; a bare CR or LF anywhere; more than {@value
 *       #MAX_EMPTY_LINES} empty lines before the request line; every malformed field line (see {@link
 *       HeaderLines}); a missing or repeated Host on HTTP/1.1, an invalid Host, or a Host that differs from an
 *       absolute target's authority; Content-Length together with Transfer-Encoding; more than one
 *       Content-Length field, or one that is not plain digits up to 2^62 (so {@code 5, 5} is refused too);
 *       a Transfer-Encoding other than exactly one field {@code chunked} (RFC 9112 allows other codings before
 *       it, but no target needs them from a client and each one is another chance to disagree); any
 *       Transfer-Encoding on HTTP/1.0.
 *   <li>405: {@code CONNECT}. A reverse proxy has no tunnels to open; refusing by method also covers the
 *       authority-form target that only CONNECT uses.
 *   <li>414: a request line longer than {@link HttpLimits#maxRequestLineBytes()}.
 *   <li>431: a header section larger than {@link HttpLimits#maxHeaderBytes()} or with more than {@link
 *       HttpLimits#maxHeaderCount()} fields.
 *   <li>505: a well-formed version other than HTTP/1.0 and HTTP/1.1.
 * </ul>
 *
 * <p>A stream that ends inside a head raises {@link EOFException}, not an {@link HttpException}: the client is
 * gone, so there is no one to answer.
 */
public final class RequestParser {
  /**
   * How many empty lines may precede a request line. RFC 9112 section 2.2 asks servers to skip at least one
   * (old clients sent one after a POST body); a few more are harmless, an endless stream of them is not.
   */
  public static final int MAX_EMPTY_LINES = 4;

  private RequestParser() {}

  /**
   * Reads the next request head from {@code in}, leaving {@code in} at the first byte of the body.
   *
   * @return the head, or {@code null} if the stream ended cleanly before a request began (a keep-alive
   *     connection the client closed)
   * @throws HttpException with the status to answer, as listed on this class, and the request line when it was
   *     read whole ({@link HttpException#requestLine()}, for the access log)
   * @throws EOFException if the stream ends inside the head
   */
  public static RequestHead read(HttpInput in, HttpLimits limits) throws IOException {
    String line = readRequestLine(in, limits);
    if (line == null) {
      return null;
    }
    try {
      return read(line, in, limits);
    } catch (HttpException e) {
      throw e.requestLine(line);
    }
  }

  private static RequestHead read(String line, HttpInput in, HttpLimits limits) throws IOException {
    int first = line.indexOf(' ');
    int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
    if (first < 0 || second < 0 || line.indexOf(' ', second + 1) >= 0) {
      throw new HttpException(400, "request line is not 'method SP target SP version'");
    }
    String method = line.substring(0, first);
    String target = line.substring(first + 1, second);
    String version = line.substring(second + 1);
    if (!Syntax.isToken(method)) {
      throw new HttpException(400, "method is not a token");
    }
    checkVersion(version);
    if (method.equals("CONNECT")) {
      throw new HttpException(405, "CONNECT is not supported: this is a reverse proxy, not a tunnel");
    }
    RequestTarget parsed = RequestTarget.parse(method, target);
    HttpHeaders headers = HeaderLines.read(in, limits);
    String host = host(headers, version, parsed.authority());
    if (headers.has("Transfer-Encoding")) {
      checkTransferEncoding(headers, version);
      return new RequestHead(
          method, target, parsed.path(), parsed.query(), version, headers, host, BodyFraming.CHUNKED, -1);
    }
    long length = contentLength(headers);
    return new RequestHead(
        method,
        target,
        parsed.path(),
        parsed.query(),
        version,
        headers,
        host,
        length < 0 ? BodyFraming.NONE : BodyFraming.LENGTH,
        Math.max(length, 0));
  }

  private static String readRequestLine(HttpInput in, HttpLimits limits) throws IOException {
    String tooLong = "request line longer than " + limits.maxRequestLineBytes() + " bytes";
    for (int empty = 0; ; empty++) {
      String line = in.readLine(limits.maxRequestLineBytes(), 414, tooLong);
      if (line == null || !line.isEmpty()) {
        return line;
      }
      if (empty == MAX_EMPTY_LINES) {
        throw new HttpException(400, "more than " + MAX_EMPTY_LINES + " empty lines before the request line");
      }
    }
  }

  private static void checkVersion(String version) throws HttpException {
    boolean wellFormed =
        version.length() == 8
            && version.startsWith("HTTP/")
            && Character.isDigit(version.charAt(5))
            && version.charAt(6) == '.'
            && Character.isDigit(version.charAt(7));
    if (!wellFormed) {
      throw new HttpException(400, "malformed HTTP version");
    }
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw new HttpException(505, version + " is not supported: use HTTP/1.1");
    }
  }

  private static String host(HttpHeaders headers, String version, String targetAuthority) throws HttpException {
    int count = headers.count("Host");
    if (count > 1) {
      throw new HttpException(400, "more than one Host header");
    }
    if (count == 0 && version.equals("HTTP/1.1")) {
      throw new HttpException(400, "missing Host header (required in HTTP/1.1)");
    }
    String host = headers.first("Host");
    if (host != null && !Syntax.isAuthority(host)) {
      throw new HttpException(400, "Host header is not a valid host[:port]");
    }
    if (targetAuthority == null) {
      return host;
    }
    if (host != null && !host.equalsIgnoreCase(targetAuthority)) {
      throw new HttpException(400, "Host header differs from the authority of the absolute request target");
    }
    return targetAuthority;
  }

  private static void checkTransferEncoding(HttpHeaders headers, String version) throws HttpException {
    if (headers.has("Content-Length")) {
      throw new HttpException(400, "both Content-Length and Transfer-Encoding");
    }
    if (version.equals("HTTP/1.0")) {
      throw new HttpException(400, "Transfer-Encoding in an HTTP/1.0 request");
    }
    if (headers.count("Transfer-Encoding") > 1) {
      throw new HttpException(400, "more than one Transfer-Encoding header");
    }
    if (!headers.first("Transfer-Encoding").equalsIgnoreCase("chunked")) {
      throw new HttpException(400, "Transfer-Encoding other than exactly 'chunked'");
    }
  }

  /** The Content-Length, or -1 when there is none. */
  private static long contentLength(HttpHeaders headers) throws HttpException {
    int count = headers.count("Content-Length");
    if (count == 0) {
      return -1;
    }
    if (count > 1) {
      throw new HttpException(400, "more than one Content-Length header");
    }
    long length = Syntax.parseContentLength(headers.first("Content-Length"));
    if (length < 0) {
      throw new HttpException(400, "Content-Length is not a single decimal number up to 2^62");
    }
    return length;
  }
}
