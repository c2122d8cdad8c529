package io.github.httpswrapper;

import io.github.httpswrapper.internal.metrics.MetricsSnapshot;
import io.github.httpswrapper.internal.metrics.PrometheusText;
import java.util.Map;

/**
 * What one wrapper has counted since it started, at one moment: an immutable snapshot from
 * {@link HttpsWrapper#metrics()}. Take another snapshot to see newer numbers; the difference between two
 * snapshots is what happened in between.
 *
 * <p>A connection's story, in the order the counters see it: the listener accepts it
 * ({@link #connectionsAccepted()}); it may be closed at once, before any TLS work ({@link #connectionsRefused()},
 * e.g. by an {@link HttpsWrapper.Builder#allow(String...) address rule} or the
 * {@link HttpsWrapper.Builder#maxConnections(int) connection limit}); otherwise it is open
 * ({@link #connectionsOpen()}) until it ends, and its TLS handshake either completes
 * ({@link #handshakesCompleted()}) or fails ({@link #handshakeFailures()}). Each request on it is answered with
 * a status, by the target or by the wrapper itself ({@link #requests()}); a request the access policy refuses
 * is also counted under the rule that refused it ({@link #denials()}), and one the target could not answer
 * under what went wrong ({@link #targetErrors()}).
 *
 * <p>Maps are sorted by key and include the known reasons with 0, so "nothing happened" and "never counted"
 * look the same. Reasons are short stable names, listed on each method; new ones may be added in later
 * versions, existing ones do not change. No map ever holds a value a client sent (a path, a header, a user
 * name), so their size is bounded whatever clients do.
 *
 * <p>{@link #prometheusText()} renders the same numbers for Prometheus;
 * {@link HttpsWrapper.Builder#metricsEndpoint(int)} serves it over HTTP on a loopback port.
 */
public final class WrapperMetrics {
  private final MetricsSnapshot snapshot;

  WrapperMetrics(MetricsSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  /** Client connections open now: accepted, not refused, not yet ended. A gauge, not a counter. */
  public long connectionsOpen() {
    return snapshot.connectionsOpen();
  }

  /** Connections the listener accepted, including those refused right afterwards. */
  public long connectionsAccepted() {
    return snapshot.connectionsAccepted();
  }

  /**
   * Connections closed before any TLS work, by reason: {@code address-rule} (refused by
   * {@link HttpsWrapper.Builder#allow allow}/{@link HttpsWrapper.Builder#deny deny}), {@code max-connections}
   * (the limit of open connections was reached), {@code per-client-limit} (the limit of open connections from
   * one address, {@link HttpsWrapper.Builder#maxConnectionsPerClient(int)}, was reached), {@code no-worker} (no
   * thread could take it), {@code bad-proxy-header} (a trusted proxy sent a broken PROXY protocol header).
   */
  public Map<String, Long> connectionsRefused() {
    return snapshot.connectionsRefused();
  }

  /** TLS handshakes completed. */
  public long handshakesCompleted() {
    return snapshot.handshakesCompleted();
  }

  /**
   * TLS handshakes that failed, by reason: {@code timeout} (not completed within the
   * {@linkplain HttpsWrapper.Builder#handshakeTimeout handshake timeout}), {@code not-tls} (the client sent
   * something that is neither TLS nor HTTP), {@code plain-http} (plain HTTP reached the HTTPS port and was
   * answered), {@code protocol-mismatch} (no TLS version or cipher suite in common: an old client or a
   * scanner), {@code unknown-client-ca} (a client certificate from an issuer that is not configured),
   * {@code certificate-rejected} (the client refused the wrapper's certificate, usually because it does not
   * trust it), {@code client-closed} (the client went away first, or connected and sent nothing), and
   * {@code other}.
   */
  public Map<String, Long> handshakeFailures() {
    return snapshot.handshakeFailures();
  }

  /**
   * Requests answered, by status code: the target's status for forwarded requests, the wrapper's own for
   * the rest (400 for a malformed request, 401/403/429 from the access policy, 502/504 when the target fails).
   * A request that got no status (the client left first) is not counted.
   */
  public Map<Integer, Long> requests() {
    return snapshot.requests();
  }

  /** The sum of {@link #requests()}. */
  public long requestsTotal() {
    long total = 0;
    for (long n : snapshot.requests().values()) {
      total += n;
    }
    return total;
  }

  /**
   * Requests the {@linkplain HttpsWrapper.Builder#accessPolicy access policy} refused (401, 403 or 429), by the
   * rule that refused them, as the rule reads in the log: {@code "rule 2 (any client: password required)"};
   * requests no rule matched count under {@code "no rule matched"}. Every rule that can refuse is listed from
   * the start.
   */
  public Map<String, Long> denials() {
    return snapshot.denials();
  }

  /** Bytes read from clients, after decryption: request heads and bodies, and upgraded connections. */
  public long bytesFromClients() {
    return snapshot.bytesFromClients();
  }

  /** Bytes written to clients, before encryption: response heads and bodies, and upgraded connections. */
  public long bytesToClients() {
    return snapshot.bytesToClients();
  }

  /**
   * Failures to use the target, by kind: {@code refused} (connection refused: is it running?), {@code timeout}
   * (connecting took longer than the {@linkplain HttpsWrapper.Builder#connectTimeout connect timeout}, or the
   * response, or a pause inside its body, longer than the
   * {@linkplain HttpsWrapper.Builder#responseTimeout response timeout}),
   * {@code unresolvable} (its host name has no address), {@code unreachable} (no route, or another connect
   * failure), {@code malformed-response} (its response broke HTTP's rules), {@code closed-early} (it closed the
   * connection before answering), {@code other}. The client got a {@code 502} or {@code 504} for each that
   * happened before a response began.
   */
  public Map<String, Long> targetErrors() {
    return snapshot.targetErrors();
  }

  /**
   * Limits and timeouts that were reached, by name: {@code request-head-timeout} (answered 408),
   * {@code keep-alive-timeout} (an idle connection closed), {@code request-body-timeout} (408),
   * {@code response-timeout} (504, or a response cut), {@code request-body-too-large} (413),
   * {@code max-connections}, {@code per-client-limit} and {@code no-worker} (a connection closed at once, or a
   * 503), {@code shutdown} (a request cut because it outlasted the shutdown timeout). What happened as a result
   * is counted where it happened too: a refused connection, a {@code 408} among {@link #requests()}. Only the
   * names that were reached are listed.
   */
  public Map<String, Long> limitsReached() {
    return snapshot.limitsReached();
  }

  /**
   * These numbers in the Prometheus text exposition format (version 0.0.4, served with {@code Content-Type:
   * text/plain; version=0.0.4; charset=utf-8}): every metric named {@code https_wrapper_...}, with {@code # HELP}
   * and {@code # TYPE} lines, counters ending in {@code _total}, the maps above as labels ({@code reason},
   * {@code status}, {@code rule}, {@code kind}, {@code limit}):
   *
   * <pre>
   * # HELP https_wrapper_requests_total Requests answered, by the target or by the wrapper, by status code.
   * # TYPE https_wrapper_requests_total counter
   * https_wrapper_requests_total{status="200"} 1027
   * https_wrapper_requests_total{status="401"} 3
   * </pre>
   */
  public String prometheusText() {
    return PrometheusText.render(snapshot);
  }

  /** A one-line summary, for logs and debugging. */
  @Override
  public String toString() {
    return "WrapperMetrics[open=" + connectionsOpen() + ", accepted=" + connectionsAccepted() + ", refused="
        + connectionsRefused() + ", handshakes=" + handshakesCompleted() + ", handshakeFailures="
        + handshakeFailures() + ", requests=" + requests() + ", denials=" + denials() + ", bytesFromClients="
        + bytesFromClients() + ", bytesToClients=" + bytesToClients() + ", targetErrors=" + targetErrors()
        + ", limitsReached=" + limitsReached() + "]";
  }
}
