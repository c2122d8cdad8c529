package io.github.httpswrapper.internal.auth;

import java.nio.charset.StandardCharsets;

/**
 * A password stored as is, accepted only after an explicit opt-in. Only its SHA-256 is kept, and comparing
 * digests of equal length keeps the time independent of the password's length and content.
 */
final class PlaintextPassword extends DigestHash {
  private PlaintextPassword(byte[] digest) {
    super("SHA-256", digest);
  }

  static PlaintextPassword of(String password) {
    return new PlaintextPassword(digest("SHA-256", password.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  DigestHash withDigest(byte[] digest) {
    return new PlaintextPassword(digest);
  }

  @Override
  public String costClass() {
    return "plaintext";
  }
}
