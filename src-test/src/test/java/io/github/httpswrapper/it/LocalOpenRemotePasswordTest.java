package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.Users;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 2: this machine is served as before, every other address needs a password, and the check is made
 * for every request, not once per connection.
 */
@Timeout(60)
class LocalOpenRemotePasswordTest {
  static final String CHALLENGE = "Basic realm=\"https-wrapper\", charset=\"UTF-8\"";

  @TempDir Path directory;
  private final MockWebServer target = new MockWebServer();
  private RemoteHost remote;
  private LinkedWrapper wrapper;

  @BeforeEach
  void start() throws IOException {
    Commands.assumeInstalled("curl", "--version");
    remote = RemoteHost.create();
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    for (int i = 0; i < 4; i++) {
      target.enqueue(new MockResponse.Builder().body("served").build());
    }
    Users users = Users.builder().user("alice", Users.hashPassword("secret".toCharArray())).build();
    wrapper = LinkedWrapper.start(remote, target.getPort(), directory,
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
  void loopbackClientIsServedWithoutPassword() {
    RawResponse response = wrapper.loopbackCurl(wrapper.url("/"));

    assertEquals(200, response.status(), response.toString());
    assertEquals("served", response.bodyText());
  }

  @Test
  void remoteClientWithoutPasswordGets401WithBasicChallenge() {
    RawResponse response = wrapper.remoteCurl(wrapper.url("/"));

    assertEquals(401, response.status(), response.toString());
    assertEquals(List.of(CHALLENGE), response.headers("WWW-Authenticate"), response.toString());
    assertEquals(0, target.getRequestCount(), "a refused request must not reach the target");
  }

  @Test
  void remoteClientWithRightPasswordIsServed() throws Exception {
    RawResponse response = wrapper.remoteCurl("-u", "alice:secret", wrapper.url("/inside"));

    assertEquals(200, response.status(), response.toString());
    assertEquals("served", response.bodyText());
    assertEquals("/inside", target.takeRequest(5, TimeUnit.SECONDS).getTarget());
  }

  @Test
  void remoteClientWithWrongPasswordGets401() {
    RawResponse response = wrapper.remoteCurl("-u", "alice:wrong", wrapper.url("/"));

    assertEquals(401, response.status(), response.toString());
    assertEquals(List.of(CHALLENGE), response.headers("WWW-Authenticate"), response.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void remoteClientWithUnknownUserGets401() {
    RawResponse response = wrapper.remoteCurl("-u", "mallory:secret", wrapper.url("/"));

    assertEquals(401, response.status(), response.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void remoteJdkClientWithRightPasswordIsServed() {
    RawHttps.Exchange exchange =
        remote.javaClient("get", wrapper.url("/jdk"), wrapper.trustedPem().toString(), "--user", "alice:secret");

    assertEquals(List.of(200), exchange.statuses(), exchange.toString());
    assertEquals("served", exchange.responses().get(0).bodyText());
  }

  @Test
  void remoteJdkClientWithoutPasswordGets401() {
    RawHttps.Exchange exchange = remote.javaClient("get", wrapper.url("/jdk"), wrapper.trustedPem().toString());

    assertEquals(List.of(401), exchange.statuses(), exchange.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void secondRequestWithoutCredentialsOnSameConnectionGets401() throws Exception {
    RawHttps.Exchange exchange =
        remote.javaClient("sequential", wrapper.host(), Integer.toString(wrapper.port()),
            wrapper.trustedPem().toString(),
            requestFile("first", "/first", true), requestFile("second", "/second", false));

    assertEquals(List.of(200, 401), exchange.statuses(), exchange.toString());
    assertEquals(List.of(CHALLENGE), exchange.responses().get(1).headers("WWW-Authenticate"));
    RecordedRequest first = target.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("/first", first.getTarget());
    assertEquals(1, target.getRequestCount(), "the second request must not reach the target");
  }

  @Test
  void pipelinedSecondRequestWithoutCredentialsGets401() throws Exception {
    RawHttps.Exchange exchange =
        remote.javaClient("pipelined", wrapper.host(), Integer.toString(wrapper.port()),
            wrapper.trustedPem().toString(),
            requestFile("first", "/first", true), requestFile("second", "/second", false));

    assertEquals(List.of(200, 401), exchange.statuses(), exchange.toString());
    assertEquals("/first", target.takeRequest(5, TimeUnit.SECONDS).getTarget());
    assertEquals(1, target.getRequestCount(), "the second request must not reach the target");
  }

  @Test
  void authenticatedRequestsOnOneConnectionAreEachServed() throws Exception {
    RawHttps.Exchange exchange =
        remote.javaClient("sequential", wrapper.host(), Integer.toString(wrapper.port()),
            wrapper.trustedPem().toString(),
            requestFile("first", "/first", true), requestFile("second", "/second", true));

    assertEquals(List.of(200, 200), exchange.statuses(), exchange.toString());
    assertTrue(!exchange.closed(), "a keep-alive connection should stay open\n" + exchange);
    assertEquals(2, target.getRequestCount());
  }

  /** Writes a GET request for {@code path}, with or without alice's credentials, to a file for the remote client. */
  private String requestFile(String name, String path, boolean withCredentials) throws IOException {
    String credentials =
        withCredentials
            ? "Authorization: Basic "
                + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8)) + "\r\n"
            : "";
    String request =
        "GET " + path + " HTTP/1.1\r\nHost: " + wrapper.host() + ":" + wrapper.port() + "\r\n" + credentials + "\r\n";
    Path file = directory.resolve(name + ".http");
    Files.writeString(file, request, StandardCharsets.US_ASCII);
    return file.toString();
  }
}
