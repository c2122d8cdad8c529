package io.github.httpswrapper.internal.metrics;

import io.github.httpswrapper.internal.access.Addresses;
import java.net.InetAddress;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log: one INFO line per answered request on the logger {@value #LOGGER_NAME}, in this format:
 *
 * <pre>
 * 2026-11-28T15:47:24.123Z 192.168.1.20 alice "GET /index.html?q=1 HTTP/1.1" 200 5120 12 TLSv1.3
 * </pre>
 *
 * <p>Fields, separated by one space: the time the request head was read (ISO-8601, UTC); the client address
 * (after a trusted proxy's word is taken); the user (the Basic user name a password rule accepted, the common
 * name of the client certificate a certificate rule accepted, else {@code -}); in double quotes the method,
 * the request target exactly as received and the protocol version; the status; the body bytes sent to the
 * client (as transmitted, so chunked framing counts; 0 for none); the duration in milliseconds from the head
 * being read to the last byte of the response; the TLS version. A request whose head could not be parsed
 * shows its request line as received between the quotes, or {@code "- - -"} when the line was not read whole.
 *
 * <p>Everything a client can influence is escaped: a double quote or backslash gets a backslash, and every
 * control character (C0, DEL, C1) and every character outside printable ASCII is written as {@code \xHH}
 * (<code>&#92;uHHHH</code> above 0xFF), so a request can never start a new line, forge a field, or send escape
 * sequences to a terminal that shows the log.
 *
 * <p>Turn it off, or send it to its own file, through the logging configuration, e.g. with slf4j-simple
 * {@code -Dorg.slf4j.simpleLogger.log.io.github.httpswrapper.access=off}. When the logger is off no line is built.
 */
public final class AccessLog {
  /** The SLF4J logger name of the access log. */
  public static final String LOGGER_NAME = "io.github.httpswrapper.access";

  private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);

  private AccessLog() {}

  /** Whether lines are written; when not, callers may skip gathering their fields. */
  public static boolean enabled() {
    return log.isInfoEnabled();
  }

  /**
   * Writes one line.
   *
   * @param startedMillis wall-clock time the head was read
   * @param startedNanos {@link System#nanoTime()} when the head was read
   * @param user the authenticated user, or {@code null}
   * @param method the method, or {@code null} when the head could not be parsed
   * @param target the request target as received; without a method, the raw request line, or {@code null}
   * @param protocol the HTTP version, or {@code null}
   * @param tls the TLS version of the connection
   */
  public static void write(
      long startedMillis,
      long startedNanos,
      InetAddress client,
      String user,
      String method,
      String target,
      String protocol,
      int status,
      long bodyBytes,
      String tls) {
    if (!log.isInfoEnabled()) {
      return;
    }
    log.info(line(startedMillis, startedNanos, System.nanoTime(), client, user, method, target, protocol, status,
        bodyBytes, tls));
  }

  static String line(
      long startedMillis,
      long startedNanos,
      long endedNanos,
      InetAddress client,
      String user,
      String method,
      String target,
      String protocol,
      int status,
      long bodyBytes,
      String tls) {
    StringBuilder out = new StringBuilder(128);
    out.append(Instant.ofEpochMilli(startedMillis)).append(' ');
    out.append(client == null ? "-" : Addresses.format(client)).append(' ');
    escapeUnquoted(out, user);
    out.append(" \"");
    if (method == null && target != null) {
      escape(out, target);
    } else {
      escape(out, method);
      out.append(' ');
      escape(out, target);
      out.append(' ');
      escape(out, protocol);
    }
    out.append("\" ").append(status).append(' ').append(bodyBytes).append(' ')
        .append(TimeUnit.NANOSECONDS.toMillis(Math.max(0, endedNanos - startedNanos))).append(' ');
    escapeUnquoted(out, tls);
    return out.toString();
  }

  /** A field between double quotes: {@code "} and {@code \} get a backslash, the rest as {@link #hex}. */
  static void escape(StringBuilder out, String value) {
    if (value == null) {
      out.append('-');
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else {
        hex(out, c);
      }
    }
  }

  /** A field outside quotes: also a space or a quote is written as {@code \xHH}, so fields stay apart. */
  static void escapeUnquoted(StringBuilder out, String value) {
    if (value == null || value.isEmpty()) {
      out.append('-');
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ' ' || c == '"' || c == '\\') {
        appendHex(out, c);
      } else {
        hex(out, c);
      }
    }
  }

  /** Printable ASCII as is; anything else (controls, DEL, C1, non-ASCII) as {@code \xHH} or <code>&#92;uHHHH</code>. */
  private static void hex(StringBuilder out, char c) {
    if (c >= 0x20 && c < 0x7f) {
      out.append(c);
    } else {
      appendHex(out, c);
    }
  }

  private static void appendHex(StringBuilder out, char c) {
    String digits = Integer.toHexString(c);
    if (c <= 0xff) {
      out.append("\\x").append(digits.length() == 1 ? "0" : "").append(digits);
    } else {
      out.append("\\u").append("0000", digits.length(), 4).append(digits);
    }
  }
}
