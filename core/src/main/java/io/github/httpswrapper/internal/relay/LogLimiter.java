package io.github.httpswrapper.internal.relay;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a flood of refused connections or wrapper answers from flooding the log: at most {@link
 * #LINES_PER_SECOND} lines per kind and second; the rest are counted and reported as one "N similar lines
 * suppressed" line when the next line of that kind is allowed (or when the wrapper stops).
 */
final class LogLimiter {
  static final int LINES_PER_SECOND = 10;
  private static final Logger log = LoggerFactory.getLogger(LogLimiter.class);
  private static final long SECOND = 1_000_000_000L;

  private final String name;
  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    long start;
    int lines;
    long suppressed;
  }

  LogLimiter(String name) {
    this.name = name;
  }

  /** Whether a line of this kind may be written now; {@code false} means it is counted instead. */
  boolean allow(String kind) {
    Window w = windows.computeIfAbsent(kind, k -> new Window());
    long suppressed;
    synchronized (w) {
      long now = System.nanoTime();
      if (w.lines > 0 && now - w.start < SECOND) {
        if (w.lines >= LINES_PER_SECOND) {
          w.suppressed++;
          return false;
        }
        w.lines++;
        return true;
      }
      w.start = now;
      w.lines = 1;
      suppressed = w.suppressed;
      w.suppressed = 0;
    }
    report(kind, suppressed);
    return true;
  }

  /** Reports what is still counted; called when the wrapper stops. */
  void flush() {
    windows.forEach(
        (kind, w) -> {
          long suppressed;
          synchronized (w) {
            suppressed = w.suppressed;
            w.suppressed = 0;
          }
          report(kind, suppressed);
        });
  }

  private void report(String kind, long suppressed) {
    if (suppressed > 0) {
      log.warn("{} {} similar lines ({}) suppressed: more than {} a second", name, suppressed, kind,
          LINES_PER_SECOND);
    }
  }
}
