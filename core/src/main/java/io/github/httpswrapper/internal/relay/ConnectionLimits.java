package io.github.httpswrapper.internal.relay;

import java.time.Duration;

/**
 * The time and size limits of one wrapper beyond the handshake, idle and connect timeouts, validated by the
 * public builder. Each limit has a short stable reason string ({@code "request-head-timeout"}, ...) in {@link
 * Reasons}, used in log lines and where a counter can be attached.
 *
 * @param requestHeadTimeout from a request's first byte (for the first request on a connection: from the end
 *     of the TLS handshake) until its head is complete; past it: {@code 408}, then close
 * @param keepAliveTimeout how long a connection may wait, idle, for its next request; past it: closed silently
 * @param requestBodyTimeout the longest gap between two reads of a request body; past it: {@code 408} if no
 *     response has started, else close
 * @param responseTimeout from the request being sent to the target until the response head, and the longest
 *     gap inside a response body; past it: {@code 504} before the head, a cut connection inside the body
 * @param shutdownTimeout how long {@code close()} lets requests in flight finish
 * @param maxConnectionsPerClient open connections per client address (IPv6: per /64)
 * @param maxRequestBodyBytes the largest request body forwarded; {@link Long#MAX_VALUE} for no limit
 */
public record ConnectionLimits(
    Duration requestHeadTimeout,
    Duration keepAliveTimeout,
    Duration requestBodyTimeout,
    Duration responseTimeout,
    Duration shutdownTimeout,
    int maxConnectionsPerClient,
    long maxRequestBodyBytes) {

  private static final ConnectionLimits DEFAULTS =
      new ConnectionLimits(
          Duration.ofSeconds(20),
          Duration.ofSeconds(75),
          Duration.ofSeconds(60),
          Duration.ofSeconds(60),
          Duration.ofSeconds(10),
          256,
          Long.MAX_VALUE);

  /** The documented defaults: 20 s, 75 s, 60 s, 60 s, 10 s, 256 connections, no body limit. */
  public static ConnectionLimits defaults() {
    return DEFAULTS;
  }

  /** Whether request bodies are limited at all. */
  public boolean limitsRequestBodies() {
    return maxRequestBodyBytes != Long.MAX_VALUE;
  }

  /**
   * The longest any HTTP wait may take: the timer's last resort for a connection whose thread is stuck where no
   * read timeout applies (a client that stops reading its response).
   */
  long longestWaitNanos(Duration idleTimeout) {
    long longest = idleTimeout.toNanos();
    for (Duration d : new Duration[] {requestHeadTimeout, keepAliveTimeout, requestBodyTimeout, responseTimeout}) {
      longest = Math.max(longest, d.toNanos());
    }
    return longest + Duration.ofSeconds(1).toNanos();
  }
}
