package io.github.httpswrapper.cli;

import java.time.Duration;

/**
 * The request, response and shutdown timeouts and the per-client and body limits. A {@code null} component means
 * the option was not given and the library's default applies.
 *
 * @param requestHeadTimeout {@code --request-head-timeout}
 * @param keepAliveTimeout {@code --keep-alive-timeout}
 * @param requestBodyTimeout {@code --request-body-timeout}
 * @param responseTimeout {@code --response-timeout}
 * @param shutdownTimeout {@code --shutdown-timeout}
 * @param maxConnectionsPerClient {@code --max-connections-per-client}
 * @param maxRequestBody {@code --max-request-body}, in bytes
 */
record LimitOptions(
    Duration requestHeadTimeout,
    Duration keepAliveTimeout,
    Duration requestBodyTimeout,
    Duration responseTimeout,
    Duration shutdownTimeout,
    Integer maxConnectionsPerClient,
    Long maxRequestBody) {

  /** Everything left at the library's defaults. */
  static final LimitOptions DEFAULTS = new LimitOptions(null, null, null, null, null, null, null);
}
