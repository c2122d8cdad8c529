package io.github.httpswrapper.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** A bcrypt hash, {@code $2y$}, {@code $2b$} or {@code $2a$}: what {@code htpasswd -B} writes. */
final class Bcrypt implements PasswordHash {
  /** bcrypt reads only this many bytes of a password; Apache's htpasswd ignores the rest too. */
  static final int MAX_PASSWORD_BYTES = 72;
  /** The range {@code htpasswd -B -C} accepts; higher costs take seconds to minutes per check. */
  static final int MIN_COST = 4;
  static final int MAX_COST = 17;

  private static final Pattern SHAPE = Pattern.compile("\\$2[aby]\\$[0-9]{2}\\$[./A-Za-z0-9]{53}");
  private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String hash;
  private final int cost;

  private Bcrypt(String hash, int cost) {
    this.hash = hash;
    this.cost = cost;
  }

  static boolean looksLike(String text) {
    return text.startsWith("$2a$") || text.startsWith("$2b$") || text.startsWith("$2y$");
  }

  /** Parses a hash that {@link #looksLike} bcrypt; the reason it cannot be used, in a few words, otherwise. */
  static Bcrypt parse(String text) throws RefusedHashException {
    if (!SHAPE.matcher(text).matches()) {
      throw new RefusedHashException("malformed bcrypt");
    }
    int cost = Integer.parseInt(text.substring(4, 6));
    if (cost < MIN_COST || cost > MAX_COST) {
      throw new RefusedHashException("bcrypt cost " + cost + ", outside " + MIN_COST + " to " + MAX_COST);
    }
    return new Bcrypt(text, cost);
  }

  @Override
  public boolean matches(byte[] password) {
    byte[] used = password.length > MAX_PASSWORD_BYTES ? Arrays.copyOf(password, MAX_PASSWORD_BYTES) : password;
    try {
      byte[] computed = BCrypt.hashpw(used, hash).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(computed, hash.getBytes(StandardCharsets.US_ASCII));
    } finally {
      if (used != password) {
        Arrays.fill(used, (byte) 0);
      }
    }
  }

  @Override
  public PasswordHash decoy() {
    // Any salt and digest of the right shape will do: checking still runs all 2^cost rounds.
    StringBuilder text = new StringBuilder(hash.substring(0, 7));
    for (int i = 0; i < 53; i++) {
      text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return new Bcrypt(text.toString(), cost);
  }

  @Override
  public String costClass() {
    return "bcrypt cost " + cost;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bcrypt && ((Bcrypt) other).hash.equals(hash);
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
