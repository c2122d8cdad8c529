package io.github.httpswrapper.internal.metrics;

import java.util.Map;

/**
 * Renders a {@link MetricsSnapshot} in the Prometheus text exposition format, version 0.0.4: for each metric a
 * {@code # HELP} and a {@code # TYPE} line, then one {@code name{label="value"} number} line per series.
 * Counters end in {@code _total}; label values escape backslash, double quote and line feed as the format
 * requires, so no label value can break a line.
 */
public final class PrometheusText {
  /** The {@code Content-Type} of this format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final String PREFIX = "https_wrapper_";

  private PrometheusText() {}

  /** The whole exposition, ending in a line feed. */
  public static String render(MetricsSnapshot s) {
    StringBuilder out = new StringBuilder(2048);
    single(out, "connections_open", "gauge", "Client connections open now.", s.connectionsOpen());
    single(out, "connections_accepted_total", "counter",
        "Connections the listener accepted, including those refused afterwards.", s.connectionsAccepted());
    labelled(out, "connections_refused_total", "Connections closed before any TLS work, by reason.",
        "reason", s.connectionsRefused());
    single(out, "tls_handshakes_total", "counter", "TLS handshakes completed.", s.handshakesCompleted());
    labelled(out, "tls_handshake_failures_total", "TLS handshakes that failed, by reason.",
        "reason", s.handshakeFailures());
    labelled(out, "requests_total", "Requests answered, by the target or by the wrapper, by status code.",
        "status", s.requests());
    labelled(out, "denials_total", "Requests the access policy refused, by the rule that refused them.",
        "rule", s.denials());
    single(out, "client_received_bytes_total", "counter", "Bytes read from clients, after decryption.",
        s.bytesFromClients());
    single(out, "client_sent_bytes_total", "counter", "Bytes written to clients, before encryption.",
        s.bytesToClients());
    labelled(out, "target_errors_total", "Failures to reach or read the target, by kind.",
        "kind", s.targetErrors());
    labelled(out, "limits_reached_total", "Limits and timeouts that were reached, by name.",
        "limit", s.limitsReached());
    return out.toString();
  }

  private static void single(StringBuilder out, String name, String type, String help, long value) {
    header(out, name, type, help);
    out.append(PREFIX).append(name).append(' ').append(value).append('\n');
  }

  private static void labelled(StringBuilder out, String name, String help, String label, Map<?, Long> values) {
    header(out, name, "counter", help);
    values.forEach(
        (key, value) ->
            out.append(PREFIX).append(name).append('{').append(label).append("=\"")
                .append(escapeLabelValue(String.valueOf(key))).append("\"} ").append(value).append('\n'));
  }

  private static void header(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(PREFIX).append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(PREFIX).append(name).append(' ').append(type).append('\n');
  }

  /** A label value as the format writes it between double quotes. */
  static String escapeLabelValue(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\':
          out.append("\\\\");
          break;
        case '"':
          out.append("\\\"");
          break;
        case '\n':
          out.append("\\n");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
