package io.github.httpswrapper.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void everyLineParsesAndCarriesTheCountedValues() {
    Metrics metrics = new Metrics(List.of("rule 2 (any client: password required)"));
    metrics.accepted();
    metrics.accepted();
    metrics.opened();
    metrics.refused(Metrics.REFUSED_ADDRESS);
    metrics.handshakeCompleted();
    metrics.handshakeFailed(Metrics.HANDSHAKE_NOT_TLS);
    metrics.answered(200);
    metrics.answered(200);
    metrics.answered(401);
    metrics.denied("rule 2 (any client: password required)");
    metrics.fromClient(120);
    metrics.toClient(4000);
    metrics.targetError(Metrics.TARGET_REFUSED);
    metrics.limitReached("request-head-timeout");

    Map<String, Long> samples = PrometheusLines.parse(PrometheusText.render(metrics.snapshot()));

    assertEquals(1, samples.get("https_wrapper_connections_open"));
    assertEquals(2, samples.get("https_wrapper_connections_accepted_total"));
    assertEquals(1, samples.get("https_wrapper_connections_refused_total{reason=\"address-rule\"}"));
    assertEquals(0, samples.get("https_wrapper_connections_refused_total{reason=\"max-connections\"}"));
    assertEquals(1, samples.get("https_wrapper_tls_handshakes_total"));
    assertEquals(1, samples.get("https_wrapper_tls_handshake_failures_total{reason=\"not-tls\"}"));
    assertEquals(0, samples.get("https_wrapper_tls_handshake_failures_total{reason=\"timeout\"}"));
    assertEquals(2, samples.get("https_wrapper_requests_total{status=\"200\"}"));
    assertEquals(1, samples.get("https_wrapper_requests_total{status=\"401\"}"));
    assertEquals(1, samples.get("https_wrapper_denials_total{rule=\"rule 2 (any client: password required)\"}"));
    assertEquals(0, samples.get("https_wrapper_denials_total{rule=\"no rule matched\"}"));
    assertEquals(120, samples.get("https_wrapper_client_received_bytes_total"));
    assertEquals(4000, samples.get("https_wrapper_client_sent_bytes_total"));
    assertEquals(1, samples.get("https_wrapper_target_errors_total{kind=\"refused\"}"));
    assertEquals(1, samples.get("https_wrapper_limits_reached_total{limit=\"request-head-timeout\"}"));
  }

  @Test
  void labelValuesWithQuotesBackslashesAndLineFeedsStayOnOneLine() {
    String rule = "rule 1 (paths \"/a\\b\"\nfake_metric 1)";
    Metrics metrics = new Metrics(List.of(rule));
    metrics.denied(rule);

    String text = PrometheusText.render(metrics.snapshot());

    assertTrue(text.contains("{rule=\"rule 1 (paths \\\"/a\\\\b\\\"\\nfake_metric 1)\"} 1\n"), text);
    assertEquals(1, PrometheusLines.parse(text).get("https_wrapper_denials_total{rule=\"" + rule + "\"}"));
  }

  @Test
  void theTestParserRefusesALineThatIsNotHelpTypeOrSample() {
    assertThrows(IllegalArgumentException.class, () -> PrometheusLines.parse("fake_metric 1\nbroken line\n"));
  }

  @Test
  void labelKeysStayBoundedWhateverIsCounted() {
    Metrics metrics = new Metrics(List.of());
    for (int i = 0; i < Tally.MAX_KEYS + 50; i++) {
      metrics.answered(i);
      metrics.limitReached("limit-" + i);
    }
    assertEquals(501, metrics.snapshot().requests().size());
    assertEquals(Tally.MAX_KEYS + 1, metrics.snapshot().limitsReached().size()); // and "other"
  }
}
