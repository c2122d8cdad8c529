package io.github.httpswrapper.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    List<String> fields = new ArrayList<>(24);
    String tooLarge = "header section larger than " + limits.maxHeaderBytes() + " bytes";
    int used = 0;
    while (true) {
      int budget = Math.max(limits.maxHeaderBytes() - used - 2, 0);
      int end = in.lineEnd(budget, 431, tooLarge);
      if (end < 0) {
        throw new EOFException("connection closed before the end of the header section");
      }
      int start = in.linePosition();
      if (end == start) {
        in.skipLine(end);
        return HttpHeaders.trusted(fields);
      }
      used += end - start + 2;
      if (fields.size() / 2 >= limits.maxHeaderCount()) {
        throw new HttpException(431, "more than " + limits.maxHeaderCount() + " header fields");
      }
      parseField(in.bufferBytes(), start, end, fields);
      in.skipLine(end);
    }
  }

  /** Parses the field line {@code line[from, to)} (bytes read as ISO-8859-1) into a name and a value. */
  private static void parseField(byte[] line, int from, int to, List<String> fields) throws HttpException {
    if (Syntax.isOws((char) line[from])) {
      // obs-fold: a continuation of the previous value that many parsers no longer join the same way.
      throw new HttpException(400, "header line starts with whitespace (obs-fold is not accepted)");
    }
    int colon = from;
    while (colon < to && line[colon] != ':') {
      colon++;
    }
    if (colon == to) {
      throw new HttpException(400, "header line without a colon");
    }
    if (colon == from) {
      throw new HttpException(400, "empty header name");
    }
    for (int i = from; i < colon; i++) {
      char c = (char) (line[i] & 0xff);
      if (Syntax.isOws(c)) {
        // "Transfer-Encoding : chunked" is ignored by some servers and honoured by others.
        throw new HttpException(400, "whitespace in a header name or before its colon");
      }
      if (!Syntax.isTchar(c)) {
        throw new HttpException(400, "invalid character in a header name");
      }
    }
    String name = new String(line, from, colon - from, StandardCharsets.ISO_8859_1);
    int start = colon + 1;
    int end = to;
    while (start < end && Syntax.isOws((char) line[start])) {
      start++;
    }
    while (end > start && Syntax.isOws((char) line[end - 1])) {
      end--;
    }
    for (int i = start; i < end; i++) {
      if (!Syntax.isFieldChar((char) (line[i] & 0xff))) {
        throw new HttpException(400, "control character in the value of header " + name);
      }
    }
    fields.add(name);
    fields.add(new String(line, start, end - start, StandardCharsets.ISO_8859_1));
  }
}
