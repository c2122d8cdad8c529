package io.github.httpswrapper.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A password stored as is, accepted only after an explicit opt-in. Only its SHA-256 is kept, and comparing
 * digests of equal length keeps the time independent of the password's length and content.
 */
final class PlaintextPassword implements PasswordHash {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] digest;

  private PlaintextPassword(byte[] digest) {
    this.digest = digest;
  }

  static PlaintextPassword of(String password) {
    return new PlaintextPassword(sha256(password.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public boolean matches(byte[] password) {
    return MessageDigest.isEqual(sha256(password), digest);
  }

  @Override
  public PasswordHash decoy() {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return new PlaintextPassword(random);
  }

  @Override
  public String costClass() {
    return "plaintext";
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PlaintextPassword && Arrays.equals(((PlaintextPassword) other).digest, digest);
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
