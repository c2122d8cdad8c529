package io.github.httpswrapper.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads a target's response head. The wrapper relays it to a client whose parser it does not know, so
 * anything that could frame the body two ways is refused with a {@code 502} (an {@link HttpException} whose
 * message starts with {@code invalid response from target}): Content-Length with Transfer-Encoding, more than
 * one Content-Length or an invalid one, Transfer-Encoding on HTTP/1.0 or not ending in exactly one {@code
 * chunked}, and every line error the request side refuses (bare CR or LF, obs-fold, whitespace before a colon,
 * control characters, the same size limits). It is lenient only where no framing is at stake: the reason
 * phrase may be missing, and codings such as {@code gzip, chunked} are accepted, since the chunked body is
 * relayed as is and the client decodes the rest.
 */
public final class ResponseParser {
  private ResponseParser() {}

  /**
   * Reads the next response head from {@code in}, leaving {@code in} at the first byte of the body.
   *
   * @param requestMethod the method of the request this answers: a response to HEAD has no body whatever its
   *     fields say
   * @return the head
   * @throws HttpException 502, as described on this class
   * @throws EOFException if the stream ends before or inside the head (a target that closes a kept-alive
   *     connection while it is idle ends it before the first byte; the relay retries such a request once)
   */
  public static ResponseHead read(HttpInput in, String requestMethod, HttpLimits limits) throws IOException {
    try {
      return parse(in, requestMethod, limits);
    } catch (HttpException e) {
      throw e.status() == 502 ? e : new HttpException(502, "invalid response from target: " + e.getMessage());
    }
  }

  private static ResponseHead parse(HttpInput in, String requestMethod, HttpLimits limits) throws IOException {
    String line =
        in.readLine(
            limits.maxRequestLineBytes(),
            502,
            "invalid response from target: status line longer than " + limits.maxRequestLineBytes() + " bytes");
    if (line == null) {
      throw new EOFException("the target closed the connection before sending a response");
    }
    String version = line.length() >= 8 ? line.substring(0, 8) : line;
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw invalid("status line does not start with HTTP/1.1 or HTTP/1.0");
    }
    if (line.length() < 12
        || line.charAt(8) != ' '
        || !isDigits(line, 9, 12)
        || line.length() > 12 && line.charAt(12) != ' ') {
      throw invalid("status line is not 'version SP 3-digit-status SP reason'");
    }
    int status = Integer.parseInt(line.substring(9, 12));
    if (status < 100 || status > 599) {
      throw invalid("status " + status + " is outside 100 to 599");
    }
    String reason = line.length() > 12 ? line.substring(13) : "";
    for (int i = 0; i < reason.length(); i++) {
      if (!Syntax.isFieldChar(reason.charAt(i))) {
        throw invalid("control character in the reason phrase");
      }
    }
    HttpHeaders headers = HeaderLines.read(in, limits);
    boolean chunked = checkTransferEncoding(headers, version);
    long length = contentLength(headers);
    if (chunked && length >= 0) {
      throw invalid("both Content-Length and Transfer-Encoding");
    }
    if (requestMethod.equals("HEAD") || status < 200 || status == 204 || status == 304) {
      return new ResponseHead(version, status, reason, headers, BodyFraming.NONE, 0);
    }
    if (chunked) {
      return new ResponseHead(version, status, reason, headers, BodyFraming.CHUNKED, -1);
    }
    if (length >= 0) {
      return new ResponseHead(version, status, reason, headers, BodyFraming.LENGTH, length);
    }
    return new ResponseHead(version, status, reason, headers, BodyFraming.CLOSE_DELIMITED, -1);
  }

  /** Whether the response is chunked; refuses codings whose last is not chunked, or chunked twice. */
  private static boolean checkTransferEncoding(HttpHeaders headers, String version) throws HttpException {
    if (!headers.has("Transfer-Encoding")) {
      return false;
    }
    if (version.equals("HTTP/1.0")) {
      throw invalid("Transfer-Encoding in an HTTP/1.0 response");
    }
    String last = null;
    int chunked = 0;
    for (String value : headers.all("Transfer-Encoding")) {
      for (String element : value.split(",", -1)) {
        String coding = element.strip().toLowerCase(Locale.ROOT);
        if (!Syntax.isToken(coding)) {
          throw invalid("Transfer-Encoding has an empty or invalid coding");
        }
        chunked += coding.equals("chunked") ? 1 : 0;
        last = coding;
      }
    }
    if (chunked != 1 || !"chunked".equals(last)) {
      throw invalid("Transfer-Encoding does not end in exactly one 'chunked'");
    }
    return true;
  }

  /** The Content-Length, or -1 when there is none. */
  private static long contentLength(HttpHeaders headers) throws HttpException {
    int count = headers.count("Content-Length");
    if (count == 0) {
      return -1;
    }
    if (count > 1) {
      throw invalid("more than one Content-Length header");
    }
    long length = Syntax.parseContentLength(headers.first("Content-Length"));
    if (length < 0) {
      throw invalid("Content-Length is not a single decimal number up to 2^62");
    }
    return length;
  }

  private static boolean isDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static HttpException invalid(String why) {
    return new HttpException(502, "invalid response from target: " + why);
  }
}
