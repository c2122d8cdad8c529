package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Address rules are judged on the TCP peer before any TLS: a refused client's connection is closed without a
 * word (a raw socket reads end of file), an allowed one is served.
 */
@Timeout(30)
class IpRulesTest {
  @TempDir Path stateDirectory;
  private final MockWebServer target = new MockWebServer();
  private HttpsWrapper wrapper;

  @BeforeEach
  void startTarget() throws IOException {
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    for (int i = 0; i < 5; i++) {
      target.enqueue(new MockResponse.Builder().body("served").build());
    }
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
  }

  @Test
  void deniedLoopbackSeesConnectionClosedBeforeHandshake() throws Exception {
    start(b -> b.deny("127.0.0.0/8"));

    assertClosedWithoutAWord();
  }

  @Test
  void deniedLoopbackHttpClientGetsIoException() {
    start(b -> b.deny("127.0.0.0/8"));
    HttpClient client = Trust.client(wrapper.clientSslContext());

    assertThrows(IOException.class, () -> get(client));
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void allowListWithoutLoopbackRefusesLoopback() throws Exception {
    start(b -> b.allow("10.0.0.0/8"));

    assertClosedWithoutAWord();
  }

  @Test
  void allowedLoopbackAddressIsServed() throws Exception {
    start(b -> b.allow("127.0.0.1/32"));

    assertEquals("served", get(Trust.client(wrapper.clientSslContext())).body());
  }

  @Test
  void denyOfAnotherBlockLeavesLoopbackServed() throws Exception {
    start(b -> b.deny("10.0.0.0/8", "192.168.0.0/16"));

    assertEquals("served", get(Trust.client(wrapper.clientSslContext())).body());
  }

  @Test
  void denyWinsOverAllow() throws Exception {
    start(b -> b.allow("127.0.0.0/8").deny("127.0.0.1/32"));

    assertClosedWithoutAWord();
  }

  @Test
  void allowedIpv6LoopbackIsServed() throws Exception {
    assumeIpv6Loopback();
    start(b -> b.listen("::1", 0).allow("::1/128"));

    assertEquals("served", get(Trust.client(wrapper.clientSslContext())).body());
  }

  @Test
  void deniedIpv6LoopbackSeesConnectionClosed() throws Exception {
    assumeIpv6Loopback();
    start(b -> b.listen("::1", 0).deny("::1/128"));

    assertClosedWithoutAWord();
  }

  private void start(UnaryOperator<HttpsWrapper.Builder> rules) {
    wrapper =
        rules
            .apply(
                HttpsWrapper.forTarget("127.0.0.1", target.getPort())
                    .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory)))
            .start();
  }

  private HttpResponse<String> get(HttpClient client) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(wrapper.uri()).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Connects with a plain socket, sends nothing, and expects the wrapper to close: end of file, no bytes. */
  private void assertClosedWithoutAWord() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(wrapper.listenAddress(), 5000);
      socket.setSoTimeout(5000);
      InputStream in = socket.getInputStream();
      int first;
      try {
        first = in.read();
      } catch (SocketTimeoutException e) {
        fail("the refused connection was left open (no end of file within 5 s)");
        return;
      } catch (SocketException e) {
        fail("the refused connection was reset instead of closed: " + e);
        return;
      }
      assertEquals(-1, first, "a refused client should read end of file, without a byte");
    }
    assertEquals(0, target.getRequestCount(), "the target should not have been reached");
  }

  static void assumeIpv6Loopback() {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
      Assumptions.assumeTrue(probe.getInetAddress() instanceof Inet6Address, "no IPv6 loopback");
    } catch (IOException e) {
      Assumptions.abort("no IPv6 loopback: " + e);
    }
  }
}
