package io.github.httpswrapper.cert.internal.acme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.shredzone.acme4j.PollableResource;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeException;

/**
 * Waits for an ACME resource (an authorization, an order) to reach one of the wanted states.
 *
 * <p>The CA validates and issues in the background; the client asks again until it is done. When the CA says when
 * to ask again ({@code Retry-After}), that is when; otherwise the first look comes after 100 ms and each further
 * one waits twice as long, up to 3 s, so a quick CA answers quickly and a slow one is not flooded. The wait is
 * bounded: after the deadline the last state seen is returned.
 */
final class Polling {
  static final Duration FIRST_WAIT = Duration.ofMillis(100);
  static final Duration LONGEST_WAIT = Duration.ofSeconds(3);

  private Polling() {}

  /** The first of {@code wanted} states reached by the deadline, or the last state seen after it. */
  static Status await(PollableResource resource, Set<Status> wanted, Instant deadline, Clock clock)
      throws AcmeException, InterruptedException {
    Duration wait = FIRST_WAIT;
    while (true) {
      Optional<Instant> retryAfter = resource.fetch();
      Status status = resource.getStatus();
      Instant now = clock.instant();
      if (wanted.contains(status) || !now.isBefore(deadline)) {
        return status;
      }
      Duration pause = retryAfter.map(at -> Duration.between(now, at)).filter(d -> !d.isNegative()).orElse(wait);
      Duration left = Duration.between(now, deadline);
      Thread.sleep(Math.max(1, (pause.compareTo(left) < 0 ? pause : left).toMillis()));
      wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
    }
  }
}
