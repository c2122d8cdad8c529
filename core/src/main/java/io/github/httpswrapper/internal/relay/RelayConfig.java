package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.internal.access.Cidr;
import io.github.httpswrapper.internal.access.IpRules;
import io.github.httpswrapper.internal.access.PolicyPlan;
import io.github.httpswrapper.internal.http.HttpLimits;
import io.github.httpswrapper.internal.tls.CertificateSettings;
import java.time.Duration;
import java.util.List;

/**
 * The frozen configuration of one wrapper, validated by the public builder.
 *
 * @param certificates the identity sources (default and by server name) and how often their files are polled
 * @param http whether requests are parsed and checked one by one (else a plain TCP relay)
 * @param policy the access policy (HTTP mode only)
 * @param redirectHttpPort the plain-HTTP redirect listener's port, 0 for any free port, -1 for none
 * @param limits the request, response and shutdown timeouts, and the per-client and body size limits
 */
public record RelayConfig(
    String targetHost,
    int targetPort,
    String listenHost,
    int listenPort,
    CertificateSettings certificates,
    IpRules ipRules,
    Duration handshakeTimeout,
    Duration idleTimeout,
    Duration connectTimeout,
    int maxConnections,
    boolean http,
    PolicyPlan policy,
    List<Cidr> trustedProxies,
    boolean proxyProtocol,
    boolean forwardAuthorization,
    int redirectHttpPort,
    HttpLimits httpLimits,
    ConnectionLimits limits) {

  /** Whether a plain-HTTP redirect listener was asked for. */
  public boolean redirectsHttp() {
    return redirectHttpPort >= 0;
  }

  /** Whether {@code address} is a configured trusted proxy. */
  public boolean trustedProxy(java.net.InetAddress address) {
    for (Cidr block : trustedProxies) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }

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
