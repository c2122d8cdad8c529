package io.github.httpswrapper.internal.auth;

/**
 * One stored password hash, parsed and checked for shape. Implementations compare in time that does not depend
 * on how much of the password was right.
 */
public interface PasswordHash {
  /** Whether {@code password} (UTF-8 bytes) is the one this hash was made from. */
  boolean matches(byte[] password);

  /**
   * A hash of the same format and cost for a password nobody knows. Checking a password of an unknown user
   * against it takes as long as checking a wrong password of a known user, so timing does not tell which user
   * names exist.
   */
  PasswordHash decoy();

  /** What costs the same to check, e.g. {@code bcrypt cost 10}: decoys are made for the most common one. */
  String costClass();
}
