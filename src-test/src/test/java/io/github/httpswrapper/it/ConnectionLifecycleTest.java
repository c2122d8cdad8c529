package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts, the connection limit, many clients at once, and what {@code close()} does to open connections. */
@Timeout(30)
class ConnectionLifecycleTest {
  @TempDir Path stateDirectory;
  private JdkTarget target;
  private HttpsWrapper wrapper;

  @BeforeEach
  void startTarget() throws IOException {
    target =
        JdkTarget.start(
            exchange -> {
              if (exchange.getRequestURI().getPath().equals("/slow")) {
                try {
                  Thread.sleep(10_000);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              JdkTarget.respond(exchange, 200, "ok " + exchange.getRequestURI().getPath());
            });
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
  }

  @Test
  void silentClientIsClosedAfterHandshakeTimeout() throws IOException {
    start(b -> b.handshakeTimeout(Duration.ofMillis(300)));

    try (Socket silent = new Socket(Ports.LOOPBACK, wrapper.port())) {
      assertEndOfFileWithin(silent, Duration.ofSeconds(5));
    }
  }

  @Test
  void idleConnectionIsClosedAfterKeepAliveTimeout() throws IOException {
    start(b -> b.keepAliveTimeout(Duration.ofMillis(500)));

    try (SSLSocket client = tlsClient()) {
      String reply = request(client, "/first");
      assertTrue(reply.endsWith("ok /first"), reply);

      assertEndOfFileWithin(client, Duration.ofSeconds(5));
    }
  }

  @Test
  void connectionBeyondMaxConnectionsIsClosed() throws IOException {
    start(b -> b.maxConnections(1));

    try (SSLSocket first = tlsClient();
        Socket second = new Socket(Ports.LOOPBACK, wrapper.port())) {
      assertEndOfFileWithin(second, Duration.ofSeconds(5));
      assertTrue(request(first, "/still").endsWith("ok /still"), "the first connection keeps working");
    }
  }

  @Test
  void closedConnectionFreesItsSlotUnderMaxConnections() throws Exception {
    start(b -> b.maxConnections(1));
    try (SSLSocket first = tlsClient()) {
      request(first, "/first");
    }

    // the slot is given back when the wrapper notices the close; allow it a moment
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      try (SSLSocket next = tlsClient()) {
        assertTrue(request(next, "/next").endsWith("ok /next"));
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the slot of a closed connection was not given back within 5 s", e);
        }
        Thread.sleep(50);
      }
    }
  }

  @Test
  void manyClientsAtOnceAreAllServed() throws Exception {
    start(b -> b);
    HttpClient client = Trust.client(wrapper.clientSslContext());
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();

    for (int i = 0; i < 32; i++) {
      responses.add(
          client.sendAsync(HttpRequest.newBuilder(wrapper.uri().resolve("/c" + i)).build(),
              HttpResponse.BodyHandlers.ofString()));
    }

    for (int i = 0; i < 32; i++) {
      HttpResponse<String> response = responses.get(i).get();
      assertEquals(200, response.statusCode());
      assertEquals("ok /c" + i, response.body());
    }
  }

  @Test
  void closeEndsOpenConnectionsAndStopsListening() throws Exception {
    start(b -> b.shutdownTimeout(Duration.ofMillis(200)));
    int port = wrapper.port();
    try (SSLSocket client = tlsClient()) {
      client.getOutputStream().write(Http1.get("/slow", port));
      client.getOutputStream().flush();

      wrapper.close();
      wrapper.close();

      assertEndOfFileWithin(client, Duration.ofSeconds(5));
    }
    assertNothingListensOn(port);
  }

  /**
   * Connecting to a closed port is refused. The probe tries for up to two seconds, since closing a listening
   * socket that another thread is blocked on may finish a moment after close() returns, and it ignores the rare
   * case where the kernel picks that same port for the probe itself (the socket connects to itself).
   */
  private static void assertNothingListensOn(int port) throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (Socket probe = new Socket(Ports.LOOPBACK, port)) {
        if (probe.getLocalPort() == port) {
          return;
        }
      } catch (ConnectException expected) {
        return;
      }
      Thread.sleep(100);
    }
    fail("something still listens on port " + port + " two seconds after close()");
  }

  @Test
  void closeAlsoEndsTheTargetSideOfOpenConnections() throws Exception {
    try (ServerSocket rawTarget = new ServerSocket(0, 50, Ports.LOOPBACK)) {
      wrapper =
          HttpsWrapper.forTarget("127.0.0.1", rawTarget.getLocalPort())
              .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
              .shutdownTimeout(Duration.ofMillis(200))
              .start();
      try (SSLSocket client = tlsClient()) {
        client.getOutputStream().write(Http1.get("/hanging", wrapper.port()));
        client.getOutputStream().flush();
        try (Socket targetSide = rawTarget.accept()) {
          targetSide.setSoTimeout(5000);
          Http1.readHead(targetSide.getInputStream());

          wrapper.close();

          assertEndOfFileWithin(targetSide, Duration.ofSeconds(5));
        }
      }
    }
  }

  private void start(UnaryOperator<HttpsWrapper.Builder> settings) {
    wrapper =
        settings
            .apply(
                HttpsWrapper.forTarget("127.0.0.1", target.port())
                    .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory)))
            .start();
  }

  private SSLSocket tlsClient() throws IOException {
    SSLSocket socket = (SSLSocket) wrapper.clientSslContext().getSocketFactory().createSocket();
    var parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    socket.connect(wrapper.listenAddress(), 5000);
    socket.setSoTimeout(10_000);
    socket.startHandshake();
    return socket;
  }

  /** Sends a GET on {@code socket} and reads one response with a content length. */
  private String request(Socket socket, String path) throws IOException {
    socket.getOutputStream().write(Http1.get(path, wrapper.port()));
    socket.getOutputStream().flush();
    InputStream in = socket.getInputStream();
    String head = Http1.readHead(in);
    return head + new String(in.readNBytes(Math.max(0, Http1.contentLength(head))), StandardCharsets.ISO_8859_1);
  }

  private static void assertEndOfFileWithin(Socket socket, Duration timeout) throws IOException {
    socket.setSoTimeout((int) timeout.toMillis());
    try {
      int read = socket.getInputStream().read();
      assertEquals(-1, read, "expected end of file, got a byte");
    } catch (SocketTimeoutException e) {
      fail("the connection was still open after " + timeout);
    } catch (SocketException e) {
      // a reset also ends the connection, which is all that is asked here
    }
  }
}
