package io.github.httpswrapper.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a header or trailer section (RFC 9112 section 5): field lines up to an empty line. Every rule that
 * some server somewhere relaxes is enforced here, because the wrapper and the target must read the same
 * fields: one that sees a field the other misses is how framing headers get smuggled past a proxy.
 */
final class HeaderLines {
  private HeaderLines() {}

  /**
   * Reads field lines through the empty line that ends the section.
   *
   * @throws HttpException 400 for a malformed line, 431 beyond {@code limits}
   * @throws EOFException if the stream ends before the empty line
   */
  static HttpHeaders read(HttpInput in, HttpLimits limits) throws IOException {
    List<String> fields = new ArrayList<>();
    String tooLarge = "header section larger than " + limits.maxHeaderBytes() + " bytes";
    int used = 0;
    while (true) {
      int budget = Math.max(limits.maxHeaderBytes() - used - 2, 0);
      String line = in.readLine(budget, 431, tooLarge);
      if (line == null) {
        throw new EOFException("connection closed before the end of the header section");
      }
      if (line.isEmpty()) {
        return HttpHeaders.trusted(fields);
      }
      used += line.length() + 2;
      if (fields.size() / 2 >= limits.maxHeaderCount()) {
        throw new HttpException(431, "more than " + limits.maxHeaderCount() + " header fields");
      }
      parseField(line, fields);
    }
  }

  private static void parseField(String line, List<String> fields) throws HttpException {
    if (Syntax.isOws(line.charAt(0))) {
      // obs-fold: a continuation of the previous value that many parsers no longer join the same way.
      throw new HttpException(400, "header line starts with whitespace (obs-fold is not accepted)");
    }
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new HttpException(400, "header line without a colon");
    }
    if (colon == 0) {
      throw new HttpException(400, "empty header name");
    }
    for (int i = 0; i < colon; i++) {
      char c = line.charAt(i);
      if (Syntax.isOws(c)) {
        // "Transfer-Encoding : chunked" is ignored by some servers and honoured by others.
        throw new HttpException(400, "whitespace in a header name or before its colon");
      }
      if (!Syntax.isTchar(c)) {
        throw new HttpException(400, "invalid character in a header name");
      }
    }
    String name = line.substring(0, colon);
    int start = colon + 1;
    int end = line.length();
    while (start < end && Syntax.isOws(line.charAt(start))) {
      start++;
    }
    while (end > start && Syntax.isOws(line.charAt(end - 1))) {
      end--;
    }
    for (int i = start; i < end; i++) {
      if (!Syntax.isFieldChar(line.charAt(i))) {
        throw new HttpException(400, "control character in the value of header " + name);
      }
    }
    fields.add(name);
    fields.add(line.substring(start, end));
  }
}
