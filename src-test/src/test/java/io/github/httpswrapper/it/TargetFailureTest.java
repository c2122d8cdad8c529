package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.net.BindException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A target that is down or does not answer its port: 502 or 504 naming it, and the wrapper carries on. */
@Timeout(30)
class TargetFailureTest {
  @TempDir Path stateDirectory;
  private HttpsWrapper wrapper;

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
  }

  @Test
  void targetDownGives502NamingTheTarget() throws Exception {
    int port = Ports.unusedPort();
    HttpClient client = clientOf(start(HttpsWrapper.forTarget("127.0.0.1", port)));

    HttpResponse<String> response = get(client);

    assertEquals(502, response.statusCode());
    assertTrue(response.body().contains("127.0.0.1:" + port), "body: " + response.body());
    assertFalse(response.body().strip().contains("\n"), "one line expected, body: " + response.body());
  }

  @Test
  void wrapperServesAgainOnceTheTargetIsBack() throws Exception {
    int port = Ports.unusedPort();
    HttpClient client = clientOf(start(HttpsWrapper.forTarget("127.0.0.1", port)));
    assertEquals(502, get(client).statusCode());

    try (JdkTarget target = startOn(port)) {
      HttpResponse<String> response = get(client);

      assertEquals(200, response.statusCode());
      assertEquals("back", response.body());
    }
  }

  @Test
  void targetThatDoesNotAcceptGives504WithinConnectTimeout() throws Exception {
    try (StalledListener stalled = StalledListener.start()) {
      HttpClient client =
          clientOf(
              start(HttpsWrapper.forTarget("127.0.0.1", stalled.port()).connectTimeout(Duration.ofMillis(500))));

      long started = System.nanoTime();
      HttpResponse<String> response = get(client);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertEquals(504, response.statusCode(), response.body());
      assertTrue(response.body().contains("127.0.0.1:" + stalled.port()), "body: " + response.body());
      // the default connect timeout is 5 s; the configured 500 ms must be the one applied
      assertTrue(took.compareTo(Duration.ofMillis(4500)) < 0, "504 took " + took);
    }
  }

  private HttpsWrapper start(HttpsWrapper.Builder builder) {
    wrapper = builder.certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory)).start();
    return wrapper;
  }

  private static HttpClient clientOf(HttpsWrapper wrapper) {
    return Trust.client(wrapper.clientSslContext());
  }

  private HttpResponse<String> get(HttpClient client) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(wrapper.uri()).timeout(Duration.ofSeconds(15)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JdkTarget startOn(int port) throws IOException {
    try {
      return JdkTarget.start(port, exchange -> JdkTarget.respond(exchange, 200, "back"));
    } catch (BindException e) {
      return Assumptions.abort("port " + port + " was taken by someone else meanwhile: " + e.getMessage());
    }
  }
}
