package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.Users;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trusted balancer in front of the wrapper names the real client in a PROXY protocol header, sent in clear
 * before the TLS handshake; the access policy judges that client, not the balancer.
 */
@Timeout(30)
class ProxyProtocolTest {
  @TempDir Path stateDirectory;
  private final AtomicReference<String> forwardedFor = new AtomicReference<>();
  private JdkTarget target;
  private HttpsWrapper wrapper;

  @BeforeEach
  void start() throws IOException {
    target =
        JdkTarget.start(
            exchange -> {
              forwardedFor.set(exchange.getRequestHeaders().getFirst("X-Forwarded-For"));
              JdkTarget.respond(exchange, 200, "ok");
            });
    Users users = Users.builder().user("alice", Users.hashPassword("secret".toCharArray())).build();
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
            .accessPolicy(AccessPolicy.localOpenRemotePassword(users))
            .trustedProxies("127.0.0.1")
            .proxyProtocol()
            .start();
  }

  @AfterEach
  void stop() {
    wrapper.close();
    target.close();
  }

  @Test
  void remoteClientNamedByTheBalancerNeedsAPassword() throws IOException {
    RawResponse response = getThroughBalancer("PROXY TCP4 203.0.113.7 127.0.0.1 40000 443\r\n");
    assertTrue(response.head().startsWith("HTTP/1.1 401 "), response.head());
  }

  @Test
  void localClientNamedByTheBalancerIsServedAndTheTargetSeesIt() throws IOException {
    RawResponse response = getThroughBalancer("PROXY TCP4 127.0.0.1 127.0.0.1 40000 443\r\n");
    assertTrue(response.head().startsWith("HTTP/1.1 200 "), response.head());
    assertEquals("127.0.0.1", forwardedFor.get());
  }

  @Test
  void theTargetSeesTheClientFromTheHeaderNotTheBalancer() throws IOException {
    RawResponse response =
        getThroughBalancer(
            "PROXY TCP4 203.0.113.7 127.0.0.1 40000 443\r\n",
            "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8)) + "\r\n");
    assertTrue(response.head().startsWith("HTTP/1.1 200 "), response.head());
    assertEquals("203.0.113.7", forwardedFor.get());
  }

  @Test
  void aMalformedHeaderFromTheBalancerClosesTheConnection() throws IOException {
    try (Socket socket = new Socket(Ports.LOOPBACK, wrapper.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("PROXY TCP4 not-an-address 127.0.0.1 1 2\r\n".getBytes(StandardCharsets.US_ASCII));
      assertEquals(-1, socket.getInputStream().read());
    }
  }

  private RawResponse getThroughBalancer(String proxyHeader, String... extraHeaders) throws IOException {
    Socket plain = new Socket(Ports.LOOPBACK, wrapper.port());
    plain.setSoTimeout(10_000);
    plain.getOutputStream().write(proxyHeader.getBytes(StandardCharsets.US_ASCII));
    try (SSLSocket tls =
        (SSLSocket)
            wrapper.clientSslContext().getSocketFactory().createSocket(plain, "127.0.0.1", wrapper.port(), true)) {
      OutputStream out = tls.getOutputStream();
      StringBuilder request =
          new StringBuilder("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + wrapper.port() + "\r\nConnection: close\r\n");
      for (String header : extraHeaders) {
        request.append(header);
      }
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return RawResponse.read(tls.getInputStream()).orElseThrow();
    }
  }
}
