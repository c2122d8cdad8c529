package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request and response timeouts: a head that does not arrive (slowloris), an idle keep-alive connection, a
 * request body that pauses, a target that does not answer or stops inside its body.
 */
@Timeout(30)
class RequestTimeoutsTest {
  private static final Duration SHORT = Duration.ofMillis(400);

  @TempDir Path stateDirectory;
  private HttpsWrapper wrapper;
  private JdkTarget jdkTarget;
  private HandOverTarget handOver;

  @AfterEach
  void stop() throws IOException {
    if (wrapper != null) {
      wrapper.close();
    }
    if (jdkTarget != null) {
      jdkTarget.close();
    }
    if (handOver != null) {
      handOver.close();
    }
  }

  @Test
  void halfSentHeadGets408WhileAnotherClientIsServed() throws Exception {
    startWithJdkTarget(b -> b.requestHeadTimeout(SHORT));

    try (SSLSocket slow = connect()) {
      send(slow, "GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ");
      try (SSLSocket normal = connect()) {
        send(normal, new String(Http1.get("/normal", wrapper.port()), StandardCharsets.US_ASCII));
        RawResponse served = RawResponse.read(normal.getInputStream()).orElseThrow();
        assertEquals(200, served.status(), served.toString());
      }

      RawResponse answer = RawResponse.read(slow.getInputStream()).orElseThrow();
      assertEquals(408, answer.status(), answer.toString());
      assertEquals("close", answer.header("Connection").orElse(""));
      assertTrue(RawResponse.closedAfter(slow.getInputStream()), "the connection should be closed after the 408");
    }
  }

  @Test
  void slowlorisTricklingAHeadIsCutAlthoughNeverIdle() throws Exception {
    startWithJdkTarget(b -> b.requestHeadTimeout(Duration.ofMillis(800)));

    try (SSLSocket slowloris = connect()) {
      send(slowloris, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trickle: ");
      AtomicBoolean cut = new AtomicBoolean();
      Thread trickler =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 200 && !cut.get(); i++) {
                    send(slowloris, "a");
                    Thread.sleep(200);
                  }
                } catch (IOException | InterruptedException e) {
                  // the wrapper closed the connection: expected
                }
              });
      trickler.start();
      try {
        RawResponse answer = RawResponse.read(slowloris.getInputStream()).orElseThrow();
        assertEquals(408, answer.status(), answer.toString());
      } finally {
        cut.set(true);
        trickler.join();
      }
    }
  }

  @Test
  void idleKeepAliveConnectionIsClosedSilentlyAfterKeepAliveTimeout() throws Exception {
    startWithJdkTarget(b -> b.keepAliveTimeout(SHORT));

    try (SSLSocket client = connect()) {
      send(client, new String(Http1.get("/first", wrapper.port()), StandardCharsets.US_ASCII));
      assertEquals(200, RawResponse.read(client.getInputStream()).orElseThrow().status());

      assertEquals(-1, client.getInputStream().read(), "closed without another response");
    }
  }

  @Test
  void keepAliveConnectionStaysUsableWithinKeepAliveTimeout() throws Exception {
    startWithJdkTarget(b -> b.keepAliveTimeout(Duration.ofSeconds(20)).requestHeadTimeout(Duration.ofMillis(300)));

    try (SSLSocket client = connect()) {
      for (int i = 0; i < 2; i++) {
        send(client, new String(Http1.get("/again", wrapper.port()), StandardCharsets.US_ASCII));
        assertEquals(200, RawResponse.read(client.getInputStream()).orElseThrow().status());
        // longer than the head timeout: waiting between requests is not sending a head
        Thread.sleep(600);
      }
    }
  }

  @Test
  void pausedRequestBodyGets408AndTheTargetConnectionIsClosed() throws Exception {
    startWithHandOverTarget(b -> b.requestBodyTimeout(SHORT));

    try (SSLSocket client = connect()) {
      send(client, "POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nabc");
      try (Socket targetSide = handOver.next()) {
        RawResponse answer = RawResponse.read(client.getInputStream()).orElseThrow();
        assertEquals(408, answer.status(), answer.toString());

        assertTrue(endsAfterAnything(targetSide.getInputStream()), "the target connection should be closed");
      }
    }
  }

  @Test
  void targetThatDoesNotAnswerGets504() throws Exception {
    startWithHandOverTarget(b -> b.responseTimeout(SHORT));

    try (SSLSocket client = connect()) {
      send(client, new String(Http1.get("/never", wrapper.port()), StandardCharsets.US_ASCII));
      try (Socket targetSide = handOver.next()) {
        RawResponse answer = RawResponse.read(client.getInputStream()).orElseThrow();
        assertEquals(504, answer.status(), answer.toString());
      }
    }
  }

  @Test
  void targetStallingInsideALengthBodyGivesAResponseThatIsVisiblyCut() throws Exception {
    startWithHandOverTarget(b -> b.responseTimeout(SHORT));

    byte[] received = responseFromStallingTarget("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789");

    String text = new String(received, StandardCharsets.ISO_8859_1);
    String body = text.substring(text.indexOf("\r\n\r\n") + 4);
    assertTrue(text.startsWith("HTTP/1.1 200"), text);
    assertTrue(body.length() < 100, "the body must stay short of its Content-Length: " + text);
  }

  @Test
  void targetStallingInsideAChunkedBodyGivesAResponseWithoutLastChunk() throws Exception {
    startWithHandOverTarget(b -> b.responseTimeout(SHORT));

    byte[] received =
        responseFromStallingTarget("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");

    String text = new String(received, StandardCharsets.ISO_8859_1);
    assertTrue(text.startsWith("HTTP/1.1 200"), text);
    assertFalse(text.contains("0\r\n\r\n"), "a cut chunked body must not end with a last chunk: " + text);
  }

  /** Everything the client receives until the connection ends, after the target sent {@code partial}. */
  private byte[] responseFromStallingTarget(String partial) throws Exception {
    try (SSLSocket client = connect()) {
      send(client, new String(Http1.get("/stall", wrapper.port()), StandardCharsets.US_ASCII));
      try (Socket targetSide = handOver.next()) {
        Http1.readHead(targetSide.getInputStream());
        targetSide.getOutputStream().write(partial.getBytes(StandardCharsets.ISO_8859_1));
        targetSide.getOutputStream().flush();
        return readUntilClosed(client.getInputStream());
      }
    }
  }

  private static byte[] readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
      }
    } catch (java.net.SocketTimeoutException e) {
      throw new AssertionError("the connection was not closed: " + out.toString(StandardCharsets.ISO_8859_1), e);
    } catch (IOException e) {
      // a reset ends it too
    }
    return out.toByteArray();
  }

  /** Reads until the peer closes; true when it did (end of file or reset) before the read timeout. */
  private static boolean endsAfterAnything(InputStream in) throws IOException {
    byte[] buffer = new byte[4096];
    try {
      while (in.read(buffer) >= 0) {
        // what the wrapper forwarded of the request
      }
      return true;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private void startWithJdkTarget(UnaryOperator<HttpsWrapper.Builder> settings) throws IOException {
    jdkTarget = JdkTarget.start(exchange -> JdkTarget.respond(exchange, 200, "ok"));
    wrapper = settings.apply(builder(jdkTarget.port())).start();
  }

  private void startWithHandOverTarget(UnaryOperator<HttpsWrapper.Builder> settings) throws IOException {
    handOver = new HandOverTarget();
    wrapper = settings.apply(builder(handOver.port())).start();
  }

  private HttpsWrapper.Builder builder(int targetPort) {
    return HttpsWrapper.forTarget("127.0.0.1", targetPort)
        .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory));
  }

  private SSLSocket connect() throws IOException {
    return RawHttps.connect(wrapper.clientSslContext(), wrapper.listenAddress());
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }
}
