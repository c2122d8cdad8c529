package io.github.httpswrapper.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A response the wrapper writes itself (401, 403, 429, 400, 502, a redirect): a short plain-text body, and
 * headers added one by one. Immutable.
 */
public final class OwnResponse {
  private final int status;
  private final String reason;
  private final String body;
  private final List<String[]> headers;
  private final boolean close;

  private OwnResponse(int status, String reason, String body, List<String[]> headers, boolean close) {
    this.status = status;
    this.reason = reason;
    this.body = body;
    this.headers = headers;
    this.close = close;
  }

  /** A response with this status and a one-line body; the connection stays open unless {@link #closing()}. */
  public static OwnResponse of(int status, String body) {
    return new OwnResponse(status, reasonPhrase(status), body, List.of(), false);
  }

  /** The same response with one more header. */
  public OwnResponse header(String name, String value) {
    List<String[]> more = new ArrayList<>(headers);
    more.add(new String[] {name, value});
    return new OwnResponse(status, reason, body, List.copyOf(more), close);
  }

  /** The same response, announcing {@code Connection: close}. */
  public OwnResponse closing() {
    return new OwnResponse(status, reason, body, headers, true);
  }

  public int status() {
    return status;
  }

  /**
   * Writes and flushes the whole response.
   *
   * @return the length of the body written, for the access log
   */
  public int writeTo(OutputStream out) throws IOException {
    byte[] content = (body + "\n").getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
    for (String[] h : headers) {
      head.append(h[0]).append(": ").append(h[1]).append("\r\n");
    }
    head.append("Content-Type: text/plain; charset=utf-8\r\n")
        .append("Content-Length: ").append(content.length).append("\r\n")
        .append("Cache-Control: no-store\r\n");
    if (close) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(content);
    out.flush();
    return content.length;
  }

  /** The standard reason phrase of the statuses the wrapper sends. */
  public static String reasonPhrase(int status) {
    switch (status) {
      case 301:
        return "Moved Permanently";
      case 308:
        return "Permanent Redirect";
      case 400:
        return "Bad Request";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 405:
        return "Method Not Allowed";
      case 408:
        return "Request Timeout";
      case 413:
        return "Content Too Large";
      case 414:
        return "URI Too Long";
      case 429:
        return "Too Many Requests";
      case 431:
        return "Request Header Fields Too Large";
      case 501:
        return "Not Implemented";
      case 502:
        return "Bad Gateway";
      case 503:
        return "Service Unavailable";
      case 504:
        return "Gateway Timeout";
      case 505:
        return "HTTP Version Not Supported";
      default:
        return "Error";
    }
  }
}
