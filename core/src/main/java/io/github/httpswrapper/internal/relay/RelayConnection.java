package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.internal.metrics.CountingStreams;
import io.github.httpswrapper.internal.metrics.Metrics;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLSocket;

/**
 * One client connection after its handshake, as a {@link ConnectionHandler} sees it: the client's streams, a
 * way to reach the target, a way to run a second task (the other direction of a relay), and the activity clock
 * that the idle timeout reads.
 */
public final class RelayConnection implements Closeable {
  private final Socket raw;
  private final InetSocketAddress peer;
  private final String name;
  private final Executor executor;
  private final TargetDialer dialer;
  private volatile InetSocketAddress source;
  private volatile SSLSocket client;
  private volatile Socket target;
  private volatile long deadlineNanos;
  private volatile long idleNanos;
  private volatile boolean closed;
  /** Counts nothing anyone reads, until {@link #countInto} names the wrapper's counters. */
  private static final Metrics UNCOUNTED = new Metrics(java.util.List.of());
  private Metrics metrics = UNCOUNTED;

  /**
   * @param handshakeNanos time from now until the handshake must be complete; the deadline starts at accept,
   *     before the connection's thread runs, so the idle timer never sees a connection without one
   */
  RelayConnection(
      Socket raw, String name, Executor executor, TargetDialer dialer, long handshakeNanos) {
    this.deadlineNanos = System.nanoTime() + handshakeNanos;
    this.raw = raw;
    this.peer = (InetSocketAddress) raw.getRemoteSocketAddress();
    this.source = peer;
    this.name = name;
    this.executor = executor;
    this.dialer = dialer;
  }

  /** The TCP peer's address. */
  public InetSocketAddress peer() {
    return peer;
  }

  /**
   * Where the connection comes from: the TCP peer, or the source a trusted proxy named in a PROXY protocol
   * header.
   */
  public InetSocketAddress source() {
    return source;
  }

  void source(InetSocketAddress source) {
    this.source = source;
  }

  /** The port this connection reached. */
  public int localPort() {
    return raw.getLocalPort();
  }

  /** The TLS socket to the client. */
  public SSLSocket client() {
    return client;
  }

  /** The client's decrypted input, counted. */
  public InputStream clientIn() throws IOException {
    return CountingStreams.fromClient(client.getInputStream(), metrics);
  }

  /** Output to the client, encrypted, counted. */
  public OutputStream clientOut() throws IOException {
    return CountingStreams.toClient(client.getOutputStream(), metrics);
  }

  /** The wrapper's counters. */
  public Metrics metrics() {
    return metrics;
  }

  /** Counts this connection into {@code metrics}; called once, before the connection's thread starts. */
  void countInto(Metrics metrics) {
    this.metrics = metrics;
  }

  /**
   * Connects to the target; the socket is closed with this connection.
   *
   * @throws TargetUnavailableException with the status the client should get
   */
  public Socket dialTarget() throws TargetUnavailableException {
    Socket socket = dialer.dial();
    target = socket;
    if (closed) {
      closeQuietly(socket);
    }
    return socket;
  }

  /** {@code host:port} of the target, for messages. */
  public String targetName() {
    return dialer.target();
  }

  /** Runs {@code task} on another worker thread (e.g. the second direction of a relay). */
  public void spawn(Runnable task) {
    executor.execute(task);
  }

  /** Records that bytes moved, pushing the idle deadline out. Cheap enough to call per read. */
  public void touch() {
    deadlineNanos = System.nanoTime() + idleNanos;
  }

  /** The wrapper's name, for log lines. */
  public String name() {
    return name;
  }

  /**
   * Ends the client connection after a final answer was written: reads and discards what the client had
   * already sent (up to 64 KiB or one second), so that closing does not turn into a TCP reset that could
   * destroy the answer before the client has read it. The connection is closed afterwards by its owner.
   */
  public void drainBeforeClose() {
    SSLSocket c = client;
    if (c == null || c.isClosed()) {
      return;
    }
    try {
      // Tell the client first that nothing more is coming (TLS close_notify), so it stops waiting.
      c.getOutputStream().flush();
      c.shutdownOutput();
      c.setSoTimeout(1000);
      InputStream in = c.getInputStream();
      byte[] sink = new byte[4096];
      int drained = 0;
      int n;
      while (drained < 64 * 1024 && (n = in.read(sink)) >= 0) {
        drained += n;
      }
    } catch (IOException e) {
      // timed out or reset: either way the client has had its chance to read the answer
    }
  }

  /** Closes the client and target sockets; any thread blocked on them wakes with an exception. */
  @Override
  public void close() {
    closed = true;
    Socket c = client;
    if (c != null) {
      closeQuietly(c);
    }
    closeQuietly(raw);
    Socket t = target;
    if (t != null) {
      closeQuietly(t);
    }
  }

  boolean isClosed() {
    return closed;
  }

  Socket raw() {
    return raw;
  }

  void established(SSLSocket ssl, long idleTimeoutNanos) {
    this.client = ssl;
    this.idleNanos = idleTimeoutNanos;
    touch();
  }

  /** Whether the current deadline (handshake, then idle) has passed at {@code now}. */
  boolean expired(long now) {
    return now - deadlineNanos > 0;
  }

  static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is best effort: the peer may already be gone
    }
  }
}
