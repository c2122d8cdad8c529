package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections that hold the wrapper's threads while a slow target keeps them waiting. With platform threads
 * (Java 17) the pool is bounded by {@code maxConnections}: past it a connection is closed at once, cleanly, and
 * the slot comes back when a busy connection ends. With virtual threads (Java 21+) thousands of waiting requests
 * cost no carrier: a new client is still served at once.
 */
@Timeout(180)
class ExhaustionTest {
  @TempDir Path stateDirectory;
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger held = new AtomicInteger();
  private ScriptedTarget target;
  private HttpsWrapper wrapper;

  @BeforeEach
  void startTarget() throws IOException {
    target =
        ScriptedTarget.start(
            (connection, head) -> {
              if (ScriptedTarget.path(head).equals("/hold")) {
                held.incrementAndGet();
                release.await();
                return ScriptedTarget.ok(connection, "released");
              }
              return ScriptedTarget.ok(connection, "healthy");
            });
  }

  @AfterEach
  void stop() throws IOException {
    release.countDown();
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
  }

  @Test
  void pastMaxConnectionsOfBusyConnectionsANewOneIsClosedCleanlyAndServedOnceOneEnds() throws Exception {
    start(b -> b.maxConnections(2));
    Resources baseline = Resources.take(wrapper);
    List<SSLSocket> busy = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        SSLSocket socket = RawHttps.connect(wrapper.clientSslContext(), wrapper.listenAddress());
        busy.add(socket);
        socket.getOutputStream().write(Http1.get("/hold", wrapper.port()));
        socket.getOutputStream().flush();
      }
      awaitHeld(2);

      // closed when accepted: the handshake meets an end of file (or a reset), it does not hang
      assertThrows(IOException.class,
          () -> RawHttps.connect(wrapper.clientSslContext(), wrapper.listenAddress()).close());

      release.countDown();
      for (SSLSocket socket : busy) {
        assertTrue(readResponse(socket).endsWith("released"));
      }
    } finally {
      for (SSLSocket socket : busy) {
        socket.close();
      }
    }
    assertEquals(200, getWithRetry("/healthy"));
    Resources.awaitBackTo(baseline, wrapper, 0, Duration.ofSeconds(15));
  }

  @Test
  void withVirtualThreadsANewClientIsServedWhileTwoThousandRequestsWaitOnASlowTarget() throws Exception {
    Assumptions.assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21 or later");
    int waiting = 2000;
    start(b -> b);
    Resources baseline = Resources.take(wrapper);
    ExecutorService opener = Executors.newFixedThreadPool(4);
    List<Future<SSLSocket>> opened = new ArrayList<>();
    try {
      for (int i = 0; i < waiting; i++) {
        int index = i;
        opened.add(
            opener.submit(
                () -> {
                  SSLSocket socket = ManyClients.tls(index, wrapper.clientSslContext(), wrapper.listenAddress());
                  socket.getOutputStream().write(Http1.get("/hold", wrapper.port()));
                  socket.getOutputStream().flush();
                  return socket;
                }));
      }
      List<SSLSocket> sockets = new ArrayList<>();
      for (Future<SSLSocket> future : opened) {
        sockets.add(future.get(60, TimeUnit.SECONDS));
      }
      awaitHeld(waiting);

      HttpResponse<String> fresh = get("/healthy");

      assertEquals(200, fresh.statusCode());
      assertEquals("healthy", fresh.body());
      release.countDown();
      for (SSLSocket socket : sockets) {
        assertTrue(readResponse(socket).endsWith("released"));
        socket.close();
      }
    } finally {
      opener.shutdownNow();
      for (Future<SSLSocket> future : opened) {
        if (future.isDone() && !future.isCancelled()) {
          try {
            future.get().close();
          } catch (Exception e) {
            // failed to open: nothing to close
          }
        }
      }
    }
    Resources.awaitBackTo(baseline, wrapper, 0, Duration.ofSeconds(30));
  }

  private void start(UnaryOperator<HttpsWrapper.Builder> settings) {
    wrapper =
        settings
            .apply(
                HttpsWrapper.forTarget("127.0.0.1", target.port())
                    .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory)))
            .start();
  }

  private void awaitHeld(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (held.get() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + held.get() + " of " + count + " requests reached the target");
      }
      Thread.sleep(20);
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpClient client = Trust.client(wrapper.clientSslContext());
    return client.send(
        HttpRequest.newBuilder(wrapper.uri().resolve(path)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The slot of an ended connection is given back when the wrapper notices the end: allow it a moment. */
  private int getWithRetry(String path) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      try {
        return RawHttps.sequential(wrapper.clientSslContext(), wrapper.listenAddress(),
            List.of(Http1.get(path, wrapper.port()))).statuses().get(0);
      } catch (IOException | IndexOutOfBoundsException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no connection was served within 5 s after the busy ones ended", e);
        }
        Thread.sleep(50);
      }
    }
  }

  private static String readResponse(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    String head = Http1.readHead(in);
    return head + new String(in.readNBytes(Math.max(0, Http1.contentLength(head))));
  }
}
