package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.internal.access.IpRules;
import java.time.Duration;

/** The frozen configuration of one wrapper, validated by the public builder. */
public record RelayConfig(
    String targetHost,
    int targetPort,
    String listenHost,
    int listenPort,
    CertificateSource certificateSource,
    IpRules ipRules,
    Duration handshakeTimeout,
    Duration idleTimeout,
    Duration connectTimeout,
    int maxConnections) {

  /** {@code host:port} of the target, with brackets around an IPv6 literal. */
  public String target() {
    return hostPort(targetHost, targetPort);
  }

  /** The name used before the port is bound. */
  public String name() {
    return "https-wrapper[" + (listenPort == 0 ? "" : ":" + listenPort) + "->" + target() + "]";
  }

  static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
