package io.github.httpswrapper.internal.relay;

import static io.github.httpswrapper.internal.Closeables.closeQuietly;

import io.github.httpswrapper.internal.http.HttpInput;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The connection to the target behind one client connection: opened on the first allowed request, kept for
 * the next ones while both sides keep it alive, opened again after the target closed it.
 */
final class TargetLink implements Closeable {
  private final RelayConnection connection;
  private Socket socket;
  private HttpInput in;
  private TimedInput timing;
  private OutputStream out;
  private boolean reused;

  TargetLink(RelayConnection connection) {
    this.connection = connection;
  }

  /** Opens the connection unless one is open already. */
  void ensureOpen() throws TargetUnavailableException, IOException {
    if (socket != null && !socket.isClosed()) {
      reused = true;
      return;
    }
    socket = connection.dialTarget();
    timing = new TimedInput(socket, socket.getInputStream());
    in = new HttpInput(timing);
    out = new LendingOutputStream(new TouchingOutputStream(socket.getOutputStream(), connection));
    reused = false;
  }

  /** Whether the open connection already carried an earlier request (so the target may have closed it). */
  boolean reused() {
    return reused;
  }

  HttpInput in() {
    return in;
  }

  /** The deadline of reads from the target. */
  TimedInput timing() {
    return timing;
  }

  OutputStream out() {
    return out;
  }

  Socket socket() {
    return socket;
  }

  /** Closes the connection; the next request opens a new one. */
  @Override
  public void close() {
    if (socket != null) {
      closeQuietly(socket);
      socket = null;
    }
  }
}
