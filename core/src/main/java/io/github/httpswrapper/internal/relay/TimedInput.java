package io.github.httpswrapper.internal.relay;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input with a deadline that its owner changes as the HTTP exchange moves on: a fixed point in time
 * (a request head must be complete by then), a gap allowed per read (a body must keep flowing), or none (the
 * waits every request has, for the next request and for the target's answer, are the connection timer's: see
 * {@link RelayConnection#watchTarget}).
 *
 * <p>The deadline is enforced with the socket's read timeout, set before each read, so the thread that waits is
 * the one that learns of the timeout and can still answer ({@code 408}, {@code 504}) on a socket that is open:
 * JSSE keeps a TLS socket usable after a read timed out. No thread or timer per connection is needed.
 */
final class TimedInput extends InputStream {
  /** @param nanos the deadline ({@link System#nanoTime()}), or for a gap the longest wait of one read */
  private record Expectation(String reason, boolean gap, long nanos) {}

  private final Socket socket;
  private final InputStream in;
  private final byte[] one = new byte[1];
  private volatile Expectation expectation;
  private int timeoutMillis = -1;

  TimedInput(Socket socket, InputStream in) {
    this.socket = socket;
    this.in = in;
  }

  /** Every read from now on must end by {@code deadlineNanos} (a {@link System#nanoTime()} value). */
  void within(String reason, long deadlineNanos) {
    expectation = new Expectation(reason, false, deadlineNanos);
  }

  /** Each read may wait at most {@code gapNanos}. */
  void gaps(String reason, long gapNanos) {
    expectation = new Expectation(reason, true, gapNanos);
  }

  /** Reads wait as long as it takes (the connection's idle timer still applies). */
  void untimed() {
    expectation = null;
  }

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Expectation e = expectation;
    if (e == null) {
      timeout(0);
      return in.read(b, off, len);
    }
    long deadline = e.gap() ? System.nanoTime() + e.nanos() : e.nanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new RelayTimeout(e.reason());
      }
      // Rounded up, so that when the socket times out the deadline has passed.
      timeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, (left + 999_999) / 1_000_000)));
      try {
        return in.read(b, off, len);
      } catch (SocketTimeoutException timedOut) {
        // The socket's timeout is in whole milliseconds: look at the clock again.
      }
    }
  }

  @Override
  public int available() throws IOException {
    return in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void timeout(int millis) throws IOException {
    if (millis != timeoutMillis) {
      socket.setSoTimeout(millis);
      timeoutMillis = millis;
    }
  }
}
