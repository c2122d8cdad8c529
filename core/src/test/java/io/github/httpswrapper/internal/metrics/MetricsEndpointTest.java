package io.github.httpswrapper.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class MetricsEndpointTest {
  private final Metrics metrics = new Metrics(List.of());
  private final AtomicBoolean serving = new AtomicBoolean(true);
  private MetricsEndpoint endpoint;

  private MetricsEndpoint start() {
    endpoint =
        MetricsEndpoint.start(InetAddress.getLoopbackAddress(), 0, "test", metrics::snapshot, serving::get);
    return endpoint;
  }

  @AfterEach
  void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  /** Sends {@code request} on a new connection and returns everything the endpoint wrote before closing. */
  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String get(String path) throws IOException {
    return exchange("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  }

  @Test
  void metricsAreServedAsPrometheusText() throws Exception {
    start();
    metrics.answered(200);
    String response = get("/metrics");
    assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
    assertTrue(response.contains("\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"), response);
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    assertEquals(1, PrometheusLines.parse(body).get("https_wrapper_requests_total{status=\"200\"}"));
  }

  @Test
  void healthIsOkWhileServingAnd503WhileStopping() throws Exception {
    start();
    String ok = get("/health");
    assertTrue(ok.startsWith("HTTP/1.1 200 OK\r\n"), ok);
    assertTrue(ok.endsWith("\r\n\r\nok\n"), ok);
    serving.set(false);
    String stopping = get("/health");
    assertTrue(stopping.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), stopping);
    assertTrue(stopping.endsWith("\r\n\r\nstopping\n"), stopping);
  }

  @Test
  void anyOtherPathIs404() throws Exception {
    start();
    assertTrue(get("/").startsWith("HTTP/1.1 404 Not Found\r\n"));
    assertTrue(get("/metrics/x").startsWith("HTTP/1.1 404 Not Found\r\n"));
  }

  @Test
  void otherMethodsAre405() throws Exception {
    start();
    String response = exchange("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    assertTrue(response.startsWith("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\n"), response);
  }

  @Test
  void headAnswersWithoutABody() throws Exception {
    start();
    assertTrue(exchange("HEAD /health HTTP/1.1\r\nHost: x\r\n\r\n").endsWith("Connection: close\r\n\r\n"));
  }

  @Test
  void aMalformedRequestGets400FromTheStrictParser() throws Exception {
    start();
    assertTrue(exchange("GET /metrics HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 400 Bad Request\r\n"));
  }

  @Test
  void aNonLoopbackAddressIsRefusedWithAFix() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MetricsEndpoint.loopback("0.0.0.0"));
    assertEquals(
        "the metrics endpoint has no password, so it listens on a loopback address only (127.0.0.1 or ::1),"
            + " not 0.0.0.0: scrape it on this machine, or reach it through an SSH tunnel",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> MetricsEndpoint.loopback("192.168.1.20"));
    assertThrows(IllegalArgumentException.class, () -> MetricsEndpoint.loopback("example.org"));
  }

  @Test
  void loopbackAddressesAreAccepted() {
    assertTrue(MetricsEndpoint.loopback("::1").isLoopbackAddress());
    assertTrue(MetricsEndpoint.loopback("127.0.0.2").isLoopbackAddress());
    assertTrue(MetricsEndpoint.loopback("localhost").isLoopbackAddress());
  }
}
