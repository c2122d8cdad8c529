package io.github.httpswrapper.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "upgrade",
          "http2-settings",
          "proxy-authorization");

  /**
   * Fields that say where a message ends or whom it is for. A client that lists them in {@code Connection}
   * must not make the wrapper drop them: forwarding a body without its Content-Length is request smuggling.
   */
  private static final Set<String> NEVER_DROPPED = Set.of("content-length", "transfer-encoding", "host");

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
      if (fields[i].equalsIgnoreCase(name)) {
        for (String element : fields[i + 1].split(",", -1)) {
          if (element.strip().equalsIgnoreCase(token)) {
            return true;
          }
        }
      }
    }
    return false;
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

  /** These fields without any named {@code name}, then one {@code name: value} at the end. */
  public HttpHeaders set(String name, String value) {
    return without(name).with(name, value);
  }

  /** These fields without any whose name is one of {@code names} (ignoring case). */
  public HttpHeaders without(String... names) {
    List<String> kept = new ArrayList<>(fields.length);
    for (int i = 0; i < fields.length; i += 2) {
      if (!matchesAny(fields[i], names)) {
        kept.add(fields[i]);
        kept.add(fields[i + 1]);
      }
    }
    return kept.size() == fields.length ? this : trusted(kept);
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
    List<String> kept = new ArrayList<>(fields.length);
    for (int i = 0; i < fields.length; i += 2) {
      if (!matchesAny(fields[i].replace('_', '-'), dashed)) {
        kept.add(fields[i]);
        kept.add(fields[i + 1]);
      }
    }
    return kept.size() == fields.length ? this : trusted(kept);
  }

  /**
   * These fields without the hop-by-hop ones: Connection, Keep-Alive, Proxy-Connection, TE, Trailer, Upgrade,
   * HTTP2-Settings, Proxy-Authorization (credentials meant for a proxy, never for the target), and every field
   * that {@code Connection} names, except Content-Length, Transfer-Encoding and Host, which are never dropped
   * (see {@link #NEVER_DROPPED}). A relay that forwards an upgrade must add {@code Connection: upgrade} and the
   * {@code Upgrade} field back.
   */
  public HttpHeaders withoutHopByHop() {
    List<String> named = new ArrayList<>();
    for (String token : tokens("Connection")) {
      String lower = token.toLowerCase(Locale.ROOT);
      if (!NEVER_DROPPED.contains(lower)) {
        named.add(lower);
      }
    }
    List<String> kept = new ArrayList<>(fields.length);
    for (int i = 0; i < fields.length; i += 2) {
      String lower = fields[i].toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(lower) && !named.contains(lower)) {
        kept.add(fields[i]);
        kept.add(fields[i + 1]);
      }
    }
    return kept.size() == fields.length ? this : trusted(kept);
  }

  /** The fields as {@code name: value CRLF} lines, without the empty line that ends a head. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32 * size() + 16);
    encodeTo(out);
    return out.toByteArray();
  }

  void encodeTo(ByteArrayOutputStream out) {
    for (int i = 0; i < fields.length; i += 2) {
      out.writeBytes(fields[i].getBytes(StandardCharsets.ISO_8859_1));
      out.write(':');
      out.write(' ');
      out.writeBytes(fields[i + 1].getBytes(StandardCharsets.ISO_8859_1));
      out.write('\r');
      out.write('\n');
    }
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
