package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code close()} stops gracefully: nothing new is accepted, idle connections close, requests in flight finish
 * within the shutdown timeout and are cut after it.
 */
@Timeout(30)
class GracefulStopTest {
  private static final String BODY = "finished ".repeat(2000);

  @TempDir Path stateDirectory;
  private JdkTarget target;
  private HttpsWrapper wrapper;
  private final CountDownLatch slowRequestArrived = new CountDownLatch(1);

  @BeforeEach
  void startTarget() throws IOException {
    target =
        JdkTarget.start(
            exchange -> {
              String path = exchange.getRequestURI().getPath();
              if (path.startsWith("/sleep/")) {
                slowRequestArrived.countDown();
                try {
                  Thread.sleep(Long.parseLong(path.substring("/sleep/".length())));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              JdkTarget.respond(exchange, 200, BODY);
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
  void requestInFlightCompletesDuringClose() throws Exception {
    start(b -> b);
    try (SSLSocket client = connect()) {
      send(client, "/sleep/1500");
      assertTrue(slowRequestArrived.await(10, TimeUnit.SECONDS));

      CompletableFuture<Void> closing = CompletableFuture.runAsync(wrapper::close);

      RawResponse response = RawResponse.read(client.getInputStream()).orElseThrow();
      assertEquals(200, response.status(), response.head());
      assertEquals(BODY, response.bodyText());
      assertEquals("close", response.header("Connection").orElse(""), "the last response says so");
      closing.get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void newConnectionDuringTheDrainIsRefused() throws Exception {
    start(b -> b);
    int port = wrapper.port();
    try (SSLSocket client = connect()) {
      send(client, "/sleep/3000");
      assertTrue(slowRequestArrived.await(10, TimeUnit.SECONDS));
      CompletableFuture<Void> closing = CompletableFuture.runAsync(wrapper::close);
      awaitRefused(port);
      closing.get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void idleKeepAliveConnectionIsClosedAtOnceWhileARequestDrains() throws Exception {
    start(b -> b);
    try (SSLSocket idle = connect();
        SSLSocket busy = connect()) {
      send(idle, "/quick");
      assertEquals(200, RawResponse.read(idle.getInputStream()).orElseThrow().status());
      send(busy, "/sleep/5000");
      assertTrue(slowRequestArrived.await(10, TimeUnit.SECONDS));

      CompletableFuture<Void> closing = CompletableFuture.runAsync(wrapper::close);

      assertTrue(RawResponse.closedAfter(idle.getInputStream()), "the idle connection should be closed");
      assertTrue(!closing.isDone(), "the idle connection is closed while the request in flight still runs");
      assertEquals(200, RawResponse.read(busy.getInputStream()).orElseThrow().status());
      closing.get(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void requestLongerThanTheShutdownTimeoutIsCut() throws Exception {
    start(b -> b.shutdownTimeout(Duration.ofMillis(300)));
    try (SSLSocket client = connect()) {
      send(client, "/sleep/10000");
      assertTrue(slowRequestArrived.await(10, TimeUnit.SECONDS));

      wrapper.close();

      assertTrue(RawResponse.closedAfter(client.getInputStream()), "the request should be cut without an answer");
    }
  }

  private static void awaitRefused(int port) throws InterruptedException {
    for (int attempt = 0; attempt < 40; attempt++) {
      try (Socket probe = new Socket(Ports.LOOPBACK, port)) {
        if (probe.getLocalPort() == port) {
          return;
        }
      } catch (ConnectException expected) {
        return;
      } catch (IOException e) {
        // try again
      }
      Thread.sleep(50);
    }
    fail("port " + port + " still accepts connections while the wrapper is stopping");
  }

  private void start(UnaryOperator<HttpsWrapper.Builder> settings) {
    wrapper =
        settings
            .apply(
                HttpsWrapper.forTarget("127.0.0.1", target.port())
                    .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory)))
            .start();
  }

  private SSLSocket connect() throws IOException {
    return RawHttps.connect(wrapper.clientSslContext(), wrapper.listenAddress());
  }

  private void send(Socket socket, String path) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(Http1.get(path, wrapper.port()));
    out.flush();
  }
}
