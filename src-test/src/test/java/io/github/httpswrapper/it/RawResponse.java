package io.github.httpswrapper.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 response read off a raw socket: the head as text and the body (de-chunked). Used by tests that
 * must control the bytes on the wire: several requests on one connection, pipelining, malformed requests.
 */
record RawResponse(String head, byte[] body) {

  /**
   * Reads one response: the head, then the body by {@code Content-Length}, chunked coding, or (for neither)
   * up to end of file. Returns empty at a clean end of file before the first byte.
   */
  static Optional<RawResponse> read(InputStream in) throws IOException {
    int first = in.read();
    if (first == -1) {
      return Optional.empty();
    }
    ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
    headBytes.write(first);
    while (!endsWithBlankLine(headBytes)) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("end of file inside a response head: " + headBytes.toString(StandardCharsets.ISO_8859_1));
      }
      headBytes.write(b);
    }
    String head = headBytes.toString(StandardCharsets.ISO_8859_1);
    RawResponse shell = new RawResponse(head, new byte[0]);
    int status = shell.status();
    if (status / 100 == 1 || status == 204 || status == 304) {
      return Optional.of(shell);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Optional<String> length = shell.header("Content-Length");
    if (length.isPresent()) {
      body.write(in.readNBytes(Integer.parseInt(length.get().trim())));
    } else if (shell.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
        .orElse(false)) {
      readChunks(in, body);
    } else {
      in.transferTo(body);
    }
    return Optional.of(new RawResponse(head, body.toByteArray()));
  }

  /**
   * Parses a response printed as text, such as {@code curl -i} writes it: the last head before the body (curl
   * prints interim {@code 100 Continue} heads first), then the body.
   */
  static RawResponse parse(String text) {
    String rest = text;
    while (true) {
      int blank = rest.indexOf("\r\n\r\n");
      if (blank < 0) {
        throw new IllegalArgumentException("no response head in:\n" + text);
      }
      RawResponse response =
          new RawResponse(rest.substring(0, blank + 4), rest.substring(blank + 4).getBytes(StandardCharsets.UTF_8));
      if (response.status() / 100 != 1 || !rest.substring(blank + 4).startsWith("HTTP/")) {
        return response;
      }
      rest = rest.substring(blank + 4);
    }
  }

  /** Reads responses until end of file or until {@code max} were read. */
  static List<RawResponse> readAll(InputStream in, int max) throws IOException {
    List<RawResponse> out = new ArrayList<>();
    while (out.size() < max) {
      Optional<RawResponse> next = read(in);
      if (next.isEmpty()) {
        break;
      }
      out.add(next.get());
    }
    return out;
  }

  /** Whether the peer closes the connection (end of file or reset) within the socket's read timeout. */
  static boolean closedAfter(InputStream in) throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset, or TLS close without close_notify: closed all the same
    }
  }

  /** The status code from the status line. */
  int status() {
    String[] parts = head.split(" ", 3);
    return Integer.parseInt(parts[1]);
  }

  /** The first value of the named header, without surrounding whitespace. */
  Optional<String> header(String name) {
    return headers(name).stream().findFirst();
  }

  /** Every value of the named header, in order. */
  List<String> headers(String name) {
    List<String> values = new ArrayList<>();
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
        values.add(line.substring(colon + 1).trim());
      }
    }
    return values;
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return head + bodyText();
  }

  private static boolean endsWithBlankLine(ByteArrayOutputStream bytes) {
    byte[] b = bytes.toByteArray();
    int n = b.length;
    return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
  }

  private static void readChunks(InputStream in, ByteArrayOutputStream body) throws IOException {
    while (true) {
      String sizeLine = line(in);
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
      if (size == 0) {
        while (!line(in).isEmpty()) {
          // trailer fields are dropped
        }
        return;
      }
      body.write(in.readNBytes(size));
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b == -1) {
        throw new IOException("end of file inside a chunked body");
      }
      if (b != '\r') {
        sb.append((char) b);
      }
    }
    return sb.toString();
  }
}
