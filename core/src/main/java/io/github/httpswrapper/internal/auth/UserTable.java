package io.github.httpswrapper.internal.auth;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** One immutable snapshot of users and their hashes, with the decoy checked for unknown names. */
final class UserTable {
  private final Map<String, PasswordHash> hashes;
  private final PasswordHash decoy;
  private final String plaintextRefusal;

  /**
   * @param plaintextRefusal why the table cannot be used unless plaintext passwords are allowed, naming the
   *     first user with one; {@code null} when there is none
   */
  UserTable(Map<String, PasswordHash> hashes, String plaintextRefusal) {
    this.hashes = Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
    this.decoy = mostCommon(hashes).decoy();
    this.plaintextRefusal = plaintextRefusal;
  }

  /** The user's hash, or {@code null} for an unknown user. */
  PasswordHash hashOf(String user) {
    return hashes.get(user);
  }

  /** A hash of the most common format and cost in this table, for a password nobody knows. */
  PasswordHash decoy() {
    return decoy;
  }

  String plaintextRefusal() {
    return plaintextRefusal;
  }

  Set<String> names() {
    return hashes.keySet();
  }

  int size() {
    return hashes.size();
  }

  private static PasswordHash mostCommon(Map<String, PasswordHash> hashes) {
    Map<String, Integer> counts = new HashMap<>();
    PasswordHash best = null;
    int bestCount = 0;
    for (PasswordHash hash : hashes.values()) {
      int count = counts.merge(hash.costClass(), 1, Integer::sum);
      if (count > bestCount) {
        best = hash;
        bestCount = count;
      }
    }
    return best != null ? best : DefaultDecoy.BCRYPT;
  }

  /** For a table without users: every name is unknown, so any cost hides nothing; bcrypt is the default. */
  private static final class DefaultDecoy {
    static final PasswordHash BCRYPT;

    static {
      try {
        String saltAndDigest = "abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234";
        BCRYPT = Bcrypt.parse("$2y$" + Passwords.NEW_HASH_COST + "$" + saltAndDigest);
      } catch (RefusedHashException e) {
        throw new AssertionError(e);
      }
    }
  }
}
