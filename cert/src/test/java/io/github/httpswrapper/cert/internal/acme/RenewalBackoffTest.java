package io.github.httpswrapper.cert.internal.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After a failed renewal: one minute, doubling, at most six hours; a success starts over. */
class RenewalBackoffTest {
  private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void waitsOneMinuteThenDoublesUpToSixHours() {
    RenewalBackoff backoff = new RenewalBackoff();
    List<Long> minutes = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      minutes.add(backoff.failed(T0).toMinutes());
    }
    assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 360L, 360L), minutes);
  }

  @Test
  void mayTryOnlyOnceTheWaitIsOver() {
    RenewalBackoff backoff = new RenewalBackoff();
    assertTrue(backoff.mayTry(T0));

    backoff.failed(T0);

    assertFalse(backoff.mayTry(T0.plusSeconds(59)));
    assertTrue(backoff.mayTry(T0.plusSeconds(60)));
  }

  @Test
  void aSuccessStartsOverAtOneMinute() {
    RenewalBackoff backoff = new RenewalBackoff();
    backoff.failed(T0);
    backoff.failed(T0);

    backoff.succeeded();

    assertTrue(backoff.mayTry(T0));
    assertEquals(Duration.ofMinutes(1), backoff.failed(T0));
  }
}
