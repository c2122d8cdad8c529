package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.Users;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP/1.1 framing survives the request-by-request relay (with an access policy, so every request is parsed and
 * checked): pipelined requests are answered in order, chunked uploads arrive byte for byte, and a WebSocket
 * upgrade turns the connection into a two-way byte stream.
 */
@Timeout(60)
class HttpFramingTest {
  private static final Users USERS =
      Users.builder().user("alice", Users.hashPassword("secret".toCharArray())).build();

  @TempDir Path directory;
  private JdkTarget jdkTarget;
  private MockWebServer mockTarget;
  private HttpsWrapper wrapper;

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    if (jdkTarget != null) {
      jdkTarget.close();
    }
    if (mockTarget != null) {
      mockTarget.close();
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    startJdkTarget();
    int port = wrapper.port();
    List<byte[]> requests = List.of(Http1.get("/one", port), Http1.get("/two", port), Http1.get("/three", port));

    RawHttps.Exchange exchange = RawHttps.pipelined(wrapper.clientSslContext(), wrapper.listenAddress(), requests);

    assertEquals(List.of(200, 200, 200), exchange.statuses(), exchange.toString());
    assertEquals(List.of("GET /one", "GET /two", "GET /three"),
        exchange.responses().stream().map(RawResponse::bodyText).toList());
  }

  @Test
  void pipelinedPostAndGetKeepTheirBodiesApart() throws Exception {
    startJdkTarget();
    byte[] post =
        ("POST /post HTTP/1.1\r\nHost: 127.0.0.1:" + wrapper.port() + "\r\nContent-Length: 11\r\n\r\nhello world")
            .getBytes(StandardCharsets.US_ASCII);

    RawHttps.Exchange exchange =
        RawHttps.pipelined(wrapper.clientSslContext(), wrapper.listenAddress(),
            List.of(post, Http1.get("/after", wrapper.port())));

    assertEquals(List.of(200, 200), exchange.statuses(), exchange.toString());
    assertEquals("POST /post 11 " + sha256("hello world".getBytes(StandardCharsets.US_ASCII)),
        exchange.responses().get(0).bodyText());
    assertEquals("GET /after", exchange.responses().get(1).bodyText());
  }

  @Test
  void chunkedUploadFromCurlArrivesIntact() throws Exception {
    Commands.assumeInstalled("curl", "--version");
    startJdkTarget();
    byte[] body = new GeneratedBytes(42, 3 * GeneratedBytes.MIB + 17).readAllBytes();
    Path file = directory.resolve("upload.bin");
    Files.write(file, body);
    Path trusted = directory.resolve("wrapper.pem");
    wrapper.identity().writeCertificatePem(trusted);

    Commands.Result result =
        Commands.run(Duration.ofSeconds(40),
                List.of("curl", "-sS", "--max-time", "30", "--cacert", trusted.toString(),
                    "-H", "Transfer-Encoding: chunked", "--data-binary", "@" + file,
                    wrapper.uri().resolve("/up").toString()))
            .requireSuccess();

    assertEquals("POST /up " + body.length + " " + sha256(body), result.stdout(), result.toString());
  }

  @Test
  void uploadOfUnknownLengthFromHttpClientArrivesIntact() throws Exception {
    startJdkTarget();
    long length = 2 * GeneratedBytes.MIB + 5;
    String expectedHash = sha256(new GeneratedBytes(7, length).readAllBytes());

    HttpResponse<String> response =
        Trust.client(wrapper.clientSslContext())
            .send(
                HttpRequest.newBuilder(wrapper.uri().resolve("/stream"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBytes(7, length)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode(), response.body());
    assertEquals("POST /stream " + length + " " + expectedHash, response.body());
  }

  @Test
  void webSocketRoundTripThroughTheWrapper() throws Exception {
    mockTarget = new MockWebServer();
    mockTarget.start(InetAddress.getByName("127.0.0.1"), 0);
    mockTarget.enqueue(
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
    startWrapper(mockTarget.getPort());
    CompletableFuture<String> received = new CompletableFuture<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    StringBuilder text = new StringBuilder();
    HttpClient client = Trust.client(wrapper.clientSslContext());

    WebSocket socket =
        client
            .newWebSocketBuilder()
            .buildAsync(
                URI.create("wss://127.0.0.1:" + wrapper.port() + "/socket"),
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

                  @Override
                  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                    closed.complete(statusCode);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    socket.sendText("hello through the policy", true).get(10, TimeUnit.SECONDS);

    assertEquals("echo: hello through the policy", received.get(10, TimeUnit.SECONDS));
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    assertEquals(WebSocket.NORMAL_CLOSURE, closed.get(10, TimeUnit.SECONDS));
  }

  /** A JDK target that answers "METHOD /path" for GET and "METHOD /path LENGTH SHA-256" when there is a body. */
  private void startJdkTarget() throws IOException {
    jdkTarget = JdkTarget.start(exchange -> JdkTarget.respond(exchange, 200, describe(exchange)));
    startWrapper(jdkTarget.port());
  }

  private static String describe(HttpExchange exchange) throws IOException {
    String line = exchange.getRequestMethod() + " " + exchange.getRequestURI();
    if (exchange.getRequestMethod().equals("GET")) {
      return line;
    }
    MessageDigest digest = sha256Digest();
    long count;
    try (InputStream in = new DigestInputStream(exchange.getRequestBody(), digest)) {
      count = in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return line + " " + count + " " + HexFormat.of().formatHex(digest.digest());
  }

  private void startWrapper(int targetPort) {
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", targetPort)
            .certificate(CertificateSource.selfSigned().stateDirectory(directory.resolve("state")))
            .accessPolicy(AccessPolicy.localOpenRemotePassword(USERS))
            .start();
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256Digest().digest(bytes));
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
