package io.github.httpswrapper.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final Fixtures.FakeNanos clock = new Fixtures.FakeNanos();
  private final List<String> warnings = new ArrayList<>();
  private final LoginThrottle throttle =
      LoginThrottle.of(5, Duration.ofMinutes(15), 1000, clock, warnings::add);

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private void fail(String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(ip(address));
    }
  }

  @Test
  void firstFiveFailuresAreFree() {
    fail("203.0.113.7", 5);
    assertEquals(0, throttle.retryAfterSeconds(ip("203.0.113.7")));
  }

  @Test
  void sixthFailureBlocksForOneSecond() {
    fail("203.0.113.7", 6);
    assertEquals(1, throttle.retryAfterSeconds(ip("203.0.113.7")));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(0, throttle.retryAfterSeconds(ip("203.0.113.7")));
  }

  @Test
  void eachFurtherFailureDoublesTheBlock() {
    fail("203.0.113.7", 5);
    List<Long> blocks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      fail("203.0.113.7", 1);
      long wait = throttle.retryAfterSeconds(ip("203.0.113.7"));
      blocks.add(wait);
      clock.advance(Duration.ofSeconds(wait));
    }
    assertEquals(List.of(1L, 2L, 4L, 8L, 16L), blocks);
  }

  @Test
  void blockIsCappedAtTheMaximum() {
    fail("203.0.113.7", 5 + 40);
    assertEquals(15 * 60, throttle.retryAfterSeconds(ip("203.0.113.7")));
  }

  @Test
  void retryAfterRoundsUp() {
    fail("203.0.113.7", 7);
    clock.advance(Duration.ofMillis(1));
    assertEquals(2, throttle.retryAfterSeconds(ip("203.0.113.7")));
  }

  @Test
  void successClearsTheRecord() {
    fail("203.0.113.7", 5);
    throttle.succeeded(ip("203.0.113.7"));
    fail("203.0.113.7", 5);
    assertEquals(0, throttle.retryAfterSeconds(ip("203.0.113.7")));
  }

  @Test
  void otherAddressesAreNotAffected() {
    fail("203.0.113.7", 6);
    assertEquals(0, throttle.retryAfterSeconds(ip("203.0.113.8")));
  }

  @Test
  void ipv6AddressesInOneSlash64ShareARecord() {
    fail("2001:db8:1:2::1", 3);
    fail("2001:db8:1:2:ffff:ffff:ffff:ffff", 3);
    assertEquals(1, throttle.retryAfterSeconds(ip("2001:db8:1:2::abcd")));
    assertEquals(0, throttle.retryAfterSeconds(ip("2001:db8:1:3::1")));
  }

  @Test
  void recordIsForgottenAfterTheMaximumBlockWithoutFailures() {
    fail("203.0.113.7", 5);
    clock.advance(Duration.ofMinutes(15));
    fail("203.0.113.7", 1);
    assertEquals(0, throttle.retryAfterSeconds(ip("203.0.113.7")));
    assertEquals(1, throttle.size());
  }

  @Test
  void recordIsKeptWhileFailuresGoOnWithinTheMaximumBlock() {
    fail("203.0.113.7", 5);
    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    fail("203.0.113.7", 1);
    assertEquals(1, throttle.retryAfterSeconds(ip("203.0.113.7")));
  }

  @Test
  void memoryIsBoundedByForgettingTheLeastRecentlyFailing() {
    LoginThrottle small = LoginThrottle.of(0, Duration.ofMinutes(15), 3, clock, warnings::add);
    for (String address : new String[] {"192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"}) {
      small.failed(ip(address));
    }
    assertEquals(3, small.size());
    assertEquals(0, small.retryAfterSeconds(ip("192.0.2.1")));
    assertEquals(1, small.retryAfterSeconds(ip("192.0.2.4")));
  }

  @Test
  void becomingBlockedIsLoggedOncePerBlockNotPerFailure() {
    fail("2001:db8:1:2::1", 8);
    assertEquals(List.of("blocking logins from 2001:db8:1:2::/64 for 1 s after 6 failed logins"), warnings);
    clock.advance(Duration.ofSeconds(4));
    fail("2001:db8:1:2::1", 1);
    assertEquals("blocking logins from 2001:db8:1:2::/64 for 8 s after 9 failed logins", warnings.get(1));
    assertEquals(2, warnings.size());
  }

  @Test
  void failureDuringABlockExtendsIt() {
    fail("203.0.113.7", 6);
    fail("203.0.113.7", 1);
    assertEquals(2, throttle.retryAfterSeconds(ip("203.0.113.7")));
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> LoginThrottle.of(5, Duration.ofMillis(1), 10, clock, s -> {}));
  }
}
