package io.github.httpswrapper.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Apache's MD5-based crypt, {@code $apr1$salt$digest}: what {@code htpasswd -m} writes (and {@code htpasswd}
 * without options on older versions). 1,000 rounds of MD5: much faster to guess than bcrypt, but not reversible.
 */
final class Apr1 implements PasswordHash {
  private static final String MAGIC = "$apr1$";
  private static final String ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final Pattern SHAPE = Pattern.compile("\\$apr1\\$[./0-9A-Za-z]{1,8}\\$[./0-9A-Za-z]{22}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String hash;
  private final String salt;

  private Apr1(String hash, String salt) {
    this.hash = hash;
    this.salt = salt;
  }

  static boolean looksLike(String text) {
    return text.startsWith(MAGIC);
  }

  static Apr1 parse(String text) throws RefusedHashException {
    if (!SHAPE.matcher(text).matches()) {
      throw new RefusedHashException("malformed APR1");
    }
    return new Apr1(text, text.substring(MAGIC.length(), text.indexOf('$', MAGIC.length())));
  }

  @Override
  public boolean matches(byte[] password) {
    byte[] computed = crypt(password, salt).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(computed, hash.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public PasswordHash decoy() {
    StringBuilder text = new StringBuilder(MAGIC);
    for (int i = 0; i < 8; i++) {
      text.append(ITOA64.charAt(RANDOM.nextInt(64)));
    }
    String decoySalt = text.substring(MAGIC.length());
    text.append('$');
    for (int i = 0; i < 22; i++) {
      text.append(ITOA64.charAt(RANDOM.nextInt(64)));
    }
    return new Apr1(text.toString(), decoySalt);
  }

  @Override
  public String costClass() {
    return "APR1";
  }

  /** The full {@code $apr1$salt$digest} string for {@code password}; {@code salt} is at most 8 characters. */
  static String crypt(byte[] password, String salt) {
    byte[] saltBytes = salt.getBytes(StandardCharsets.US_ASCII);
    byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
    MessageDigest md5 = md5();

    md5.update(password);
    md5.update(saltBytes);
    md5.update(password);
    byte[] alternate = md5.digest();

    md5.update(password);
    md5.update(magic);
    md5.update(saltBytes);
    for (int left = password.length; left > 0; left -= 16) {
      md5.update(alternate, 0, Math.min(16, left));
    }
    // The original C code hashes a byte of an all-zero buffer or the first password byte per bit of the length.
    for (int bits = password.length; bits != 0; bits >>>= 1) {
      md5.update((bits & 1) != 0 ? 0 : password[0]);
    }
    byte[] digest = md5.digest();

    // 1,000 rounds, only to make guessing slower.
    for (int round = 0; round < 1000; round++) {
      md5.update((round & 1) != 0 ? password : digest);
      if (round % 3 != 0) {
        md5.update(saltBytes);
      }
      if (round % 7 != 0) {
        md5.update(password);
      }
      md5.update((round & 1) != 0 ? digest : password);
      digest = md5.digest();
    }

    StringBuilder out = new StringBuilder(MAGIC).append(salt).append('$');
    encode(out, digest[0], digest[6], digest[12], 4);
    encode(out, digest[1], digest[7], digest[13], 4);
    encode(out, digest[2], digest[8], digest[14], 4);
    encode(out, digest[3], digest[9], digest[15], 4);
    encode(out, digest[4], digest[10], digest[5], 4);
    encode(out, (byte) 0, (byte) 0, digest[11], 2);
    return out.toString();
  }

  private static void encode(StringBuilder out, byte high, byte middle, byte low, int characters) {
    int value = ((high & 0xFF) << 16) | ((middle & 0xFF) << 8) | (low & 0xFF);
    for (int i = 0; i < characters; i++) {
      out.append(ITOA64.charAt(value & 0x3F));
      value >>>= 6;
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no MD5, which APR1 hashes need", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Apr1 && ((Apr1) other).hash.equals(hash);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return costClass();
  }
}
