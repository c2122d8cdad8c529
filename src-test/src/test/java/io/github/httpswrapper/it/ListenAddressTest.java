package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Where the wrapper listens, and the address it reports for it. */
@Timeout(30)
class ListenAddressTest {
  @TempDir Path stateDirectory;
  private final MockWebServer target = new MockWebServer();
  private HttpsWrapper wrapper;

  @BeforeEach
  void startTarget() throws IOException {
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    target.enqueue(new MockResponse.Builder().body("served").build());
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
  }

  @Test
  void uriNamesTheLoopbackAddressAndTheChosenPort() {
    start("127.0.0.1");

    assertEquals("https://127.0.0.1:" + wrapper.port() + "/", wrapper.uri().toString());
  }

  @Test
  void ipv6LoopbackListenerServesItsUri() throws Exception {
    IpRulesTest.assumeIpv6Loopback();
    start("::1");

    HttpResponse<String> response =
        Trust.client(wrapper.clientSslContext())
            .send(HttpRequest.newBuilder(wrapper.uri()).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals("served", response.body());
  }

  @Test
  void ipv6UriIsWrittenInShortForm() {
    IpRulesTest.assumeIpv6Loopback();
    start("::1");

    // RFC 5952: the form people type and read, as in the banner and the logs
    assertEquals("https://[::1]:" + wrapper.port() + "/", wrapper.uri().toString());
  }

  private void start(String listenHost) {
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.getPort())
            .listen(listenHost, 0)
            .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
            .start();
  }
}
