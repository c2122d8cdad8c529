package io.github.httpswrapper.it;

import io.github.httpswrapper.HttpsWrapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What a wrapper running in this JVM holds: its open connections (by its own metrics), open sockets (counted in {@code /proc/self/fd}, so Linux only),
 * relay threads busy with a connection (platform threads only: virtual threads are not listed, and the sockets
 * already count their connections), and heap used after a garbage collection. A test takes a baseline before
 * the load and {@link #awaitBackTo} afterwards: what a fault or a load left behind is a leak.
 */
record Resources(long connectionsOpen, int sockets, int busyRelayThreads, long heapBytes) {
  private static final Path FDS = Path.of("/proc/self/fd");

  /** Sockets and threads are exact; heap is noisy, so it only has to come back within this much. */
  static final long HEAP_TOLERANCE = 48L * 1024 * 1024;

  /** Counts now. */
  static Resources take(HttpsWrapper wrapper) {
    Assumptions.assumeTrue(Files.isDirectory(FDS), "open sockets are counted in /proc/self/fd (Linux)");
    return new Resources(
        wrapper.metrics().connectionsOpen(), openSockets(), busyRelayThreads(wrapper.name()), usedHeapAfterGc());
  }

  /**
   * Waits up to {@code timeout} for open connections, sockets and busy threads to come back to {@code baseline} (plus {@code
   * extraSockets}, for sockets the test still holds on purpose) and heap to within {@link #HEAP_TOLERANCE};
   * throws an {@link AssertionError} with both counts when they do not.
   */
  static Resources awaitBackTo(Resources baseline, HttpsWrapper wrapper, int extraSockets, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      System.gc(); // also ends what unreachable clients still hold (an HttpClient's pool before Java 21)
      Resources now =
          new Resources(wrapper.metrics().connectionsOpen(), openSockets(), busyRelayThreads(wrapper.name()), 0);
      boolean settled =
          now.connectionsOpen <= baseline.connectionsOpen
              && now.sockets <= baseline.sockets + extraSockets
              && now.busyRelayThreads <= baseline.busyRelayThreads;
      if (settled) {
        now = new Resources(now.connectionsOpen, now.sockets, now.busyRelayThreads, usedHeapAfterGc());
        if (now.heapBytes <= baseline.heapBytes + HEAP_TOLERANCE) {
          return now;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "resources did not come back within " + timeout + ": baseline " + baseline + ", now "
                + new Resources(now.connectionsOpen, now.sockets, now.busyRelayThreads, usedHeapAfterGc())
                + " (extra sockets allowed: " + extraSockets + ")");
      }
      Thread.sleep(100);
    }
  }

  /**
   * Ends a client's pooled connections: {@code close()} from Java 21; before that, an {@link HttpClient}'s
   * connections end when it is collected, which {@link #awaitBackTo} brings about once nothing refers to it.
   */
  static void close(HttpClient client) {
    if (client instanceof AutoCloseable) {
      try {
        ((AutoCloseable) client).close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static int openSockets() {
    try (Stream<Path> fds = Files.list(FDS)) {
      return (int) fds.filter(Resources::isSocket).count();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + FDS, e);
    }
  }

  private static boolean isSocket(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString().startsWith("socket:");
    } catch (IOException e) {
      return false; // closed between listing and reading
    }
  }

  /** Relay platform threads (named {@code <wrapper name>-<n>}) not parked in the pool waiting for work. */
  static int busyRelayThreads(String wrapperName) {
    int busy = 0;
    for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
      String name = thread.getKey().getName();
      if (name.startsWith(wrapperName + "-")
          && name.substring(wrapperName.length() + 1).chars().allMatch(Character::isDigit)
          && Arrays.stream(thread.getValue()).noneMatch(f -> f.getMethodName().equals("getTask"))
          && thread.getKey().getState() != Thread.State.TERMINATED) {
        busy++;
      }
    }
    return busy;
  }

  static long usedHeapAfterGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public String toString() {
    return connectionsOpen + " connections open, " + sockets + " sockets, " + busyRelayThreads + " busy relay threads, " + heapBytes / (1024 * 1024)
        + " MiB heap";
  }
}
