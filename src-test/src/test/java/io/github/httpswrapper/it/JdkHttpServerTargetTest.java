package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Requests through the wrapper to a target made with the JDK's own HTTP server. */
@Timeout(30)
class JdkHttpServerTargetTest {
  /** What the target saw of one request. */
  record Seen(String method, String uri, String clientHeader, String body, int remotePort) {}

  @TempDir Path stateDirectory;
  private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
  private JdkTarget target;
  private HttpsWrapper wrapper;
  private HttpClient client;

  @BeforeEach
  void start() throws IOException {
    target = JdkTarget.start(this::answer);
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
            .start();
    client = Trust.client(wrapper.clientSslContext());
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(
        new Seen(
            exchange.getRequestMethod(),
            exchange.getRequestURI().toString(),
            exchange.getRequestHeaders().getFirst("X-Client"),
            body,
            exchange.getRemoteAddress().getPort()));
    exchange.getResponseHeaders().add("X-Target", "jdk");
    JdkTarget.respond(exchange, exchange.getRequestMethod().equals("POST") ? 201 : 200,
        exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body.length());
  }

  @Test
  void getReachesTargetWithMethodPathQueryAndHeaders() throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(wrapper.uri().resolve("/a/b?c=d&e=%2F"))
                .header("X-Client", "jdk-client")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("GET /a/b?c=d&e=%2F 0", response.body());
    assertEquals("jdk", response.headers().firstValue("X-Target").orElse(null));
    Seen request = taken();
    assertEquals("GET", request.method());
    assertEquals("/a/b?c=d&e=%2F", request.uri());
    assertEquals("jdk-client", request.clientHeader());
  }

  @Test
  void postBodyReachesTargetExactly() throws Exception {
    String body = "{\"greeting\": \"hello\", \"bytes\": \"" + "x".repeat(70_000) + "\"}";

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(wrapper.uri().resolve("/post"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(201, response.statusCode());
    assertEquals("POST /post " + body.length(), response.body());
    Seen request = taken();
    assertEquals("POST", request.method());
    assertEquals(body, request.body());
  }

  @Test
  void requestsOnOneClientConnectionShareOneTargetConnection() throws Exception {
    // One raw TLS connection, so that the client's own connection pooling cannot open a second one.
    try (javax.net.ssl.SSLSocket socket =
        (javax.net.ssl.SSLSocket)
            wrapper.clientSslContext().getSocketFactory().createSocket("127.0.0.1", wrapper.port())) {
      for (int i = 0; i < 4; i++) {
        socket.getOutputStream().write(Http1.get("/" + i, wrapper.port()));
        String head = Http1.readHead(socket.getInputStream());
        assertTrue(head.startsWith("HTTP/1.1 200 "), head);
        socket.getInputStream().readNBytes(Http1.contentLength(head));
      }
    }

    Set<Integer> targetConnections = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      targetConnections.add(taken().remotePort());
    }
    assertEquals(1, targetConnections.size(), "source ports of the target's connections: " + targetConnections);
  }

  private Seen taken() throws InterruptedException {
    Seen request = seen.poll(5, TimeUnit.SECONDS);
    assertNotNull(request, "the target received no request within 5 s");
    return request;
  }
}
