package io.github.httpswrapper.internal.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header fields of one message, in the order received, with names in their original case. Immutable: the
 * {@code with}/{@code without} methods return changed copies. Names compare case-insensitively, as RFC 9110
 * requires. Values are kept exactly as received, minus leading and trailing whitespace; bytes 0x80 to 0xFF
 * (obs-text) survive as the chars U+0080 to U+00FF and are encoded back to the same bytes.
 */
public final class HttpHeaders {
  private static final HttpHeaders EMPTY = new HttpHeaders(new String[0]);

  /**
   * Hop-by-hop fields (RFC 9110 section 7.6.1) and their common non-standard relatives: they describe one
   * connection and must not be forwarded to the next. Transfer-Encoding is hop-by-hop too but stays, because
   * the wrapper forwards a chunked body as chunked.
   */
  private static final String[] HOP_BY_HOP = {
    "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Upgrade", "HTTP2-Settings", "Proxy-Authorization"
  };

  /**
   * Fields that say where a message ends or whom it is for. A client that lists them in {@code Connection}
   * must not make the wrapper drop them: forwarding a body without its Content-Length is request smuggling.
   */
  private static final String[] NEVER_DROPPED = {"Content-Length", "Transfer-Encoding", "Host"};

  /** Alternating names and values. */
  private final String[] fields;

  private HttpHeaders(String[] fields) {
    this.fields = fields;
  }

  /** No fields. */
  public static HttpHeaders empty() {
    return EMPTY;
  }

  /**
   * Fields from alternating names and values: {@code of("Host", "example.com", "Accept", "text/html")}.
   *
   * @throws IllegalArgumentException for an odd number of arguments, a name that is not a token, or a value
   *     with CR, LF or another control character (which would let the value start a new field)
   */
  public static HttpHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("HttpHeaders.of needs names and values in pairs");
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      check(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new HttpHeaders(namesAndValues.clone());
  }

  /** Fields already checked by a parser; {@code fields} alternates names and values. */
  static HttpHeaders trusted(List<String> fields) {
    return fields.isEmpty() ? EMPTY : new HttpHeaders(fields.toArray(new String[0]));
  }

  /** The number of fields (a repeated name counts once per line). */
  public int size() {
    return fields.length / 2;
  }

  /** The name of field {@code index}, in the case it was received or added. */
  public String name(int index) {
    return fields[2 * index];
  }

  /** The value of field {@code index}. */
  public String value(int index) {
    return fields[2 * index + 1];
  }

  /** The value of the first field named {@code name}, or {@code null}. */
  public String first(String name) {
    for (int i = 0; i < fields.length; i += 2) {
      if (fields[i].equalsIgnoreCase(name)) {
        return fields[i + 1];
      }
    }
    return null;
  }

  /** The values of every field named {@code name}, in order; empty if none. */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>(2);
    for (int i = 0; i < fields.length; i += 2) {
      if (fields[i].equalsIgnoreCase(name)) {
        values.add(fields[i + 1]);
      }
    }
    return values;
  }

  /** How many fields are named {@code name}. */
  public int count(String name) {
    int count = 0;
    for (int i = 0; i < fields.length; i += 2) {
      if (fields[i].equalsIgnoreCase(name)) {
        count++;
      }
    }
    return count;
  }

  public boolean has(String name) {
    return first(name) != null;
  }

  /**
   * Whether a comma-separated list field such as {@code Connection: keep-alive, Upgrade} contains {@code
   * token}, ignoring case and the whitespace around elements, across all fields named {@code name}.
   */
  public boolean hasToken(String name, String token) {
    for (int i = 0; i < fields.length; i += 2) {
      if (fields[i].equalsIgnoreCase(name) && listContains(fields[i + 1], token)) {
        return true;
      }
    }
    return false;
  }

  /** Whether one element of the comma-separated {@code list}, stripped of whitespace, is {@code token}. */
  private static boolean listContains(String list, String token) {
    int start = 0;
    while (start <= list.length()) {
      int comma = list.indexOf(',', start);
      int end = comma < 0 ? list.length() : comma;
      int from = start;
      while (from < end && Character.isWhitespace(list.charAt(from))) {
        from++;
      }
      while (end > from && Character.isWhitespace(list.charAt(end - 1))) {
        end--;
      }
      if (end - from == token.length() && list.regionMatches(true, from, token, 0, token.length())) {
        return true;
      }
      if (comma < 0) {
        return false;
      }
      start = comma + 1;
    }
    return false;
  }

  /** Whether the fields named {@code name} have the same values, in the same order, in {@code other}. */
  boolean sameValues(HttpHeaders other, String name) {
    int i = 0;
    int j = 0;
    while (true) {
      while (i < fields.length && !fields[i].equalsIgnoreCase(name)) {
        i += 2;
      }
      while (j < other.fields.length && !other.fields[j].equalsIgnoreCase(name)) {
        j += 2;
      }
      if (i >= fields.length || j >= other.fields.length) {
        return i >= fields.length && j >= other.fields.length;
      }
      if (!fields[i + 1].equals(other.fields[j + 1])) {
        return false;
      }
      i += 2;
      j += 2;
    }
  }

  /**
   * The elements of a comma-separated list field such as {@code Connection}, across all fields named {@code
   * name}, in order, with surrounding whitespace removed and empty elements skipped; case kept.
   */
  public List<String> tokens(String name) {
    List<String> tokens = new ArrayList<>(4);
    for (int i = 0; i < fields.length; i += 2) {
      if (fields[i].equalsIgnoreCase(name)) {
        for (String element : fields[i + 1].split(",", -1)) {
          String token = element.strip();
          if (!token.isEmpty()) {
            tokens.add(token);
          }
        }
      }
    }
    return tokens;
  }

  /**
   * These fields plus one more at the end.
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public HttpHeaders with(String name, String value) {
    check(name, value);
    String[] more = Arrays.copyOf(fields, fields.length + 2);
    more[fields.length] = name;
    more[fields.length + 1] = value;
    return new HttpHeaders(more);
  }

  /**
   * These fields plus more at the end, from alternating names and values, in one copy.
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public HttpHeaders with(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("HttpHeaders.with needs names and values in pairs");
    }
    String[] more = Arrays.copyOf(fields, fields.length + namesAndValues.length);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      check(namesAndValues[i], namesAndValues[i + 1]);
      more[fields.length + i] = namesAndValues[i];
      more[fields.length + i + 1] = namesAndValues[i + 1];
    }
    return new HttpHeaders(more);
  }

  /** These fields without any named {@code name}, then one {@code name: value} at the end. */
  public HttpHeaders set(String name, String value) {
    return without(name).with(name, value);
  }

  /** These fields without any whose name is one of {@code names} (ignoring case). */
  public HttpHeaders without(String... names) {
    return without(names, false, null);
  }

  /**
   * These fields without any whose name is one of {@code names} ignoring case <em>and</em> treating {@code _}
   * as {@code -}. Use it for fields the wrapper sets itself, such as X-Forwarded-For: CGI-style servers (PHP,
   * Python WSGI, many frameworks) turn both {@code X-Forwarded-For} and {@code X_Forwarded_For} into the same
   * {@code HTTP_X_FORWARDED_FOR}, so removing only the first spelling would let a client supply the value.
   */
  public HttpHeaders withoutAnySpelling(String... names) {
    String[] dashed = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      dashed[i] = names[i].replace('_', '-');
    }
    return without(dashed, true, null);
  }

  /**
   * These fields without the hop-by-hop ones: Connection, Keep-Alive, Proxy-Connection, TE, Trailer, Upgrade,
   * HTTP2-Settings, Proxy-Authorization (credentials meant for a proxy, never for the target), and every field
   * that {@code Connection} names, except Content-Length, Transfer-Encoding and Host, which are never dropped
   * (see {@link #NEVER_DROPPED}). A relay that forwards an upgrade must add {@code Connection: upgrade} and the
   * {@code Upgrade} field back.
   */
  public HttpHeaders withoutHopByHop() {
    List<String> named = new ArrayList<>(0);
    for (String token : tokens("Connection")) {
      if (!matchesAny(token, NEVER_DROPPED)) {
        named.add(token);
      }
    }
    return without(HOP_BY_HOP, false, named.isEmpty() ? null : named.toArray(new String[0]));
  }

  /**
   * These fields without those named in {@code names} or {@code alsoNames} (ignoring case; with {@code dashed},
   * also reading {@code _} in a field's name as {@code -}); this object when none is dropped.
   */
  private HttpHeaders without(String[] names, boolean dashed, String[] alsoNames) {
    String[] kept = null;
    int size = 0;
    for (int i = 0; i < fields.length; i += 2) {
      String name = dashed ? fields[i].replace('_', '-') : fields[i];
      boolean drop = matchesAny(name, names) || alsoNames != null && matchesAny(name, alsoNames);
      if (drop && kept == null) {
        kept = Arrays.copyOf(fields, fields.length);
        size = i;
      } else if (!drop && kept != null) {
        kept[size++] = fields[i];
        kept[size++] = fields[i + 1];
      }
    }
    if (kept == null) {
      return this;
    }
    return size == 0 ? EMPTY : new HttpHeaders(Arrays.copyOf(kept, size));
  }

  /** The fields as {@code name: value CRLF} lines, without the empty line that ends a head. */
  public byte[] encode() {
    byte[] out = new byte[encodedLength()];
    encodeInto(out, 0);
    return out;
  }

  /** The length of {@link #encode()}. */
  int encodedLength() {
    int length = 0;
    for (int i = 0; i < fields.length; i += 2) {
      length += fields[i].length() + 2 + fields[i + 1].length() + 2;
    }
    return length;
  }

  /** Writes {@link #encode()} into {@code out} at {@code at}; returns the index after it. */
  int encodeInto(byte[] out, int at) {
    for (int i = 0; i < fields.length; i += 2) {
      at = latin1(fields[i], out, at);
      out[at++] = ':';
      out[at++] = ' ';
      at = latin1(fields[i + 1], out, at);
      out[at++] = '\r';
      out[at++] = '\n';
    }
    return at;
  }

  /**
   * A head: {@code startLine CRLF}, these fields, and the empty line. Names and values hold only chars up to
   * U+00FF (checked when they were parsed or added), each written as the one byte it was received as.
   */
  byte[] encodeHead(String startLine) {
    byte[] out = new byte[startLine.length() + 2 + encodedLength() + 2];
    int at = latin1(startLine, out, 0);
    out[at++] = '\r';
    out[at++] = '\n';
    at = encodeInto(out, at);
    out[at++] = '\r';
    out[at] = '\n';
    return out;
  }

  // String.getBytes(int, int, byte[], int) writes the low byte of each char: ISO-8859-1 for the chars a head
  // can hold, and for a Latin-1 string one array copy. It is deprecated only for chars above U+00FF.
  @SuppressWarnings("deprecation")
  private static int latin1(String text, byte[] out, int at) {
    text.getBytes(0, text.length(), out, at);
    return at + text.length();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HttpHeaders && Arrays.equals(fields, ((HttpHeaders) other).fields);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(fields);
  }

  /** The field names only: values may hold credentials and do not belong in logs. */
  @Override
  public String toString() {
    StringBuilder names = new StringBuilder("[");
    for (int i = 0; i < fields.length; i += 2) {
      names.append(i == 0 ? "" : ", ").append(fields[i]);
    }
    return names.append(']').toString();
  }

  private static boolean matchesAny(String name, String[] names) {
    for (String candidate : names) {
      if (name.equalsIgnoreCase(candidate)) {
        return true;
      }
    }
    return false;
  }


  private static void check(String name, String value) {
    if (name == null || !Syntax.isToken(name)) {
      throw new IllegalArgumentException("'" + name + "' is not a valid header name (RFC 9110 token)");
    }
    if (value == null) {
      throw new IllegalArgumentException("header " + name + " needs a value, not null");
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Syntax.isFieldChar(value.charAt(i))) {
        throw new IllegalArgumentException(
            "value of header " + name + " has a control or non-Latin-1 character at index " + i);
      }
    }
    if (!value.isEmpty() && (Syntax.isOws(value.charAt(0)) || Syntax.isOws(value.charAt(value.length() - 1)))) {
      throw new IllegalArgumentException("value of header " + name + " must not start or end with whitespace");
    }
  }
}
