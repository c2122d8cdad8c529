package io.github.httpswrapper.internal.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The user and password of an HTTP Basic {@code Authorization} header (RFC 7617): {@code Basic} followed by
 * the base64 of {@code user:password} in UTF-8.
 *
 * <p>The password is a {@code char[]} so that it can be wiped: call {@link #clear()} when done with it.
 */
public final class BasicCredentials {
  private final String user;
  private final char[] password;

  private BasicCredentials(String user, char[] password) {
    this.user = user;
    this.password = password;
  }

  /**
   * Parses an {@code Authorization} header value.
   *
   * <p>The scheme is matched without regard to case and may be followed by one or more spaces; white space
   * around the whole value is ignored. The base64 must be canonical (standard alphabet, padded). The decoded
   * bytes must be UTF-8, the announced charset. They are split at the first colon, so a password may contain
   * colons and a user name may not. Neither part may hold control characters.
   *
   * @return the credentials, or {@code null} when the value is absent, not Basic, or malformed in any way (to
   *     be answered like a missing header)
   */
  public static BasicCredentials parse(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.strip();
    if (value.length() < 6 || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    int start = 6;
    while (start < value.length() && value.charAt(start) == ' ') {
      start++;
    }
    String token = value.substring(start);
    // The regex rejects stray characters; the round trip rejects non-zero padding bits and missing '='.
    if (token.isEmpty() || !token.matches("[A-Za-z0-9+/]+={0,2}")) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      return null;
    }
    try {
      if (!Base64.getEncoder().encodeToString(bytes).equals(token)) {
        return null;
      }
      return split(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static BasicCredentials split(byte[] bytes) {
    CharBuffer chars;
    try {
      chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      return null;
    }
    char[] all = new char[chars.remaining()];
    chars.get(all);
    if (chars.hasArray()) {
      Arrays.fill(chars.array(), '\0');
    }
    try {
      int colon = -1;
      for (int i = 0; i < all.length; i++) {
        if (Character.isISOControl(all[i])) {
          return null;
        }
        if (colon < 0 && all[i] == ':') {
          colon = i;
        }
      }
      if (colon <= 0) {
        return null;
      }
      return new BasicCredentials(new String(all, 0, colon), Arrays.copyOfRange(all, colon + 1, all.length));
    } finally {
      Arrays.fill(all, '\0');
    }
  }

  /**
   * The {@code WWW-Authenticate} value asking for a password: {@code Basic realm="...", charset="UTF-8"}.
   * Browsers show the realm in their login prompt; quotes and backslashes in it are escaped. Keep it ASCII:
   * browsers differ in how they show other characters.
   *
   * @throws IllegalArgumentException when the realm holds a control character (it would break the header)
   */
  public static String challenge(String realm) {
    StringBuilder out = new StringBuilder("Basic realm=\"");
    for (int i = 0; i < realm.length(); i++) {
      char c = realm.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "realm '" + realm.replaceAll("[\\x00-\\x1f\\x7f-\\x9f]", "?") + "' has a control character at index " + i
                + ", which cannot be sent in a header: use plain text");
      }
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append("\", charset=\"UTF-8\"").toString();
  }

  /** The user name: not empty, without colons or control characters. */
  public String user() {
    return user;
  }

  /** The password itself, not a copy; may be empty, may contain colons. */
  public char[] password() {
    return password;
  }

  /** Overwrites the password with zeros. */
  public void clear() {
    Arrays.fill(password, '\0');
  }

  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + ", password=(hidden)]";
  }
}
