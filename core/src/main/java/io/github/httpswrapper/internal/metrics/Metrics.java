package io.github.httpswrapper.internal.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters of one wrapper. Every method is lock-free (a {@link LongAdder} per series) and cheap enough
 * to call on every connection, request and read. The reason strings are the label values the public snapshot
 * and the Prometheus text show; they are stable, so dashboards and alerts can name them.
 */
public final class Metrics {
  /** Refused at accept by the allow/deny address rules. */
  public static final String REFUSED_ADDRESS = "address-rule";
  /** Refused at accept: the maxConnections limit was reached. */
  public static final String REFUSED_MAX_CONNECTIONS = "max-connections";
  /** Refused at accept: the client address had maxConnectionsPerClient connections open. */
  public static final String REFUSED_PER_CLIENT = "per-client-limit";
  /** Refused at accept: no worker thread could take the connection. */
  public static final String REFUSED_NO_WORKER = "no-worker";
  /** Closed before TLS: a trusted proxy sent a bad PROXY protocol header. */
  public static final String REFUSED_PROXY_HEADER = "bad-proxy-header";

  /** The client did not finish the handshake within the handshake timeout. */
  public static final String HANDSHAKE_TIMEOUT = "timeout";
  /** The first byte was not a TLS handshake record, nor plain HTTP. */
  public static final String HANDSHAKE_NOT_TLS = "not-tls";
  /** Plain HTTP reached the TLS port (and was answered with a redirect or 400). */
  public static final String HANDSHAKE_PLAIN_HTTP = "plain-http";
  /** No TLS version or cipher suite in common (an old client, a scanner). */
  public static final String HANDSHAKE_PROTOCOL = "protocol-mismatch";
  /** The client's certificate is not issued by a configured client CA (or none was sent where one must be). */
  public static final String HANDSHAKE_UNKNOWN_CLIENT_CA = "unknown-client-ca";
  /** The client refused the wrapper's certificate (typically: it does not trust it). */
  public static final String HANDSHAKE_CERTIFICATE_REJECTED = "certificate-rejected";
  /** The client closed the connection before the handshake was complete (or before sending anything). */
  public static final String HANDSHAKE_CLIENT_CLOSED = "client-closed";
  /** Any other handshake failure. */
  public static final String HANDSHAKE_OTHER = "other";

  /** Connecting to the target was refused. */
  public static final String TARGET_REFUSED = "refused";
  /** Connecting to the target took longer than the connect timeout. */
  public static final String TARGET_TIMEOUT = "timeout";
  /** The target host name could not be resolved. */
  public static final String TARGET_UNRESOLVABLE = "unresolvable";
  /** No route to the target, or another failure while connecting. */
  public static final String TARGET_UNREACHABLE = "unreachable";
  /** The target's response broke HTTP's rules. */
  public static final String TARGET_MALFORMED = "malformed-response";
  /** The target closed the connection before its response was complete. */
  public static final String TARGET_CLOSED_EARLY = "closed-early";
  /** Any other failure of the target connection. */
  public static final String TARGET_OTHER = "other";

  /** The denial label of a request that no rule matched. */
  public static final String NO_RULE = "no rule matched";

  private final LongAdder open = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final Tally<String> refused =
      new Tally<>(
          "other", REFUSED_ADDRESS, REFUSED_MAX_CONNECTIONS, REFUSED_PER_CLIENT, REFUSED_NO_WORKER,
          REFUSED_PROXY_HEADER);
  private final LongAdder handshakes = new LongAdder();
  private final Tally<String> handshakeFailures =
      new Tally<>(
          HANDSHAKE_OTHER,
          HANDSHAKE_TIMEOUT,
          HANDSHAKE_NOT_TLS,
          HANDSHAKE_PLAIN_HTTP,
          HANDSHAKE_PROTOCOL,
          HANDSHAKE_UNKNOWN_CLIENT_CA,
          HANDSHAKE_CERTIFICATE_REJECTED,
          HANDSHAKE_CLIENT_CLOSED,
          HANDSHAKE_OTHER);
  private final Tally<String> limits = new Tally<>("other");
  /** By status code: an array rather than a {@link Tally}, since this one is counted on every request. */
  private final AtomicReferenceArray<LongAdder> requests = new AtomicReferenceArray<>(600);
  private final Tally<String> denials;
  private final LongAdder bytesFromClients = new LongAdder();
  private final LongAdder bytesToClients = new LongAdder();
  private final Tally<String> targetErrors =
      new Tally<>(
          TARGET_OTHER,
          TARGET_REFUSED,
          TARGET_TIMEOUT,
          TARGET_UNRESOLVABLE,
          TARGET_UNREACHABLE,
          TARGET_MALFORMED,
          TARGET_CLOSED_EARLY,
          TARGET_OTHER);

  /** @param denyingRules the labels of the policy's rules that can refuse a request, shown with 0 from the start */
  public Metrics(List<String> denyingRules) {
    List<String> known = new ArrayList<>(denyingRules);
    known.add(NO_RULE);
    this.denials = new Tally<>(NO_RULE, known.toArray(new String[0]));
  }

  /** A connection was accepted by the listener (whatever happens to it next). */
  public void accepted() {
    accepted.increment();
  }

  /** A connection was closed before any TLS work, for {@code reason}. */
  public void refused(String reason) {
    refused.increment(reason);
  }

  /** A connection got a worker and is now open; pair with {@link #closed()}. */
  public void opened() {
    open.increment();
  }

  /** A connection that was {@link #opened()} has ended. */
  public void closed() {
    open.decrement();
  }

  /** A TLS handshake completed. */
  public void handshakeCompleted() {
    handshakes.increment();
  }

  /** A TLS handshake failed, for one of the {@code HANDSHAKE_} reasons. */
  public void handshakeFailed(String reason) {
    handshakeFailures.increment(reason);
  }

  /**
   * A limit or timeout was reached (a short stable name such as {@code request-head-timeout}); what happened to
   * the connection or request is counted where it happened too.
   */
  public void limitReached(String reason) {
    limits.increment(reason);
  }

  /** A request was answered with {@code status}, by the target or by the wrapper. */
  public void answered(int status) {
    int index = status >= 100 && status <= 599 ? status : 0;
    LongAdder adder = requests.get(index);
    if (adder == null) {
      requests.compareAndSet(index, null, new LongAdder());
      adder = requests.get(index);
    }
    adder.increment();
  }

  /** The access policy refused a request by {@code rule} (its label), or {@link #NO_RULE}. */
  public void denied(String rule) {
    denials.increment(rule == null ? NO_RULE : rule);
  }

  /** Bytes read from a client (decrypted). */
  public void fromClient(long bytes) {
    bytesFromClients.add(bytes);
  }

  /** Bytes written to a client (before encryption). */
  public void toClient(long bytes) {
    bytesToClients.add(bytes);
  }

  /** The target could not be used, for one of the {@code TARGET_} kinds. */
  public void targetError(String kind) {
    targetErrors.increment(kind);
  }

  private Map<Integer, Long> statuses() {
    Map<Integer, Long> out = new TreeMap<>();
    for (int i = 0; i < requests.length(); i++) {
      LongAdder adder = requests.get(i);
      if (adder != null) {
        out.put(i, adder.sum());
      }
    }
    return out;
  }

  /** The counters now. */
  public MetricsSnapshot snapshot() {
    return new MetricsSnapshot(
        open.sum(),
        accepted.sum(),
        refused.snapshot(),
        handshakes.sum(),
        handshakeFailures.snapshot(),
        statuses(),
        denials.snapshot(),
        bytesFromClients.sum(),
        bytesToClients.sum(),
        targetErrors.snapshot(),
        limits.snapshot());
  }
}
