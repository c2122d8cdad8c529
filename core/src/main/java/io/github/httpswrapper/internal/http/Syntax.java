package io.github.httpswrapper.internal.http;

/**
 * The small grammar pieces of RFC 9110 and RFC 3986 that requests, responses, bodies and the forwarding headers
 * share.
 */
public final class Syntax {
  /** 2^62: far beyond any real body, and small enough that adding to it never overflows a {@code long}. */
  static final long MAX_CONTENT_LENGTH = 1L << 62;

  /** Longest DNS name (RFC 1035: 253 characters as text) and label (63). */
  private static final int MAX_NAME = 253;

  private static final int MAX_LABEL = 63;

  /** RFC 9110 tchar, indexed by ASCII code. */
  private static final boolean[] TCHAR = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      TCHAR[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
  }

  private Syntax() {}

  /** RFC 9110 tchar: the characters of a token (method, header name, transfer coding). */
  public static boolean isTchar(char c) {
    return c < 128 && TCHAR[c];
  }

  public static boolean isToken(String s) {
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

  public static boolean isHexDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /**
   * Whether {@code s} from {@code from} to {@code to} holds only what an IPv6 literal between brackets may: hex
   * digits, {@code :} and {@code .} (no zone, nothing that could end or escape the brackets).
   */
  public static boolean isIpLiteralText(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isHexDigit(c) && c != ':' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s} is {@code host[:port]}: the host a DNS name (labels of letters, digits, {@code -} and
   * {@code _}, as container names use them, 1 to 63 characters each, not starting or ending with {@code -},
   * separated by single dots, optionally one trailing dot, 253 characters at most) or an IPv4 address, or a
   * bracketed IPv6 literal without a zone (2 to 45 characters of hex digits, {@code :} and {@code .}); then
   * an optional port of 1 to 5 digits, up to 65535. Stricter than RFC 3986 reg-name on purpose:
   * percent-encoding and sub-delims in a host only ever serve to make two parsers disagree.
   */
  static boolean isAuthority(String s) {
    int n = s.length();
    if (n == 0 || n > 300) {
      return false;
    }
    int hostEnd;
    if (s.charAt(0) == '[') {
      int close = s.indexOf(']');
      if (close < 3 || close > 46 || !isIpLiteralText(s, 1, close)) {
        return false;
      }
      hostEnd = close + 1;
    } else {
      int colon = s.indexOf(':');
      hostEnd = colon < 0 ? n : colon;
      if (hostEnd > MAX_NAME || !isDnsName(s, hostEnd)) {
        return false;
      }
    }
    return hostEnd == n || s.charAt(hostEnd) == ':' && isPort(s, hostEnd + 1);
  }

  /** Whether {@code s} up to {@code end} is labels separated by dots, with at most one trailing dot. */
  private static boolean isDnsName(String s, int end) {
    int last = end > 0 && s.charAt(end - 1) == '.' ? end - 1 : end;
    if (last == 0) {
      return false;
    }
    int labelStart = 0;
    for (int i = 0; i <= last; i++) {
      if (i == last || s.charAt(i) == '.') {
        int length = i - labelStart;
        if (length == 0 || length > MAX_LABEL || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
      } else if (!isLabelChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLabelChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
  }

  /** Whether {@code s} from {@code start} to its end is 1 to 5 digits with a value up to 65535. */
  private static boolean isPort(String s, int start) {
    int digits = s.length() - start;
    if (digits < 1 || digits > 5) {
      return false;
    }
    int port = 0;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 65535;
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
