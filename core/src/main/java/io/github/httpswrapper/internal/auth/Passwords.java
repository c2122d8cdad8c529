package io.github.httpswrapper.internal.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** Making new hashes, and the bytes a password is hashed as (UTF-8, like every client and htpasswd). */
public final class Passwords {
  /** 2^10 rounds: about 50-100 ms per check on a laptop. */
  public static final int NEW_HASH_COST = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  /**
   * A new {@code $2y$} bcrypt hash of {@code password} at cost {@link #NEW_HASH_COST}. The array is read, not
   * cleared.
   *
   * @throws IllegalArgumentException when the password is empty, holds a lone surrogate, or is longer than 72
   *     bytes in UTF-8
   */
  public static String bcrypt(char[] password) {
    if (password.length == 0) {
      throw new IllegalArgumentException("the password is empty: choose one");
    }
    byte[] bytes = utf8(password);
    if (bytes == null) {
      throw new IllegalArgumentException("the password holds a lone UTF-16 surrogate, which has no UTF-8 form");
    }
    try {
      if (bytes.length > Bcrypt.MAX_PASSWORD_BYTES) {
        throw new IllegalArgumentException(
            "the password is " + bytes.length + " bytes long in UTF-8; bcrypt uses only the first "
                + Bcrypt.MAX_PASSWORD_BYTES + ": choose a shorter one");
      }
      return BCrypt.hashpw(bytes, BCrypt.gensalt("$2y$", NEW_HASH_COST, RANDOM));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The UTF-8 bytes of {@code password}, or {@code null} when it holds a lone surrogate. Nothing else is kept. */
  static byte[] utf8(char[] password) {
    ByteBuffer buffer;
    try {
      buffer = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(password));
    } catch (CharacterCodingException e) {
      return null;
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
    return bytes;
  }
}
