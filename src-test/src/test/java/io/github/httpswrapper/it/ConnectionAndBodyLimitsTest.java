package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The per-client connection limit and the request body limit. */
@Timeout(30)
class ConnectionAndBodyLimitsTest {
  @TempDir Path stateDirectory;
  private JdkTarget target;
  private HttpsWrapper wrapper;
  private final AtomicInteger requestsAtTarget = new AtomicInteger();

  @BeforeEach
  void startTarget() throws IOException {
    target =
        JdkTarget.start(
            exchange -> {
              requestsAtTarget.incrementAndGet();
              byte[] body = exchange.getRequestBody().readAllBytes();
              JdkTarget.respond(exchange, 200, "got " + body.length);
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
  void secondConnectionFromTheSameAddressIsRefusedWhileAnotherAddressIsServed() throws Exception {
    start(b -> b.maxConnectionsPerClient(1));
    InetAddress other = InetAddress.getByName("127.0.0.2");
    Assumptions.assumeTrue(canBind(other), "127.0.0.2 is not a loopback address here");

    try (SSLSocket first = connect(null)) {
      send(first, "GET /first HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertEquals(200, RawResponse.read(first.getInputStream()).orElseThrow().status());

      try (Socket second = new Socket(Ports.LOOPBACK, wrapper.port())) {
        second.setSoTimeout(5000);
        assertTrue(RawResponse.closedAfter(second.getInputStream()), "the second connection should be closed");
      }
      try (SSLSocket fromOther = connect(other)) {
        send(fromOther, "GET /other HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertEquals(200, RawResponse.read(fromOther.getInputStream()).orElseThrow().status());
      }
    }
  }

  @Test
  void contentLengthAboveTheBodyLimitGets413AndReachesNothing() throws Exception {
    start(b -> b.maxRequestBodyBytes(10));

    try (SSLSocket client = connect(null)) {
      send(client, "POST /big HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 11\r\n\r\nhello world");
      RawResponse response = RawResponse.read(client.getInputStream()).orElseThrow();

      assertEquals(413, response.status(), response.toString());
      assertEquals(0, requestsAtTarget.get(), "nothing is forwarded");
    }
  }

  @Test
  void bodyWithinTheLimitIsForwarded() throws Exception {
    start(b -> b.maxRequestBodyBytes(10));

    try (SSLSocket client = connect(null)) {
      send(client, "POST /ok HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n");
      RawResponse response = RawResponse.read(client.getInputStream()).orElseThrow();

      assertEquals(200, response.status(), response.toString());
      assertEquals("got 10", response.bodyText());
    }
  }

  @Test
  void chunkedBodyGrowingPastTheLimitGets413() throws Exception {
    HandOverTarget handOver = new HandOverTarget();
    try {
      wrapper =
          HttpsWrapper.forTarget("127.0.0.1", handOver.port())
              .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
              .maxRequestBodyBytes(10)
              .start();
      try (SSLSocket client = connect(null)) {
        send(client, "POST /big HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
        try (Socket targetSide = handOver.next()) {
          Http1.readHead(targetSide.getInputStream());
          send(client, "6\r\nworld!\r\n0\r\n\r\n");

          RawResponse response = RawResponse.read(client.getInputStream()).orElseThrow();
          assertEquals(413, response.status(), response.toString());
          assertTrue(RawResponse.closedAfter(drained(targetSide)), "the target connection should be closed");
        }
      }
    } finally {
      handOver.close();
    }
  }

  /** The target side's input after what the wrapper forwarded (the first chunk) has been read. */
  private static java.io.InputStream drained(Socket targetSide) throws IOException {
    java.io.InputStream in = targetSide.getInputStream();
    byte[] first = "5\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);
    in.readNBytes(first.length);
    return in;
  }

  private static boolean canBind(InetAddress address) {
    try (Socket probe = new Socket()) {
      probe.bind(new InetSocketAddress(address, 0));
      return true;
    } catch (IOException e) {
      return false;
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

  /** A TLS connection to the wrapper from {@code from} (or the default loopback address). */
  private SSLSocket connect(InetAddress from) throws IOException {
    Socket tcp = new Socket();
    if (from != null) {
      tcp.bind(new InetSocketAddress(from, 0));
    }
    tcp.connect(wrapper.listenAddress(), 5000);
    SSLSocket socket =
        (SSLSocket) wrapper.clientSslContext().getSocketFactory().createSocket(tcp, "127.0.0.1", wrapper.port(), true);
    socket.setSoTimeout(10_000);
    socket.startHandshake();
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }
}
