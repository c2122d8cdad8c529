package io.github.httpswrapper.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Puts request paths in a form that path rules can be matched against safely.
 *
 * <p>A prefix rule on {@code /admin} is only as good as the agreement between the wrapper and the target about
 * which requests fall under {@code /admin}. Servers normalise paths in different ways: {@code /public/../admin}
 * and {@code /public/%2e%2e/admin} are {@code /admin} to most of them; {@code /%61dmin} is {@code /admin} to
 * all; {@code //admin} is {@code /admin} to some; {@code /public/..;/admin} is {@code /admin} to Tomcat;
 * {@code /admin%2fx} and {@code \admin} depend on the server. {@link #checkedPath} therefore decodes what every
 * server decodes the same way, and refuses the rest.
 *
 * <p>Matching is case-sensitive, as paths are. A target that treats paths case-insensitively (IIS, some Windows
 * and macOS file servers) also serves {@code /ADMIN} for {@code /admin}: such a target needs rules for both
 * spellings, or a rule on the common parent.
 */
public final class Paths {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Paths() {}

  /**
   * The path with percent-encoded unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) decoded, since RFC 3986
   * makes them equivalent, and the hex digits of the remaining escapes in upper case.
   *
   * @param rawPath a path as sent, without the query, such as {@link RequestHead#path()}
   * @throws HttpException 400 for a path that does not start with {@code /}; a backslash, control character,
   *     space or non-ASCII character; invalid percent-encoding ({@code %zz}, {@code %4}); an encoded slash,
   *     backslash, NUL or other control character ({@code %2F}, {@code %5C}, {@code %00}, {@code %0A});
   *     percent-encoded bytes that are not UTF-8 (overlong forms like {@code %C0%AE} are a dot to some
   *     decoders); a {@code .} or {@code ..} segment,
   *     encoded or not, also with a {@code ;parameter} (or an encoded {@code %3B...}) after it; an empty
   *     segment before the last
   *     ({@code //}); a {@code ;} in a segment before the last, since Tomcat and Spring cut {@code ;...} out of
   *     every segment and so read {@code /admin;x/y} as {@code /admin/y}
   */
  public static String checkedPath(String rawPath) throws HttpException {
    if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
      throw new HttpException(400, "path does not start with /");
    }
    StringBuilder path = new StringBuilder(rawPath.length());
    ByteArrayOutputStream decoded = new ByteArrayOutputStream(rawPath.length());
    for (int i = 0; i < rawPath.length(); i++) {
      char c = rawPath.charAt(i);
      if (c == '%') {
        int b = escapedByte(rawPath, i);
        decoded.write(b);
        if (isUnreserved(b)) {
          path.append((char) b);
        } else {
          path.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
        }
        i += 2;
      } else if (c == '\\') {
        throw new HttpException(400, "backslash in the path");
      } else if (c <= 0x20 || c >= 0x7f) {
        throw new HttpException(400, "control, space or non-ASCII character in the path");
      } else {
        decoded.write(c);
        path.append(c);
      }
    }
    checkUtf8(decoded.toByteArray());
    String checked = path.toString();
    checkSegments(checked);
    return checked;
  }

  /**
   * Whether a rule on {@code prefix} covers {@code checkedPath}. A prefix ending in {@code /} matches every
   * path that starts with it. Any other prefix matches itself and what lies below it: {@code /admin} matches
   * {@code /admin}, {@code /admin/}, {@code /admin/x} and {@code /admin;jsessionid=1}, but not {@code
   * /administrator}.
   *
   * @param checkedPath a result of {@link #checkedPath}; a raw path would let {@code /%61dmin} past the rule
   * @param prefix a rule's path, itself in the form {@link #checkedPath} returns
   */
  public static boolean hasPrefix(String checkedPath, String prefix) {
    if (!checkedPath.startsWith(prefix)) {
      return false;
    }
    if (prefix.endsWith("/") || checkedPath.length() == prefix.length()) {
      return true;
    }
    char next = checkedPath.charAt(prefix.length());
    return next == '/' || next == ';' || next == '?';
  }

  private static int escapedByte(String raw, int percent) throws HttpException {
    if (percent + 2 >= raw.length()
        || !Syntax.isHexDigit(raw.charAt(percent + 1))
        || !Syntax.isHexDigit(raw.charAt(percent + 2))) {
      throw new HttpException(400, "invalid percent-encoding in the path");
    }
    int b = Integer.parseInt(raw.substring(percent + 1, percent + 3), 16);
    switch (b) {
      case 0:
        throw new HttpException(400, "encoded NUL (%00) in the path");
      case '/':
        throw new HttpException(400, "encoded slash (%2F) in the path");
      case '\\':
        throw new HttpException(400, "encoded backslash (%5C) in the path");
      default:
        if (b < 0x20 || b == 0x7f) {
          throw new HttpException(400, "encoded control character in the path");
        }
        return b;
    }
  }

  private static boolean isUnreserved(int b) {
    return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || "-._~".indexOf(b) >= 0;
  }

  private static void checkUtf8(byte[] bytes) throws HttpException {
    if (isAscii(bytes)) {
      return;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new HttpException(400, "percent-encoded bytes in the path are not UTF-8");
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static void checkSegments(String path) throws HttpException {
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      int semicolon = segment.indexOf(';');
      // An encoded ';' (escapes are upper case by now) ends the name too for a server that decodes first.
      int encodedSemicolon = segment.indexOf("%3B");
      int nameEnd =
          semicolon < 0 || encodedSemicolon >= 0 && encodedSemicolon < semicolon ? encodedSemicolon : semicolon;
      String name = nameEnd < 0 ? segment : segment.substring(0, nameEnd);
      if (name.equals(".") || name.equals("..")) {
        throw new HttpException(400, "dot segment (. or ..) in the path");
      }
      boolean last = i == segments.length - 1;
      if (!last && segment.isEmpty()) {
        throw new HttpException(400, "empty segment (//) in the path");
      }
      if (!last && semicolon >= 0) {
        throw new HttpException(400, "path parameter (;) before the last segment");
      }
    }
  }
}
