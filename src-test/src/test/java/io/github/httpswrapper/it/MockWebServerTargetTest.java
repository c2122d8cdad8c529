package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Requests through the wrapper to a mockwebserver3 target, with the JDK's HttpClient trusting only the wrapper. */
@Timeout(30)
class MockWebServerTargetTest {
  @TempDir Path stateDirectory;
  private final MockWebServer target = new MockWebServer();
  private HttpsWrapper wrapper;
  private HttpClient client;

  @BeforeEach
  void start() throws IOException {
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.getPort())
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

  @Test
  void getReachesTargetWithMethodPathQueryAndHeaders() throws Exception {
    target.enqueue(new MockResponse.Builder().body("hello").build());

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(wrapper.uri().resolve("/some/path?q=1&r=a%20b"))
                .header("X-Client", "abc")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    RecordedRequest seen = taken();
    assertEquals("GET", seen.getMethod());
    assertEquals("/some/path?q=1&r=a%20b", seen.getTarget());
    assertEquals("abc", seen.getHeaders().get("X-Client"));
  }

  @Test
  void postBodyReachesTargetExactly() throws Exception {
    target.enqueue(new MockResponse.Builder().code(201).body("created").build());
    String body = "name=value&x=1&unicode=\u00e9\u4e2d";

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(wrapper.uri().resolve("/items"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(201, response.statusCode());
    assertEquals("created", response.body());
    RecordedRequest seen = taken();
    assertEquals("POST", seen.getMethod());
    assertEquals("/items", seen.getTarget());
    assertEquals(body, seen.getBody().utf8());
    assertEquals(
        "application/x-www-form-urlencoded; charset=utf-8", seen.getHeaders().get("Content-Type"));
  }

  @Test
  void targetStatusHeadersAndBodyReachClient() throws Exception {
    target.enqueue(
        new MockResponse.Builder()
            .code(404)
            .addHeader("X-Target", "yes")
            .addHeader("Set-Cookie", "a=1")
            .addHeader("Set-Cookie", "b=2")
            .body("no such thing")
            .build());

    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(wrapper.uri().resolve("/missing")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(404, response.statusCode());
    assertEquals("no such thing", response.body());
    assertEquals(List.of("yes"), response.headers().allValues("X-Target"));
    assertEquals(List.of("a=1", "b=2"), response.headers().allValues("Set-Cookie"));
  }

  @Test
  void chunkedResponseReachesClientWhole() throws Exception {
    String body = "0123456789".repeat(1000);
    target.enqueue(new MockResponse.Builder().chunkedBody(body, 777).build());

    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(wrapper.uri()).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals(body, response.body());
  }

  @Test
  void requestsOnOneClientConnectionShareOneTargetConnection() throws Exception {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      target.enqueue(new MockResponse.Builder().body("response " + i).build());
    }
    // One raw TLS connection, so that the client's own connection pooling cannot open a second one.
    try (javax.net.ssl.SSLSocket socket =
        (javax.net.ssl.SSLSocket)
            wrapper.clientSslContext().getSocketFactory().createSocket("127.0.0.1", wrapper.port())) {
      for (int i = 0; i < 3; i++) {
        socket.getOutputStream().write(Http1.get("/r" + i, wrapper.port()));
        String head = Http1.readHead(socket.getInputStream());
        bodies.add(
            new String(
                socket.getInputStream().readNBytes(Http1.contentLength(head)),
                java.nio.charset.StandardCharsets.UTF_8));
      }
    }

    assertEquals(List.of("response 0", "response 1", "response 2"), bodies);
    for (int i = 0; i < 3; i++) {
      RecordedRequest seen = taken();
      assertEquals("/r" + i, seen.getTarget());
      assertEquals(0, seen.getConnectionIndex(), "target connection of request " + i);
      assertEquals(i, seen.getExchangeIndex(), "exchange index on that connection");
    }
  }

  @Test
  void clientOfferingHttp2IsServedHttp11() throws Exception {
    target.enqueue(new MockResponse.Builder().body("one point one").build());
    HttpClient http2Client =
        HttpClient.newBuilder()
            .sslContext(wrapper.clientSslContext())
            .version(HttpClient.Version.HTTP_2)
            .build();

    HttpResponse<String> response =
        http2Client.send(HttpRequest.newBuilder(wrapper.uri()).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(HttpClient.Version.HTTP_1_1, response.version());
    assertEquals("one point one", response.body());
  }

  @Test
  void webSocketUpgradeCarriesMessagesBothWays() throws Exception {
    target.enqueue(
        new MockResponse.Builder()
            .webSocketUpgrade(
                new WebSocketListener() {
                  @Override
                  public void onMessage(okhttp3.WebSocket webSocket, String text) {
                    webSocket.send("echo: " + text);
                  }

                  @Override
                  public void onClosing(okhttp3.WebSocket webSocket, int code, String reason) {
                    webSocket.close(code, reason);
                  }
                })
            .build());
    CompletableFuture<String> received = new CompletableFuture<>();
    StringBuilder text = new StringBuilder();
    URI wss = URI.create("wss://127.0.0.1:" + wrapper.port() + "/socket");

    WebSocket socket =
        client
            .newWebSocketBuilder()
            .buildAsync(
                wss,
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      received.complete(text.toString());
                    }
                    webSocket.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    socket.sendText("hello over TLS", true).get(10, TimeUnit.SECONDS);

    assertEquals("echo: hello over TLS", received.get(10, TimeUnit.SECONDS));
    assertEquals("/socket", taken().getTarget());
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
  }

  private RecordedRequest taken() throws InterruptedException {
    RecordedRequest request = target.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the target received no request within 5 s");
    }
    return request;
  }
}
