package io.github.httpswrapper.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a plain-HTTP request that reached the TLS port (someone typed {@code http://host:8443/}) with a
 * redirect to the same URL on {@code https://}, instead of resetting the connection.
 */
public final class PlainHttpAnswer {
  private static final int MAX_HEAD = 8 * 1024;
  private static final Pattern REQUEST_LINE =
      Pattern.compile("^([A-Z]{1,16}) (/[!-~]*) HTTP/1\\.[01]$");
  private static final Pattern HOST_HEADER =
      Pattern.compile("(?im)^host:[ \\t]*([^\\r\\n]*?)[ \\t]*\\r?$");

  private PlainHttpAnswer() {}

  /** Whether a connection's first byte could start an HTTP request (an upper-case method name). */
  public static boolean looksLikeHttp(int firstByte) {
    return firstByte >= 'A' && firstByte <= 'Z';
  }

  /**
   * Reads the request head (bounded) that began with {@code firstByte} and answers it with a redirect to the
   * same URL on {@code https://} (or a 400 when it names no usable host).
   *
   * @param httpsPort the TLS port this request reached
   * @return what was answered, for the log
   */
  public static String answer(int firstByte, InputStream in, OutputStream out, int httpsPort)
      throws IOException {
    String head = readHead(firstByte, in);
    int lineEnd = head.indexOf('\r');
    String requestLine = lineEnd < 0 ? head : head.substring(0, lineEnd);
    Matcher line = REQUEST_LINE.matcher(requestLine);
    String method = line.matches() ? line.group(1) : "GET";
    String target = line.matches() ? line.group(2) : "/";
    Matcher host = HOST_HEADER.matcher(head);
    OwnResponse response =
        HttpsRedirect.answer(method, host.find() ? host.group(1) : null, target, httpsPort);
    response.writeTo(out);
    return response.status() + (response.status() == 400 ? " (no usable Host)" : " redirect to https");
  }

  private static String readHead(int firstByte, InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.write(firstByte);
    int state = 0; // counts the bytes of CR LF CR LF seen in a row
    while (head.size() < MAX_HEAD && state < 4) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
