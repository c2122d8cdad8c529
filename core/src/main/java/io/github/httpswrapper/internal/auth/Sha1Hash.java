package io.github.httpswrapper.internal.auth;

import java.util.Base64;

/**
 * {@code {SHA}} followed by the base64 of the password's SHA-1: what {@code htpasswd -s} writes. Unsalted and
 * fast, so weak against guessing, but accepted because many files still have it.
 */
final class Sha1Hash extends DigestHash {
  static final String PREFIX = "{SHA}";

  private Sha1Hash(byte[] digest) {
    super("SHA-1", digest);
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
  DigestHash withDigest(byte[] digest) {
    return new Sha1Hash(digest);
  }

  @Override
  public String costClass() {
    return "{SHA}";
  }
}
