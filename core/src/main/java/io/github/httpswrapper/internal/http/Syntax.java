package io.github.httpswrapper.internal.http;

import java.util.regex.Pattern;

/** The small grammar pieces of RFC 9110 and RFC 3986 that requests, responses and bodies share. */
final class Syntax {
  /** 2^62: far beyond any real body, and small enough that adding to it never overflows a {@code long}. */
  static final long MAX_CONTENT_LENGTH = 1L << 62;

  private static final String LABEL = "[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";
  /**
   * A DNS name (underscores allowed, as container names use them) or an IPv4 address, or a bracketed IPv6
   * literal without a zone; then an optional port. Stricter than RFC 3986 reg-name on purpose: percent-encoding
   * and sub-delims in a host only ever serve to make two parsers disagree.
   */
  private static final Pattern AUTHORITY =
      Pattern.compile(
          "(?:(?:" + LABEL + "\\.)*" + LABEL + "\\.?|\\[[0-9A-Fa-f:.]{2,45}\\])(?::([0-9]{1,5}))?");

  private Syntax() {}

  /** RFC 9110 tchar: the characters of a token (method, header name, transfer coding). */
  static boolean isTchar(char c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return true;
    }
    return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }

  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isTchar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Space or horizontal tab: the only whitespace HTTP allows inside a line. */
  static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  /** A byte allowed in a field value, reason phrase or chunk extension: HTAB, visible ASCII, SP, obs-text. */
  static boolean isFieldChar(char c) {
    return c == '\t' || c >= 0x20 && c != 0x7f && c <= 0xff;
  }

  static boolean isHexDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** Whether {@code s} is {@code host[:port]} as {@link #AUTHORITY} describes it, with a port up to 65535. */
  static boolean isAuthority(String s) {
    if (s.length() > 300) {
      return false;
    }
    var matcher = AUTHORITY.matcher(s);
    if (!matcher.matches()) {
      return false;
    }
    String port = matcher.group(1);
    int hostLength = port == null ? s.length() : s.length() - port.length() - 1;
    return hostLength <= 253 && (port == null || Integer.parseInt(port) <= 65535);
  }

  /**
   * Parses a Content-Length value: one or more decimal digits, nothing else (no sign, no spaces, no list).
   *
   * @return the length, or -1 if the value is not exactly that or exceeds {@link #MAX_CONTENT_LENGTH}
   */
  static long parseContentLength(String value) {
    if (value.isEmpty()) {
      return -1;
    }
    long length = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      length = length * 10 + (c - '0');
      if (length > MAX_CONTENT_LENGTH) {
        return -1;
      }
    }
    return length;
  }
}
