package io.github.httpswrapper.internal.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * {@code {SHA}} followed by the base64 of the password's SHA-1: what {@code htpasswd -s} writes. Unsalted and
 * fast, so weak against guessing, but accepted because many files still have it.
 */
final class Sha1Hash implements PasswordHash {
  static final String PREFIX = "{SHA}";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] digest;

  private Sha1Hash(byte[] digest) {
    this.digest = digest;
  }

  static boolean looksLike(String text) {
    return text.startsWith(PREFIX);
  }

  static Sha1Hash parse(String text) throws RefusedHashException {
    byte[] digest;
    try {
      digest = Base64.getDecoder().decode(text.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new RefusedHashException("malformed {SHA}");
    }
    if (digest.length != 20) {
      throw new RefusedHashException("malformed {SHA}");
    }
    return new Sha1Hash(digest);
  }

  @Override
  public boolean matches(byte[] password) {
    return MessageDigest.isEqual(sha1(password), digest);
  }

  @Override
  public PasswordHash decoy() {
    byte[] random = new byte[20];
    RANDOM.nextBytes(random);
    return new Sha1Hash(random);
  }

  @Override
  public String costClass() {
    return "{SHA}";
  }

  private static byte[] sha1(byte[] password) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(password);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-1, which {SHA} hashes need", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Sha1Hash && Arrays.equals(((Sha1Hash) other).digest, digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return costClass();
  }
}
