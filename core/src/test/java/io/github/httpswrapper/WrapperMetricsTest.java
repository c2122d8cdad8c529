package io.github.httpswrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.httpswrapper.internal.metrics.PrometheusLines;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WrapperMetricsTest {
  private static final String DENYING_RULE = "rule 1 (any client, paths [/private]: deny)";

  private HttpServer target;
  private HttpsWrapper wrapper;

  @BeforeEach
  void startTarget() throws IOException {
    target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.createContext(
        "/",
        exchange -> {
          byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    target.start();
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.stop(0);
  }

  private HttpsWrapper.Builder wrapTarget() throws Exception {
    return HttpsWrapper.forTarget("127.0.0.1", target.getAddress().getPort())
        .certificate(TestCertificates.localhost())
        .accessPolicy(
            AccessPolicy.builder()
                .rule(Rule.anyClient().paths("/private").deny())
                .rule(Rule.anyClient().allow())
                .build());
  }

  /** Waits until the counters satisfy {@code settled}: the wrapper counts just after the client saw the end. */
  private WrapperMetrics await(Predicate<WrapperMetrics> settled) throws InterruptedException {
    WrapperMetrics metrics = wrapper.metrics();
    for (int i = 0; i < 500 && !settled.test(metrics); i++) {
      Thread.sleep(20);
      metrics = wrapper.metrics();
    }
    return metrics;
  }

  /**
   * Two allowed requests, one denied by a rule, one connection that is not TLS, one handshake without a
   * cipher suite in common, one request while the target is down.
   */
  private long[] runScript() throws Exception {
    SSLContext trusting = wrapper.clientSslContext();
    int port = wrapper.port();
    long sent = 0;
    long received = 0;
    for (String request : new String[] {Raw.get("/a"), Raw.get("/b"), Raw.get("/private")}) {
      sent += request.length();
      received += Raw.exchange(trusting, port, request).length();
    }
    Raw.plain(port, "\0\0\0\0 not tls");
    try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"}); // not AEAD
      assertThrows(SSLException.class, socket::startHandshake);
    }
    target.stop(0);
    String request = Raw.get("/c");
    sent += request.length();
    String answer = Raw.exchange(trusting, port, request);
    assertTrue(answer.startsWith("HTTP/1.1 502 "), answer);
    received += answer.length();
    return new long[] {sent, received};
  }

  @Test
  void aScriptedSequenceIsCountedExactly() throws Exception {
    wrapper = wrapTarget().start();
    long[] bytes = runScript();

    WrapperMetrics m = await(x -> x.requestsTotal() == 4 && x.connectionsOpen() == 0
        && x.handshakeFailures().values().stream().mapToLong(Long::longValue).sum() == 2);

    assertEquals(0, m.connectionsOpen());
    assertEquals(6, m.connectionsAccepted());
    assertEquals(0, m.connectionsRefused().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(4, m.handshakesCompleted());
    assertEquals(1, m.handshakeFailures().get("not-tls"));
    assertEquals(1, m.handshakeFailures().get("protocol-mismatch"), m.handshakeFailures().toString());
    assertEquals(Map.of(200, 2L, 403, 1L, 502, 1L), m.requests());
    assertEquals(Map.of(DENYING_RULE, 1L, "no rule matched", 0L), m.denials());
    assertEquals(1, m.targetErrors().get("refused"));
    assertEquals(1, m.targetErrors().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(bytes[0], m.bytesFromClients());
    assertEquals(bytes[1], m.bytesToClients());
  }

  @Test
  void prometheusTextCarriesTheSameNumbers() throws Exception {
    wrapper = wrapTarget().start();
    runScript();
    WrapperMetrics m = await(x -> x.requestsTotal() == 4 && x.connectionsOpen() == 0
        && x.handshakeFailures().values().stream().mapToLong(Long::longValue).sum() == 2);

    Map<String, Long> samples = PrometheusLines.parse(m.prometheusText());

    assertEquals(m.connectionsAccepted(), samples.get("https_wrapper_connections_accepted_total"));
    assertEquals(m.handshakesCompleted(), samples.get("https_wrapper_tls_handshakes_total"));
    assertEquals(1, samples.get("https_wrapper_tls_handshake_failures_total{reason=\"not-tls\"}"));
    assertEquals(2, samples.get("https_wrapper_requests_total{status=\"200\"}"));
    assertEquals(1, samples.get("https_wrapper_requests_total{status=\"502\"}"));
    assertEquals(1, samples.get("https_wrapper_denials_total{rule=\"" + DENYING_RULE + "\"}"));
    assertEquals(1, samples.get("https_wrapper_target_errors_total{kind=\"refused\"}"));
    assertEquals(m.bytesFromClients(), samples.get("https_wrapper_client_received_bytes_total"));
    assertEquals(m.bytesToClients(), samples.get("https_wrapper_client_sent_bytes_total"));
  }

  @Test
  void aPlainTcpRelayCountsConnectionsAndBytesButNoRequests() throws Exception {
    wrapper = HttpsWrapper.forTarget("127.0.0.1", target.getAddress().getPort())
        .certificate(TestCertificates.localhost())
        .plainTcp()
        .start();
    String request = Raw.get("/tcp");
    String answer = Raw.exchange(wrapper.clientSslContext(), wrapper.port(), request);
    assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);

    WrapperMetrics m = await(x -> x.connectionsOpen() == 0 && x.bytesToClients() == answer.length());

    assertEquals(1, m.handshakesCompleted());
    assertEquals(request.length(), m.bytesFromClients());
    assertEquals(answer.length(), m.bytesToClients());
    assertEquals(Map.of(), m.requests());
  }

  @Test
  void connectionsRefusedByAnAddressRuleAreCountedByReason() throws Exception {
    wrapper = wrapTarget().deny("127.0.0.0/8").start();
    Raw.plain(wrapper.port(), "hello");

    WrapperMetrics m = await(x -> x.connectionsRefused().get("address-rule") == 1);

    assertEquals(1, m.connectionsAccepted());
    assertEquals(1, m.connectionsRefused().get("address-rule"));
    assertEquals(0, m.handshakesCompleted());
  }

  @Test
  void aRequestHeadTimeoutIsCountedAsALimitAndA408() throws Exception {
    wrapper = wrapTarget().requestHeadTimeout(java.time.Duration.ofMillis(300)).start();
    String answer = Raw.exchange(wrapper.clientSslContext(), wrapper.port(), "GET /slow HTTP/1.1\r\nHost: 12");
    assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);

    WrapperMetrics m = await(x -> x.requestsTotal() == 1);

    assertEquals(Map.of(408, 1L), m.requests());
    assertEquals(Map.of("request-head-timeout", 1L), m.limitsReached());
  }

  @Test
  void healthTurns503WhileTheWrapperDrainsARequestInFlight() throws Exception {
    java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    target.createContext(
        "/slow",
        exchange -> {
          arrived.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = "late".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    wrapper = wrapTarget().metricsEndpoint(0).shutdownTimeout(java.time.Duration.ofSeconds(20)).start();
    int metricsPort = wrapper.metricsPort();
    assertTrue(plainGet(metricsPort, "/health").startsWith("HTTP/1.1 200 OK\r\n"));
    java.util.concurrent.CompletableFuture<String> inFlight =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            return Raw.exchange(wrapper.clientSslContext(), wrapper.port(), Raw.get("/slow"));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    arrived.await();
    Thread closing = new Thread(wrapper::close);
    closing.start();

    String health = plainGet(metricsPort, "/health");
    for (int i = 0; i < 500 && health.startsWith("HTTP/1.1 200 "); i++) {
      Thread.sleep(20);
      health = plainGet(metricsPort, "/health");
    }
    release.countDown();

    assertTrue(health.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), health);
    assertTrue(inFlight.get().startsWith("HTTP/1.1 200 "), inFlight.get());
    closing.join();
  }

  @Test
  void theEndpointServesTheWrappersMetricsOnLoopback() throws Exception {
    wrapper = wrapTarget().metricsEndpoint(0).start();
    Raw.exchange(wrapper.clientSslContext(), wrapper.port(), Raw.get("/a"));
    await(x -> x.requestsTotal() == 1);

    String response = plainGet(wrapper.metricsPort(), "/metrics");

    assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    assertEquals(1, PrometheusLines.parse(body).get("https_wrapper_requests_total{status=\"200\"}"));
    assertTrue(plainGet(wrapper.metricsPort(), "/health").endsWith("\r\n\r\nok\n"));
  }

  @Test
  void theEndpointIsClosedWithTheWrapper() throws Exception {
    wrapper = wrapTarget().metricsEndpoint(0).start();
    int port = wrapper.metricsPort();
    wrapper.close();
    assertThrows(IOException.class, () -> plainGet(port, "/health"));
  }

  @Test
  void withoutAnEndpointTheMetricsPortIsMinusOne() throws Exception {
    wrapper = wrapTarget().start();
    assertEquals(-1, wrapper.metricsPort());
  }

  @Test
  void theEndpointRefusesANonLoopbackAddress() throws Exception {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> wrapTarget().metricsEndpoint("0.0.0.0", 9100));
    assertTrue(e.getMessage().startsWith("the metrics endpoint has no password, so it listens on a loopback"
        + " address only (127.0.0.1 or ::1), not 0.0.0.0"), e.getMessage());
  }

  @Test
  void metricsBeforeStartIsAnError() throws Exception {
    HttpsWrapper notStarted = wrapTarget().build();
    assertThrows(IllegalStateException.class, notStarted::metrics);
  }

  private static String plainGet(int port, String path) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
