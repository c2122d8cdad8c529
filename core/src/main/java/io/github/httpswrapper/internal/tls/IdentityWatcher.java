package io.github.httpswrapper.internal.tls;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that polls a wrapper's certificate sources: every reload interval, or hourly when file
 * watching is off (generated certificates must still be renewed in time).
 */
final class IdentityWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IdentityWatcher.class);
  static final Duration RENEWAL_CHECK = Duration.ofHours(1);

  private final ScheduledExecutorService timer;

  private IdentityWatcher(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  static IdentityWatcher start(ServerIdentities identities, Duration reloadInterval, String logName) {
    boolean watchFiles = !reloadInterval.isZero();
    long periodMillis = (watchFiles ? reloadInterval : RENEWAL_CHECK).toMillis();
    Clock clock = Clock.systemUTC();
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, logName + "-certificates");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          // An exception escaping here would silently cancel every later poll.
          try {
            identities.poll(clock.instant(), watchFiles);
          } catch (RuntimeException e) {
            log.error("{} certificate check failed", logName, e);
          }
        },
        periodMillis,
        periodMillis,
        TimeUnit.MILLISECONDS);
    return new IdentityWatcher(timer);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
