package io.github.httpswrapper.internal.relay;

import static io.github.httpswrapper.internal.Closeables.closeQuietly;

import io.github.httpswrapper.internal.metrics.CountingStreams;
import io.github.httpswrapper.internal.metrics.Metrics;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
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
  private final long idleNanos;
  private final long waitNanos;
  private final long keepAliveNanos;
  private volatile LongSupplier targetDeadline;
  private volatile boolean targetTimedOut;
  private final LogLimiter logLimiter;
  private volatile long deadlineNanos;
  private volatile long windowNanos;
  private volatile long establishedNanos;
  private volatile Phase phase = Phase.HANDSHAKE;
  private volatile boolean stopping;
  private volatile boolean closed;
  /** Counts nothing anyone reads, until {@link #countInto} names the wrapper's counters. */
  private static final Metrics UNCOUNTED = new Metrics(java.util.List.of());
  private Metrics metrics = UNCOUNTED;

  /** Where a connection is in its life; the wrapper's stop treats each differently. */
  enum Phase {
    /** Before the TLS handshake is complete: closed at once on stop. */
    HANDSHAKE,
    /** Waiting, idle, for the next request: closed at once on stop. */
    WAITING,
    /** Reading a request head: closed at once on stop (nothing has reached the target). */
    HEAD,
    /** A request is in flight: it may finish within the shutdown timeout. */
    EXCHANGE,
    /** Relaying bytes without knowing where messages end (plain TCP, an upgraded connection): closed on stop. */
    TUNNEL,
    /** The last answer is written; the client is given a moment to read it before the close: left alone. */
    ENDING
  }

  /**
   * @param handshakeNanos time from now until the handshake must be complete; the deadline starts at accept,
   *     before the connection's thread runs, so the idle timer never sees a connection without one
   * @param idleNanos how long a tunnel or plain TCP connection may pass no bytes
   * @param waitNanos the timer's limit for an HTTP connection whose reads have timeouts of their own: the
   *     longest of them, so the timer only ends a connection stuck where none applies
   * @param keepAliveNanos how long an HTTP connection may wait, idle, for its next request: enforced by the
   *     timer, not by a read timeout, since every request waits so (a timed read parks a virtual thread with a
   *     timer of its own, which cost about a third of the CPU per request under keep-alive load)
   */
  RelayConnection(
      Socket raw,
      String name,
      Executor executor,
      TargetDialer dialer,
      long handshakeNanos,
      long idleNanos,
      long waitNanos,
      long keepAliveNanos,
      LogLimiter logLimiter) {
    this.deadlineNanos = System.nanoTime() + handshakeNanos;
    this.idleNanos = idleNanos;
    this.waitNanos = waitNanos;
    this.keepAliveNanos = keepAliveNanos;
    this.logLimiter = logLimiter;
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

  /**
   * Runs {@code task} on another worker thread (e.g. the second direction of a relay).
   *
   * @throws java.util.concurrent.RejectedExecutionException when no thread is available (a full platform pool)
   */
  public void spawn(Runnable task) {
    executor.execute(task);
  }

  /** Records that bytes moved, pushing the idle deadline out. Cheap enough to call per read. */
  public void touch() {
    deadlineNanos = System.nanoTime() + windowNanos;
  }

  /**
   * Moves the connection to {@code next}; a tunnel gets the idle timeout, everything else the longest HTTP wait.
   *
   * @return {@code false} when the wrapper is stopping and a connection in this phase must end now
   */
  boolean enter(Phase next) {
    phase = next;
    windowNanos = next == Phase.TUNNEL ? idleNanos : next == Phase.WAITING ? keepAliveNanos : waitNanos;
    touch();
    return !(stopping && next != Phase.EXCHANGE && next != Phase.ENDING);
  }

  /**
   * The target's answer is due by what {@code deadline} says (it may move later meanwhile); the timer closes
   * the target connection once it has passed, which wakes the reader, who then sees {@link #targetTimedOut}.
   */
  void watchTarget(LongSupplier deadline) {
    targetTimedOut = false;
    targetDeadline = deadline;
  }

  /** The answer arrived (or the wait ended otherwise): the timer no longer watches the target. */
  void unwatchTarget() {
    targetDeadline = null;
  }

  /** Whether the timer closed the target connection because its answer was late. */
  boolean targetTimedOut() {
    return targetTimedOut;
  }

  /** Called by the timer: closes the target connection if its answer is overdue at {@code now}. */
  void checkTarget(long now) {
    LongSupplier deadline = targetDeadline;
    if (deadline != null && now - deadline.getAsLong() > 0) {
      targetTimedOut = true;
      targetDeadline = null;
      closeQuietly(target);
    }
  }

  Phase phase() {
    return phase;
  }

  /** When the TLS handshake completed ({@link System#nanoTime()}). */
  long establishedNanos() {
    return establishedNanos;
  }

  /**
   * The wrapper is stopping: a connection with a request in flight is marked (its response gets
   * {@code Connection: close} and no further request is read); any other is closed now.
   *
   * @return whether a request was in flight
   */
  boolean stop() {
    stopping = true;
    Phase now = phase;
    if (now == Phase.EXCHANGE) {
      return true;
    }
    if (now != Phase.ENDING) {
      abort();
    }
    return false;
  }

  /** Whether the wrapper is stopping, so this connection must end after the request in flight. */
  boolean stopping() {
    return stopping;
  }

  /** Whether a log line of {@code kind} may be written now (see {@link LogLimiter}). */
  boolean mayLog(String kind) {
    return logLimiter.allow(kind);
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
    enter(Phase.ENDING);
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

  /**
   * Closes from another thread (the timer, the stop), without waiting: the TCP connection first, so that
   * closing TLS cannot block, reading towards the client's close_notify for as long as the socket's read timeout.
   */
  void abort() {
    closed = true;
    closeQuietly(raw);
    close();
  }

  boolean isClosed() {
    return closed;
  }

  Socket raw() {
    return raw;
  }

  void established(SSLSocket ssl) {
    this.client = ssl;
    this.establishedNanos = System.nanoTime();
    enter(Phase.HEAD);
  }

  /** Whether the current deadline (handshake, then idle) has passed at {@code now}. */
  boolean expired(long now) {
    return now - deadlineNanos > 0;
  }
}
