package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 128 MiB each way, streamed and hashed on both ends, never held in memory: with a declared length and with
 * chunked transfer coding.
 */
@Timeout(120)
class LargeBodyTest {
  private static final long SIZE = 128 * GeneratedBytes.MIB;
  private static final long SEED = 0x5EED_2024L;

  @TempDir Path stateDirectory;
  private final AtomicReference<GeneratedBytes.Digest> targetDigest = new AtomicReference<>();
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

  /**
   * {@code POST} bodies are hashed as they arrive; {@code GET /fixed} sends 128 MiB with a content length,
   * {@code GET /chunked} without.
   */
  private void answer(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("POST")) {
      GeneratedBytes.Digest received;
      try (InputStream in = exchange.getRequestBody()) {
        received = GeneratedBytes.digest(in);
      }
      targetDigest.set(received);
      JdkTarget.respond(exchange, 200, received.sha256() + " " + received.length());
      return;
    }
    boolean chunked = exchange.getRequestURI().getPath().equals("/chunked");
    exchange.sendResponseHeaders(200, chunked ? 0 : SIZE);
    try (OutputStream out = exchange.getResponseBody()) {
      new GeneratedBytes(SEED, SIZE).transferTo(out);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixed", "chunked"})
  void upload128MiBArrivesIntact(String framing) throws Exception {
    BodyPublisher streamed = BodyPublishers.ofInputStream(() -> new GeneratedBytes(SEED, SIZE));
    BodyPublisher body = framing.equals("chunked") ? streamed : BodyPublishers.fromPublisher(streamed, SIZE);
    GeneratedBytes.Digest sent = GeneratedBytes.digest(new GeneratedBytes(SEED, SIZE));

    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(wrapper.uri().resolve("/upload")).POST(body).build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode(), response.body());
    assertEquals(sent, targetDigest.get());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fixed", "chunked"})
  void download128MiBArrivesIntact(String framing) throws Exception {
    HttpResponse<InputStream> response =
        client.send(HttpRequest.newBuilder(wrapper.uri().resolve("/" + framing)).build(),
            HttpResponse.BodyHandlers.ofInputStream());

    assertEquals(200, response.statusCode());
    GeneratedBytes.Digest received;
    try (InputStream in = response.body()) {
      received = GeneratedBytes.digest(in);
    }
    assertEquals(SIZE, received.length());
    assertEquals(GeneratedBytes.digest(new GeneratedBytes(SEED, SIZE)), received);
  }
}
