package io.github.httpswrapper.cert.internal.acme;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try renewing again after a failed attempt, while a stored certificate is still being served.
 *
 * <p>The first retry waits one minute, each further failure doubles the wait, up to six hours: a CA that is down
 * for a moment is asked again soon, one that stays down (or keeps refusing) is not hammered, and a certificate
 * renewed a third of its lifetime early still has weeks of retries before it expires. A success starts over.
 * Not thread-safe: its owner calls it under a lock.
 */
final class RenewalBackoff {
  static final Duration FIRST = Duration.ofMinutes(1);
  static final Duration MAX = Duration.ofHours(6);

  private Duration nextWait = FIRST;
  private Instant notBefore = Instant.MIN;

  /** Whether an attempt may be made at {@code now}. */
  boolean mayTry(Instant now) {
    return !now.isBefore(notBefore);
  }

  /** The earliest time of the next attempt (meaningful after a failure). */
  Instant nextAttempt() {
    return notBefore;
  }

  /** Records a failure at {@code now}; returns how long until the next attempt. */
  Duration failed(Instant now) {
    Duration wait = nextWait;
    notBefore = now.plus(wait);
    nextWait = wait.multipliedBy(2).compareTo(MAX) > 0 ? MAX : wait.multipliedBy(2);
    return wait;
  }

  /** Records a success: the next failure waits {@link #FIRST} again. */
  void succeeded() {
    nextWait = FIRST;
    notBefore = Instant.MIN;
  }
}
