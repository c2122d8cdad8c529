package io.github.httpswrapper.internal.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A password kept as one unsalted digest, compared with {@link MessageDigest#isEqual}: digests of equal length
 * take the same time to compare whatever the password's length and content.
 */
abstract class DigestHash implements PasswordHash {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String algorithm;
  private final byte[] digest;

  DigestHash(String algorithm, byte[] digest) {
    this.algorithm = algorithm;
    this.digest = digest;
  }

  /** The same kind of hash over other digest bytes. */
  abstract DigestHash withDigest(byte[] digest);

  @Override
  public final boolean matches(byte[] password) {
    return MessageDigest.isEqual(digest(algorithm, password), digest);
  }

  @Override
  public final PasswordHash decoy() {
    byte[] random = new byte[digest.length];
    RANDOM.nextBytes(random);
    return withDigest(random);
  }

  static byte[] digest(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no " + algorithm + ", which password checks need", e);
    }
  }

  @Override
  public final boolean equals(Object other) {
    return other != null
        && other.getClass() == getClass()
        && Arrays.equals(((DigestHash) other).digest, digest);
  }

  @Override
  public final int hashCode() {
    return Arrays.hashCode(digest);
  }

  @Override
  public final String toString() {
    return costClass();
  }
}
