package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS 1.3 half-close in the plain TCP relay: a client's close_notify reaches the target as end of file while the
 * reply still flows back, and a target's end of file reaches the client after all the data. (The HTTP relay
 * frames requests itself and never needs the client's end of file to end one.)
 */
@Timeout(30)
class HalfCloseTest {
  /** What a scripted target does with its one connection; returns what it read. */
  interface Script {
    String run(Socket connection) throws IOException, InterruptedException;
  }

  @TempDir Path stateDirectory;
  private final ExecutorService executor = Executors.newSingleThreadExecutor();
  private final CountDownLatch clientSawEnd = new CountDownLatch(1);
  private ServerSocket target;
  private HttpsWrapper wrapper;

  @BeforeEach
  void start() throws IOException {
    target = new ServerSocket(0, 50, Ports.LOOPBACK);
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.getLocalPort())
            .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
            .plainTcp()
            .start();
  }

  @AfterEach
  void stop() throws IOException {
    wrapper.close();
    target.close();
    executor.shutdownNow();
  }

  @Test
  void clientHalfCloseReachesTargetAsEndOfFileAndReplyStillArrives() throws Exception {
    CompletableFuture<String> targetRead =
        serveOnce(
            connection -> {
              String request = readToEnd(connection.getInputStream(), "the target never saw end of file");
              byte[] body = ("read " + request.length() + " bytes to end of file").getBytes(StandardCharsets.US_ASCII);
              connection.getOutputStream().write(
                  ("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
              connection.getOutputStream().write(body);
              connection.getOutputStream().flush();
              return request;
            });

    try (SSLSocket client = tls13Client()) {
      client.getOutputStream().write(
          ("POST /half HTTP/1.1\r\nHost: 127.0.0.1:" + wrapper.port() + "\r\nContent-Length: 5\r\n\r\nhello")
              .getBytes(StandardCharsets.US_ASCII));
      client.getOutputStream().flush();
      client.shutdownOutput();

      String request = targetRead.get(15, TimeUnit.SECONDS);
      String reply = readToEnd(client.getInputStream(), "the client never got the reply after its half-close");

      assertTrue(request.startsWith("POST /half HTTP/1.1\r\n"), request);
      assertTrue(request.endsWith("\r\n\r\nhello"), request);
      assertTrue(reply.startsWith("HTTP/1.1 200 OK\r\n"), reply);
      assertTrue(reply.endsWith("to end of file"), reply);
    }
  }

  @Test
  void targetEndOfFileReachesClientAfterAllData() throws Exception {
    String body = "streamed until close; ".repeat(5000);
    CompletableFuture<String> targetRead =
        serveOnce(
            connection -> {
              String head = Http1.readHead(connection.getInputStream());
              connection.getOutputStream().write(
                  ("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
              connection.getOutputStream().flush();
              connection.shutdownOutput();
              // only the target's output has ended: its connection stays open until the client saw the end
              clientSawEnd.await(10, TimeUnit.SECONDS);
              return head;
            });

    try (SSLSocket client = tls13Client()) {
      client.getOutputStream().write(Http1.get("/stream", wrapper.port()));
      client.getOutputStream().flush();

      String reply = readToEnd(client.getInputStream(), "the client never saw end of file after the data");
      clientSawEnd.countDown();

      assertTrue(reply.startsWith("HTTP/1.1 200 OK\r\n"), reply.substring(0, Math.min(200, reply.length())));
      assertEquals(body, reply.substring(reply.indexOf("\r\n\r\n") + 4));
      assertTrue(targetRead.get(10, TimeUnit.SECONDS).startsWith("GET /stream HTTP/1.1\r\n"));
    }
  }

  private CompletableFuture<String> serveOnce(Script script) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket connection = target.accept()) {
            connection.setSoTimeout(10_000);
            return script.run(connection);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        },
        executor);
  }

  /** A TLS 1.3 connection to the wrapper that trusts only its certificate and checks its address. */
  private SSLSocket tls13Client() throws IOException {
    SSLSocket socket = (SSLSocket) wrapper.clientSslContext().getSocketFactory().createSocket();
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setProtocols(new String[] {"TLSv1.3"});
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    parameters.setApplicationProtocols(new String[] {"http/1.1"});
    socket.setSSLParameters(parameters);
    socket.connect(wrapper.listenAddress(), 5000);
    socket.setSoTimeout(10_000);
    socket.startHandshake();
    assertEquals("TLSv1.3", socket.getSession().getProtocol());
    return socket;
  }

  private static String readToEnd(InputStream in, String timeoutMessage) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError(timeoutMessage + " (read " + bytes.size() + " bytes: "
          + bytes.toString(StandardCharsets.ISO_8859_1) + ")", e);
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }
}
