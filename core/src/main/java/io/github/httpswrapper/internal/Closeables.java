package io.github.httpswrapper.internal;

/**
 * Closing sockets, listeners and the like when there is nothing left to do if closing fails.
 *
 * <p>Refusing a connection, giving up on a target that did not answer, undoing a half-done start, shutting
 * down: in all of these the thing is being thrown away, and a failure to close it says only that it was closed
 * already or that the peer has gone. Reporting it would bury the message that matters (why the connection was
 * refused, why the start failed), so it is dropped.
 */
public final class Closeables {
  private Closeables() {}

  /** Closes {@code closeable}, ignoring {@code null} and any exception it throws. */
  public static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // best effort: see the class comment
    }
  }
}
