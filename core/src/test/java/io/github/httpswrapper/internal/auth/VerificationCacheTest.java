package io.github.httpswrapper.internal.auth;

import static io.github.httpswrapper.internal.auth.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VerificationCacheTest {
  private final Fixtures.FakeNanos clock = new Fixtures.FakeNanos();
  private final PasswordHash hash = Fixtures.hash(Fixtures.DAVE_SHA);

  private VerificationCache cache(int size) {
    return new VerificationCache(Duration.ofMinutes(5), size, clock);
  }

  @Test
  void keyDependsOnUserAndPassword() {
    VerificationCache cache = cache(10);
    byte[] mac = cache.mac("alice", utf8("pw"));
    assertArrayEquals(mac, cache.mac("alice", utf8("pw")));
    assertFalse(Arrays.equals(mac, cache.mac("alice", utf8("pw2"))));
    assertFalse(Arrays.equals(mac, cache.mac("bob", utf8("pw"))));
    assertFalse(Arrays.equals(cache.mac("ab", utf8("c")), cache.mac("a", utf8("bc"))));
  }

  @Test
  void keyIsNotThePasswordOrItsPlainHash() {
    byte[] mac = cache(10).mac("alice", utf8("pw"));
    assertEquals(32, mac.length);
    assertFalse(Arrays.equals(mac, cache(10).mac("alice", utf8("pw"))), "each cache has its own random key");
  }

  @Test
  void rememberedSuccessIsFoundForTheSameHashOnly() {
    VerificationCache cache = cache(10);
    byte[] mac = cache.mac("dave", utf8(Fixtures.DAVE_PASSWORD));
    cache.remember("dave", hash, mac);
    assertTrue(cache.contains("dave", hash, mac));
    assertFalse(cache.contains("dave", hash, cache.mac("dave", utf8("other"))));
    assertFalse(cache.contains("dave", Fixtures.hash(Fixtures.CAROL_APR1), mac));
  }

  @Test
  void oldestEntryGoesWhenFull() {
    VerificationCache cache = cache(2);
    cache.remember("a", hash, cache.mac("a", utf8("x")));
    cache.remember("b", hash, cache.mac("b", utf8("x")));
    cache.remember("c", hash, cache.mac("c", utf8("x")));
    assertEquals(2, cache.size());
    assertFalse(cache.holds("a"));
    assertTrue(cache.holds("c"));
  }

  @Test
  void expiredEntriesAreDroppedWhenSomethingNewIsRemembered() {
    VerificationCache cache = cache(10);
    cache.remember("a", hash, cache.mac("a", utf8("x")));
    clock.advance(Duration.ofMinutes(5));
    cache.remember("b", hash, cache.mac("b", utf8("x")));
    assertFalse(cache.holds("a"));
    assertEquals(1, cache.size());
  }

  @Test
  void userHasOneEntry() {
    VerificationCache cache = cache(10);
    cache.remember("a", hash, cache.mac("a", utf8("x")));
    cache.remember("a", hash, cache.mac("a", utf8("x")));
    assertEquals(1, cache.size());
  }
}
