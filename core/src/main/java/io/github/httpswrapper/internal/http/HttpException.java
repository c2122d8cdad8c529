package io.github.httpswrapper.internal.http;

import java.io.IOException;

/**
 * A message that breaks the HTTP syntax or framing rules, with the status to answer it with. The message is a
 * short, precise reason meant for the log ("both Content-Length and Transfer-Encoding"); it never repeats header
 * values, which may hold credentials.
 *
 * <p>After this exception the connection it came from is in an unknown state (the next message cannot be found
 * reliably) and must be closed once the answer is written.
 */
public final class HttpException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String reason;
  private String requestLine;

  /**
   * @param status the HTTP status to answer with, such as 400 or 502; the reason phrase is its standard one
   * @param message what exactly is wrong, for the log
   */
  public HttpException(int status, String message) {
    this(status, reasonPhrase(status), message);
  }

  /** @param reason the reason phrase to answer with, such as {@code Bad Gateway} */
  public HttpException(int status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  /** The status to answer with: 400, 405, 414, 431, 505 for a client's request; 502 for a target's response. */
  public int status() {
    return status;
  }

  /** The reason phrase to answer with, such as {@code Bad Request}. */
  public String reason() {
    return reason;
  }

  /**
   * The request line of the request this exception refuses, exactly as received (one char per byte), or
   * {@code null} when it was not read whole.
   */
  public String requestLine() {
    return requestLine;
  }

  /** Records the request line this exception refuses, once it is known; returns this exception. */
  public HttpException requestLine(String line) {
    if (requestLine == null) {
      requestLine = line;
    }
    return this;
  }

  /** The standard reason phrase of the statuses this package uses; {@code Error} for any other. */
  public static String reasonPhrase(int status) {
    switch (status) {
      case 400:
        return "Bad Request";
      case 405:
        return "Method Not Allowed";
      case 413:
        return "Content Too Large";
      case 414:
        return "URI Too Long";
      case 431:
        return "Request Header Fields Too Large";
      case 502:
        return "Bad Gateway";
      case 505:
        return "HTTP Version Not Supported";
      default:
        return "Error";
    }
  }
}
