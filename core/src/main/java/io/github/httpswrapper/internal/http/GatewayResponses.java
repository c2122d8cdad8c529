package io.github.httpswrapper.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The wrapper's own short HTTP answers (errors it reports instead of the target). */
public final class GatewayResponses {
  private GatewayResponses() {}

  /**
   * Writes a complete {@code HTTP/1.1} response with a one-line plain-text body and {@code Connection: close}.
   */
  public static void write(OutputStream out, int status, String reason, String body) throws IOException {
    byte[] content = (body + "\n").getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 " + status + " " + reason + "\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: " + content.length + "\r\n"
            + "Cache-Control: no-store\r\n"
            + "Connection: close\r\n"
            + "\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(content);
    out.flush();
  }
}
