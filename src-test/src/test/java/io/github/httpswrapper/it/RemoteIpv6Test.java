package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.Users;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Scenario 2 over IPv6: a remote IPv6 client needs a password, the IPv6 loopback does not. */
@Timeout(60)
class RemoteIpv6Test {
  @TempDir Path directory;
  private final MockWebServer target = new MockWebServer();
  private RemoteHost remote;
  private LinkedWrapper wrapper;

  @BeforeEach
  void start() throws IOException {
    Commands.assumeInstalled("curl", "--version");
    remote = RemoteHost.create();
    Assumptions.assumeTrue(remote.hostAddress6().isPresent(), "IPv6 could not be set up on the test link");
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    target.enqueue(new MockResponse.Builder().body("served").build());
    Users users = Users.builder().user("alice", Users.hashPassword("secret".toCharArray())).build();
    wrapper = LinkedWrapper.start(remote, remote.hostAddress6().get(), target.getPort(), directory,
        b -> b.accessPolicy(AccessPolicy.localOpenRemotePassword(users)));
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
  void remoteIpv6ClientWithoutPasswordGets401() {
    RawResponse response = wrapper.remoteCurl(wrapper.url("/"));

    assertEquals(401, response.status(), response.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void remoteIpv6ClientWithPasswordIsServedAndNamedToTheTarget() throws Exception {
    RawResponse response = wrapper.remoteCurl("-u", "alice:secret", wrapper.url("/"));

    assertEquals(200, response.status(), response.toString());
    RecordedRequest seen = target.takeRequest(5, TimeUnit.SECONDS);
    List<String> realIp = seen.getHeaders().values("X-Real-IP");
    assertEquals(1, realIp.size(), seen.getHeaders().toString());
    assertEquals("fd00:201:", realIp.get(0).substring(0, 9), "RFC 5952 text, no brackets: " + realIp);
    assertEquals(remote.clientAddress6().get(), InetAddress.getByName(realIp.get(0)));
  }

  @Test
  void ipv6LoopbackClientIsServedWithoutPassword() {
    IpRulesTest.assumeIpv6Loopback();

    RawResponse response = wrapper.loopbackCurl(wrapper.url("/"));

    assertEquals(200, response.status(), response.toString());
  }
}
