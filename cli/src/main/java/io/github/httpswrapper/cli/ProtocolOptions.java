package io.github.httpswrapper.cli;

import java.util.List;

/**
 * The options about how connections and requests are read: HTTP or plain TCP, proxies in front, the plain-HTTP
 * redirect port, size limits. A {@code null} component means the option was not given and the library's
 * default applies.
 *
 * @param tcp {@code --tcp}: relay bytes without reading HTTP
 * @param trustedProxies {@code --trusted-proxy}: address blocks whose word about the client is believed
 * @param proxyProtocol {@code --proxy-protocol}: trusted proxies send a PROXY protocol header
 * @param redirectHttp {@code --redirect-http}: the plain-HTTP port that redirects to HTTPS; 0 picks one
 * @param maxRequestLine {@code --max-request-line}, in bytes
 * @param maxHeaderSize {@code --max-header-size}, in bytes
 * @param metricsPort {@code --metrics-port}: the loopback port of the metrics endpoint; 0 picks one
 */
record ProtocolOptions(
    boolean tcp,
    List<String> trustedProxies,
    boolean proxyProtocol,
    Integer redirectHttp,
    Integer maxRequestLine,
    Integer maxHeaderSize,
    Integer metricsPort) {

  /** Everything left at its default: HTTP, no proxies, no redirect port, the library's limits, no metrics. */
  static final ProtocolOptions DEFAULTS = new ProtocolOptions(false, List.of(), false, null, null, null, null);
}
