package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.AccessPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 1, a trusted network: every client that can connect is served over HTTPS without a password. */
@Timeout(60)
class TrustedNetworkTest {
  @TempDir Path directory;
  private final MockWebServer target = new MockWebServer();
  private RemoteHost remote;
  private LinkedWrapper wrapper;

  @BeforeEach
  void start() throws IOException {
    Commands.assumeInstalled("curl", "--version");
    remote = RemoteHost.create();
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    target.enqueue(new MockResponse.Builder().body("served").build());
    wrapper = LinkedWrapper.start(remote, target.getPort(), directory,
        b -> b.accessPolicy(AccessPolicy.trustedNetwork()));
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
    if (remote != null) {
      remote.close();
    }
  }

  @Test
  void remoteClientWithoutCredentialsIsServed() throws Exception {
    RawResponse response = wrapper.remoteCurl(wrapper.url("/page"));

    assertEquals(200, response.status(), response.toString());
    assertEquals("served", response.bodyText());
    RecordedRequest seen = target.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("/page", seen.getTarget());
    assertEquals(remote.clientAddress().getHostAddress(), seen.getHeaders().get("X-Forwarded-For"));
  }

  @Test
  void loopbackClientWithoutCredentialsIsServed() throws Exception {
    RawResponse response = wrapper.loopbackCurl(wrapper.url("/page"));

    assertEquals(200, response.status(), response.toString());
    assertEquals("served", response.bodyText());
    assertEquals("127.0.0.1", target.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-Forwarded-For"));
  }

  @Test
  void trustedNetworkSendsNoHsts() {
    RawResponse response = wrapper.remoteCurl(wrapper.url("/"));

    assertEquals(200, response.status(), response.toString());
    assertTrue(response.header("Strict-Transport-Security").isEmpty(), response.toString());
  }
}
