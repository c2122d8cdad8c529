package io.github.httpswrapper.internal.relay;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections past their deadline: the handshake deadline first, then the idle deadline that every
 * byte moved pushes out. One timer for all connections instead of a socket timeout per blocked read, so a
 * connection streaming in one direction is not cut because the other direction is quiet.
 */
final class IdleReaper implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IdleReaper.class);
  private final ScheduledExecutorService timer;

  IdleReaper(String name, Set<RelayConnection> connections, long periodMillis) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, name + "-reaper");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> sweep(connections), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  private static void sweep(Set<RelayConnection> connections) {
    long now = System.nanoTime();
    for (RelayConnection connection : connections) {
      if (connection.isClosed()) {
        continue;
      }
      if (connection.expired(now)) {
        log.debug("{} closing connection from {}: deadline passed", connection.name(), connection.peer());
        connection.abort();
      } else {
        connection.checkTarget(now);
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
