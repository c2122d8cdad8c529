package io.github.httpswrapper.internal.auth;

import io.github.httpswrapper.Users;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks user name and password for the relay. Thread-safe.
 *
 * <p>Timing: checking a password takes as long whether the user exists or not (an unknown name is checked
 * against a decoy hash of the same format and cost), and hashes are compared in constant time. A recent
 * success is remembered for 5 minutes (see {@link VerificationCache}), so only the first request of a browser
 * pays for bcrypt.
 */
public final class UserStore {
  private static final Logger LOG = LoggerFactory.getLogger(UserStore.class);

  private final Supplier<UserTable> tables;
  private final VerificationCache cache;
  private final LongAdder hashChecks = new LongAdder();
  private volatile UserTable cacheMatches;

  /** Tuning, fixed for the wrapper; tests shorten the times and count the log lines. */
  record Settings(
      Duration cacheLifetime,
      int cacheSize,
      Duration reloadCheckInterval,
      LongSupplier nanos,
      Consumer<String> errorLog) {
    static final Duration DEFAULT_CACHE_LIFETIME = Duration.ofMinutes(5);
    static final Settings DEFAULTS =
        new Settings(DEFAULT_CACHE_LIFETIME, 10_000, Duration.ofSeconds(1), System::nanoTime, LOG::error);
  }

  private UserStore(Supplier<UserTable> tables, VerificationCache cache) {
    this.tables = tables;
    this.cache = cache;
    this.cacheMatches = tables.get();
  }

  /**
   * A store serving {@code source}, with the default cache (5 minutes, 10,000 entries) and, for a file, a
   * check for changes at most once a second.
   *
   * @param plaintextAllowed whether a rewritten file may have plaintext passwords (the caller checks the
   *     users read first, with {@link UserSource#plaintextRefusal()})
   */
  public static UserStore create(UserSource source, boolean plaintextAllowed) {
    return create(source, plaintextAllowed, Settings.DEFAULTS);
  }

  /**
   * The store behind {@code users}: one per {@code Users} value, shared by every wrapper that uses it.
   *
   * @throws IllegalArgumentException when {@code users} come from an htpasswd file with plaintext passwords and
   *     {@code allowPlaintext()} was not called; the message names the file, line and user
   */
  public static UserStore of(Users users) {
    return UsersAccess.storeOf(users);
  }

  static UserStore create(UserSource source, boolean plaintextAllowed, Settings settings) {
    Supplier<UserTable> tables;
    if (source.file() == null) {
      UserTable fixed = source.loaded().table();
      tables = () -> fixed;
    } else {
      tables = new HtpasswdWatch(
          source.file(),
          source.loaded(),
          plaintextAllowed,
          settings.reloadCheckInterval().toNanos(),
          settings.nanos(),
          settings.errorLog());
    }
    return new UserStore(
        tables, new VerificationCache(settings.cacheLifetime(), settings.cacheSize(), settings.nanos()));
  }

  /**
   * Whether {@code password} is {@code user}'s. The password array is read, not kept and not cleared: the
   * caller clears it.
   */
  public boolean verify(String user, char[] password) {
    UserTable table = tables.get();
    if (table != cacheMatches) {
      cache.retainCurrent(table);
      cacheMatches = table;
    }
    byte[] encoded = Passwords.utf8(password);
    boolean encodable = encoded != null;
    if (!encodable) {
      encoded = new byte[0];
    }
    try {
      byte[] mac = cache.mac(user, encoded);
      PasswordHash hash = table.hashOf(user);
      if (hash != null && encodable && cache.contains(user, hash, mac)) {
        return true;
      }
      hashChecks.increment();
      boolean known = hash != null && encodable;
      boolean matches = (known ? hash : table.decoy()).matches(encoded);
      if (known && matches) {
        cache.remember(user, hash, mac);
        return true;
      }
      return false;
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /** How many times a hash was computed (cache misses); tests use it to see the cache work. */
  long hashChecks() {
    return hashChecks.sum();
  }

  VerificationCache cache() {
    return cache;
  }
}
