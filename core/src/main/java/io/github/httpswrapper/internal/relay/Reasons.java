package io.github.httpswrapper.internal.relay;

/**
 * Short, stable names for why the wrapper refused, answered or cut something. They appear in log lines and are
 * the keys counters are kept under, so they never change once released.
 */
final class Reasons {
  static final String REQUEST_HEAD_TIMEOUT = "request-head-timeout";
  static final String KEEP_ALIVE_TIMEOUT = "keep-alive-timeout";
  static final String REQUEST_BODY_TIMEOUT = "request-body-timeout";
  static final String RESPONSE_TIMEOUT = "response-timeout";
  static final String REQUEST_BODY_TOO_LARGE = "request-body-too-large";
  static final String MAX_CONNECTIONS = "max-connections";
  static final String PER_CLIENT_LIMIT = "per-client-limit";
  static final String NO_WORKER = "no-worker";
  static final String SHUTDOWN = "shutdown";

  private Reasons() {}
}
