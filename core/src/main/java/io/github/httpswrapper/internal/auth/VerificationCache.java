package io.github.httpswrapper.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers recent successful logins so that a browser, which sends its password with every request, costs one
 * bcrypt check per few minutes rather than one per request.
 *
 * <p>Neither the password nor a plain hash of it is kept: an entry holds the HMAC-SHA256 of user and password
 * under a random key that lives only in this object, so a memory dump gives nothing to guess against offline.
 * Only successes are cached; an entry lives for a fixed time from the check that made it, is dropped when the
 * user's hash changes, and the oldest entries go first when the cache is full. A user has at most one entry,
 * since only one password is right.
 */
final class VerificationCache {
  private final byte[] key = new byte[32];
  private final long lifetimeNanos;
  private final int maxEntries;
  private final LongSupplier nanos;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  private record Entry(byte[] mac, PasswordHash hash, long expires) {}

  VerificationCache(Duration lifetime, int maxEntries, LongSupplier nanos) {
    new SecureRandom().nextBytes(key);
    this.lifetimeNanos = lifetime.toNanos();
    this.maxEntries = maxEntries;
    this.nanos = nanos;
  }

  /** The HMAC that identifies {@code user} with {@code password} in this cache. */
  byte[] mac(String user, byte[] password) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] name = user.getBytes(StandardCharsets.UTF_8);
      // The length prefix keeps ("ab", "c") and ("a", "bc") apart.
      hmac.update(new byte[] {(byte) (name.length >>> 24), (byte) (name.length >>> 16),
          (byte) (name.length >>> 8), (byte) name.length});
      hmac.update(name);
      hmac.update(password);
      return hmac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no HmacSHA256", e);
    }
  }

  /** Whether {@code user} logged in recently with the password behind {@code mac}, against this same hash. */
  synchronized boolean contains(String user, PasswordHash hash, byte[] mac) {
    Entry entry = entries.get(user);
    if (entry == null) {
      return false;
    }
    if (nanos.getAsLong() - entry.expires() >= 0 || !entry.hash().equals(hash)) {
      entries.remove(user);
      return false;
    }
    return MessageDigest.isEqual(entry.mac(), mac);
  }

  synchronized void remember(String user, PasswordHash hash, byte[] mac) {
    long now = nanos.getAsLong();
    entries.remove(user);
    entries.put(user, new Entry(mac, hash, now + lifetimeNanos));
    // Entries are in the order they were made, so the expired ones are at the front.
    Iterator<Entry> oldest = entries.values().iterator();
    while (oldest.hasNext()) {
      Entry entry = oldest.next();
      if (entries.size() > maxEntries || now - entry.expires() >= 0) {
        oldest.remove();
      } else {
        break;
      }
    }
  }

  /** Drops the entries of users who are gone from {@code table} or whose hash changed. */
  synchronized void retainCurrent(UserTable table) {
    entries.entrySet().removeIf(e -> !e.getValue().hash().equals(table.hashOf(e.getKey())));
  }

  synchronized int size() {
    return entries.size();
  }

  /** Test view: whether a (possibly expired) entry for {@code user} is held. */
  synchronized boolean holds(String user) {
    return entries.containsKey(user);
  }
}
