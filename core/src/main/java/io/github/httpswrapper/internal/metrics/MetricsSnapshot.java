package io.github.httpswrapper.internal.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counters of one wrapper at one moment, immutable. Maps are sorted by key.
 *
 * @param connectionsOpen client connections open now
 * @param connectionsAccepted connections the listener accepted since start
 * @param connectionsRefused connections closed before any TLS work, by reason
 * @param handshakesCompleted TLS handshakes completed
 * @param handshakeFailures TLS handshakes that failed, by reason
 * @param requests requests answered, by status code
 * @param denials requests the access policy refused, by rule
 * @param bytesFromClients bytes read from clients, after decryption
 * @param bytesToClients bytes written to clients, before encryption
 * @param targetErrors failures of the target, by kind
 * @param limitsReached limits and timeouts that were reached, by name
 */
public record MetricsSnapshot(
    long connectionsOpen,
    long connectionsAccepted,
    Map<String, Long> connectionsRefused,
    long handshakesCompleted,
    Map<String, Long> handshakeFailures,
    Map<Integer, Long> requests,
    Map<String, Long> denials,
    long bytesFromClients,
    long bytesToClients,
    Map<String, Long> targetErrors,
    Map<String, Long> limitsReached) {

  public MetricsSnapshot {
    connectionsRefused = sorted(connectionsRefused);
    handshakeFailures = sorted(handshakeFailures);
    requests = sorted(requests);
    denials = sorted(denials);
    targetErrors = sorted(targetErrors);
    limitsReached = sorted(limitsReached);
  }

  private static <K> Map<K, Long> sorted(Map<K, Long> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
