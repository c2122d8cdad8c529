package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote client used by the access tests really is remote: programs in the namespace reach a server on the
 * host side of the link from their own address, cannot reach the host's loopback, and the namespace is gone after
 * {@code close()}.
 */
@Timeout(60)
class RemoteHostTest {
  @TempDir Path directory;
  private RemoteHost remote;
  private HttpServer server;

  @BeforeEach
  void createRemote() {
    Commands.assumeInstalled("curl", "--version");
    remote = RemoteHost.create();
  }

  @AfterEach
  void cleanUp() {
    if (server != null) {
      server.stop(0);
    }
    if (remote != null) {
      remote.close();
    }
  }

  @Test
  void curlInNamespaceReachesServerOnHostAddressFromClientAddress() throws Exception {
    CompletableFuture<InetAddress> peer = startServer(remote.hostAddress());

    Commands.Result result =
        remote.curl("http://" + remote.hostAddress().getHostAddress() + ":" + port() + "/who").requireSuccess();

    assertEquals("hello remote", result.stdout(), result.toString());
    assertEquals(remote.clientAddress(), peer.get(5, TimeUnit.SECONDS));
  }

  @Test
  void curlInNamespaceReachesServerOverIpv6() throws Exception {
    Assumptions.assumeTrue(remote.hostAddress6().isPresent(), "IPv6 could not be set up on the test link");
    CompletableFuture<InetAddress> peer = startServer(remote.hostAddress6().get());

    Commands.Result result =
        remote.curl("-g", "http://[" + remote.hostAddress6().get().getHostAddress() + "]:" + port() + "/who")
            .requireSuccess();

    assertEquals("hello remote", result.stdout(), result.toString());
    assertEquals(remote.clientAddress6().get(), peer.get(5, TimeUnit.SECONDS));
  }

  @Test
  void namespaceCannotReachTheHostsLoopback() throws Exception {
    startServer(InetAddress.getLoopbackAddress());

    Commands.Result result = remote.curl("--connect-timeout", "3", "http://127.0.0.1:" + port() + "/who");

    assertEquals(7, result.exitCode(), "curl exit code 7 is 'failed to connect'\n" + result);
  }

  @Test
  void javaClientInNamespaceReachesWrapperOnHostAddress() throws Exception {
    try (MockWebServer target = new MockWebServer()) {
      target.start(InetAddress.getByName("127.0.0.1"), 0);
      target.enqueue(new MockResponse.Builder().body("through the wrapper").build());
      String host = remote.hostAddress().getHostAddress();
      try (HttpsWrapper wrapper =
          HttpsWrapper.forTarget("127.0.0.1", target.getPort())
              .listen(host, 0)
              .certificate(CertificateSource.selfSigned().stateDirectory(directory.resolve("state")).names(host))
              .start()) {
        Path trusted = directory.resolve("wrapper.pem");
        wrapper.identity().writeCertificatePem(trusted);

        RawHttps.Exchange exchange =
            remote.javaClient("get", URI.create("https://" + host + ":" + wrapper.port() + "/").toString(),
                trusted.toString());

        assertEquals(200, exchange.responses().get(0).status(), exchange.toString());
        assertEquals("through the wrapper", exchange.responses().get(0).bodyText());
      }
    }
  }

  @Test
  void closeRemovesNamespaceAndLink() {
    assertTrue(remote.exists());
    assertTrue(remote.linkExists());

    remote.close();

    assertFalse(remote.exists(), "namespace " + remote.namespace() + " left behind");
    assertFalse(remote.linkExists(), "veth of " + remote + " left behind");
    remote.close(); // idempotent
  }

  @Test
  void twoRemoteHostsGetDistinctLinks() {
    try (RemoteHost other = RemoteHost.create()) {
      assertNotEquals(remote.namespace(), other.namespace());
      assertNotEquals(remote.hostAddress(), other.hostAddress());
      assertNotEquals(remote.clientAddress(), other.clientAddress());
    }
  }

  /** A JDK server on {@code address} that answers "hello remote" and reports its first peer's address. */
  private CompletableFuture<InetAddress> startServer(InetAddress address) throws IOException {
    CompletableFuture<InetAddress> peer = new CompletableFuture<>();
    server = HttpServer.create(new InetSocketAddress(address, 0), 10);
    server.createContext(
        "/",
        exchange -> {
          peer.complete(exchange.getRemoteAddress().getAddress());
          JdkTarget.respond(exchange, 200, "hello remote");
        });
    server.start();
    return peer;
  }

  private int port() {
    return server.getAddress().getPort();
  }
}
