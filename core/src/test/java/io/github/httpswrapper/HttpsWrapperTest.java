package io.github.httpswrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HttpsWrapperTest {
  private HttpServer target;
  private final java.util.Set<Integer> targetPorts = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private HttpsWrapper wrapper;

  @BeforeEach
  void startTarget() throws IOException {
    target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.createContext(
        "/",
        exchange -> {
          targetPorts.add(exchange.getRemoteAddress().getPort());
          byte[] body = ("hello " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    target.start();
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.stop(0);
  }

  private HttpsWrapper.Builder wrapTarget() throws Exception {
    return HttpsWrapper.forTarget("127.0.0.1", target.getAddress().getPort())
        .certificate(TestCertificates.localhost());
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(wrapper.clientSslContext()).build();
    return client.send(
        HttpRequest.newBuilder(wrapper.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void relaysARequestOverTls() throws Exception {
    wrapper = wrapTarget().start();
    HttpResponse<String> response = get("/blog");
    assertEquals(200, response.statusCode());
    assertEquals("hello /blog", response.body());
    assertEquals("TLSv1.3", response.sslSession().orElseThrow().getProtocol());
  }

  @Test
  void keepAliveRequestsShareOneTargetConnection() throws Exception {
    wrapper = wrapTarget().start();
    // One raw TLS connection: a pooling client could open a second one on its own.
    try (SSLSocket socket =
        (SSLSocket) wrapper.clientSslContext().getSocketFactory().createSocket("127.0.0.1", wrapper.port())) {
      InputStream in = socket.getInputStream();
      for (int i = 0; i < 3; i++) {
        socket.getOutputStream().write(
            ("GET /r" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String head = readHead(in);
        int length = Integer.parseInt(head.replaceAll("(?s).*\r\n[Cc]ontent-[Ll]ength: *([0-9]+)\r\n.*", "$1"));
        assertEquals("hello /r" + i, new String(in.readNBytes(length), StandardCharsets.UTF_8));
      }
    }
    assertEquals(1, targetPorts.size(), "target connections used: " + targetPorts);
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new java.io.EOFException("end of file in a response head: " + head);
      }
      head.append((char) b);
    }
    return head.toString();
  }

  @Test
  void uriNamesTheBoundPort() throws Exception {
    wrapper = wrapTarget().start();
    assertEquals(URI.create("https://127.0.0.1:" + wrapper.port() + "/"), wrapper.uri());
  }

  @Test
  void refusedTargetGives502NamingTheTarget() throws Exception {
    int freePort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      freePort = s.getLocalPort();
    }
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", freePort).certificate(TestCertificates.localhost()).start();
    HttpResponse<String> response = get("/");
    assertEquals(502, response.statusCode());
    assertTrue(
        response.body().contains("127.0.0.1:" + freePort + " refused the connection"), response.body());
  }

  @Test
  void plainHttpOnTheTlsPortIsRedirectedToTheSameUrlOnHttps() throws Exception {
    wrapper = wrapTarget().start();
    try (Socket socket = new Socket("127.0.0.1", wrapper.port())) {
      socket
          .getOutputStream()
          .write(("GET /post?id=7 HTTP/1.1\r\nHost: blog.example:" + wrapper.port() + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 301 "), answer);
      assertTrue(
          answer.contains("\r\nLocation: https://blog.example:" + wrapper.port() + "/post?id=7\r\n"), answer);
    }
  }

  @Test
  void plainHttpWithoutAHostOnTheTlsPortGets400() throws Exception {
    wrapper = wrapTarget().start();
    try (Socket socket = new Socket("127.0.0.1", wrapper.port())) {
      socket.getOutputStream().write("POST /x HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
      assertTrue(answer.contains("serves HTTPS only"), answer);
    }
  }

  @Test
  void deniedAddressIsClosedBeforeTheHandshake() throws Exception {
    wrapper = wrapTarget().deny("127.0.0.0/8").start();
    assertClosedWithoutAnswer();
  }

  @Test
  void addressOutsideTheAllowListIsClosed() throws Exception {
    wrapper = wrapTarget().allow("10.0.0.0/8", "fd00::/8").start();
    assertClosedWithoutAnswer();
  }

  @Test
  void addressInTheAllowListIsServed() throws Exception {
    wrapper = wrapTarget().allow("10.0.0.0/8", "127.0.0.1").start();
    assertEquals(200, get("/").statusCode());
  }

  @Test
  void denyWinsOverAllow() throws Exception {
    wrapper = wrapTarget().allow("127.0.0.0/8").deny("127.0.0.1").start();
    assertClosedWithoutAnswer();
  }

  @Test
  void silentClientIsClosedAfterTheHandshakeTimeout() throws Exception {
    wrapper = wrapTarget().handshakeTimeout(Duration.ofMillis(300)).start();
    try (Socket socket = new Socket("127.0.0.1", wrapper.port())) {
      socket.setSoTimeout(10_000);
      long start = System.nanoTime();
      assertEquals(-1, socket.getInputStream().read());
      assertTrue(System.nanoTime() - start < 8_000_000_000L, "closed by the handshake timeout");
    }
  }

  @Test
  void connectionWithoutARequestGets408AfterTheRequestHeadTimeout() throws Exception {
    wrapper = wrapTarget().requestHeadTimeout(Duration.ofMillis(300)).start();
    try (SSLSocket socket =
        (SSLSocket) wrapper.clientSslContext().getSocketFactory().createSocket("127.0.0.1", wrapper.port())) {
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer);
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosed() throws Exception {
    wrapper = wrapTarget().maxConnections(1).start();
    try (SSLSocket first =
        (SSLSocket) wrapper.clientSslContext().getSocketFactory().createSocket("127.0.0.1", wrapper.port())) {
      first.startHandshake();
      assertClosedWithoutAnswer();
      first.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String answer = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }
  }

  @Test
  void startingTwiceIsAnError() throws Exception {
    wrapper = wrapTarget().start();
    IllegalStateException e = assertThrows(IllegalStateException.class, wrapper::start);
    assertTrue(e.getMessage().contains("already started"), e.getMessage());
  }

  @Test
  void portBeforeStartIsAnError() throws Exception {
    wrapper = wrapTarget().build();
    IllegalStateException e = assertThrows(IllegalStateException.class, wrapper::port);
    assertTrue(e.getMessage().contains("call start() first"), e.getMessage());
  }

  @Test
  void closeCanBeCalledTwice() throws Exception {
    wrapper = wrapTarget().start();
    wrapper.close();
    wrapper.close();
  }

  @Test
  void portInUseFailsWithAHint() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      HttpsWrapper.Builder builder = wrapTarget().listen("127.0.0.1", taken.getLocalPort());
      java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class, builder::start);
      assertTrue(e.getMessage().contains("choose another port"), e.getMessage());
    }
  }

  @Test
  void invalidCidrIsRefusedByTheBuilder() throws Exception {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> wrapTarget().allow("10.0.0.0/33"));
    assertTrue(e.getMessage().contains("prefix length must be 0 to 32"), e.getMessage());
  }

  /** The wrapper closes the connection without a TLS handshake or any byte of answer. */
  private void assertClosedWithoutAnswer() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", wrapper.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      try {
        out.write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00});
        assertEquals(-1, in.read());
      } catch (java.net.SocketException reset) {
        // a reset is also a refusal without an answer
      }
    }
  }
}
