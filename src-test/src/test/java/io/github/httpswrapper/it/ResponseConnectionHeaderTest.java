package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code Connection} header a client gets describes the client's own connection, never the target's: a
 * client that asked for {@code close} is told {@code close} even when the target keeps its connection alive (a
 * client not told would send its next request on a connection about to end), and a target that closes its
 * connection does not end the client's.
 */
@Timeout(30)
class ResponseConnectionHeaderTest {
  @TempDir Path directory;
  private MockWebServer target;
  private HttpsWrapper wrapper;

  @BeforeEach
  void start() throws Exception {
    target = new MockWebServer();
    target.start();
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.getPort())
            .listen("127.0.0.1", 0)
            .certificate(CertificateSource.selfSigned().stateDirectory(directory))
            .start();
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
  }

  @Test
  void clientAskingForCloseIsToldCloseAlthoughTheTargetKeepsAlive() throws Exception {
    target.enqueue(keepAliveAnswer());

    RawHttps.Exchange exchange = exchange(request("HTTP/1.1", "Connection: close\r\n"));

    RawResponse response = exchange.responses().get(0);
    assertEquals(Optional.of("close"), response.header("Connection"), exchange.toString());
    assertTrue(exchange.closed(), exchange.toString());
  }

  @Test
  void targetKeepAliveParametersAreNotPassedOn() throws Exception {
    target.enqueue(keepAliveAnswer());

    RawHttps.Exchange exchange = exchange(request("HTTP/1.1", ""));

    RawResponse response = exchange.responses().get(0);
    assertEquals(Optional.empty(), response.header("Keep-Alive"), exchange.toString());
    assertEquals(Optional.empty(), response.header("Connection"), exchange.toString());
  }

  @Test
  void http10ClientWithoutKeepAliveIsToldClose() throws Exception {
    target.enqueue(keepAliveAnswer());

    RawHttps.Exchange exchange = exchange(request("HTTP/1.0", ""));

    assertEquals(Optional.of("close"), exchange.responses().get(0).header("Connection"), exchange.toString());
    assertTrue(exchange.closed(), exchange.toString());
  }

  @Test
  void http10ClientAskingForKeepAliveIsToldKeepAlive() throws Exception {
    target.enqueue(keepAliveAnswer());
    target.enqueue(keepAliveAnswer());
    byte[] keepAlive = request("HTTP/1.0", "Connection: keep-alive\r\n");

    RawHttps.Exchange exchange = exchange(keepAlive, keepAlive);

    assertEquals(List.of(200, 200), exchange.statuses(), exchange.toString());
    assertEquals(Optional.of("keep-alive"), exchange.responses().get(0).header("Connection"), exchange.toString());
    assertFalse(exchange.closed(), exchange.toString());
  }

  @Test
  void targetClosingItsConnectionKeepsTheClientConnectionOpen() throws Exception {
    target.enqueue(new MockResponse.Builder().body("first").addHeader("Connection", "close").build());
    target.enqueue(new MockResponse.Builder().body("second").build());

    RawHttps.Exchange exchange = exchange(request("HTTP/1.1", ""), request("HTTP/1.1", ""));

    assertEquals(List.of("first", "second"), exchange.responses().stream().map(RawResponse::bodyText).toList(),
        exchange.toString());
    assertEquals(Optional.empty(), exchange.responses().get(0).header("Connection"), exchange.toString());
    assertFalse(exchange.closed(), exchange.toString());
    assertEquals(2, target.getRequestCount());
  }

  private static MockResponse keepAliveAnswer() {
    return new MockResponse.Builder()
        .body("hello")
        .addHeader("Connection", "keep-alive")
        .addHeader("Keep-Alive", "timeout=5, max=100")
        .build();
  }

  private byte[] request(String version, String extraHeaders) {
    return ("GET / " + version + "\r\nHost: 127.0.0.1:" + wrapper.port() + "\r\n" + extraHeaders + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private RawHttps.Exchange exchange(byte[]... requests) throws Exception {
    return RawHttps.sequential(wrapper.clientSslContext(), wrapper.listenAddress(), List.of(requests));
  }
}
