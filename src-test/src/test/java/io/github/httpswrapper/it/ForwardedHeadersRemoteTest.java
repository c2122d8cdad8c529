package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.Users;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who the client is comes from the TCP peer. Forwarding headers sent by a client are believed only when that
 * client is a configured trusted proxy; from anyone else they are removed and replaced, and never make a remote
 * client "local".
 */
@Timeout(60)
class ForwardedHeadersRemoteTest {
  @TempDir Path directory;
  private final MockWebServer target = new MockWebServer();
  private final Users users = Users.builder().user("alice", Users.hashPassword("secret".toCharArray())).build();
  private RemoteHost remote;
  private LinkedWrapper wrapper;

  @BeforeEach
  void start() throws IOException {
    Commands.assumeInstalled("curl", "--version");
    remote = RemoteHost.create();
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    for (int i = 0; i < 3; i++) {
      target.enqueue(new MockResponse.Builder().body("served").build());
    }
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

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"X-Forwarded-For: 127.0.0.1", "Forwarded: for=127.0.0.1", "X-Real-IP: 127.0.0.1"})
  void spoofedLoopbackHeaderDoesNotMakeRemoteClientLocal(String spoofed) {
    start(b -> b.accessPolicy(AccessPolicy.localOpenRemotePassword(users)));

    RawResponse response = wrapper.remoteCurl("-H", spoofed, wrapper.url("/"));

    assertEquals(401, response.status(), response.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void targetSeesRemoteAddressInsteadOfSpoofedForwardingHeaders() throws Exception {
    start(b -> b.accessPolicy(AccessPolicy.localOpenRemotePassword(users)));

    RawResponse response =
        wrapper.remoteCurl("-u", "alice:secret",
            "-H", "X-Forwarded-For: 127.0.0.1",
            "-H", "Forwarded: for=127.0.0.1;proto=http",
            "-H", "X-Forwarded-Proto: http",
            "-H", "X-Forwarded-Host: evil.example",
            "-H", "X-Forwarded-Port: 1",
            "-H", "X-Real-IP: 127.0.0.1",
            wrapper.url("/"));

    assertEquals(200, response.status(), response.toString());
    RecordedRequest seen = taken();
    String client = remote.clientAddress().getHostAddress();
    assertEquals(List.of(client), seen.getHeaders().values("X-Forwarded-For"), seen.getHeaders().toString());
    assertEquals(List.of("https"), seen.getHeaders().values("X-Forwarded-Proto"));
    assertEquals(List.of(wrapper.host() + ":" + wrapper.port()), seen.getHeaders().values("X-Forwarded-Host"));
    assertEquals(List.of(Integer.toString(wrapper.port())), seen.getHeaders().values("X-Forwarded-Port"));
    assertEquals(List.of(client), seen.getHeaders().values("X-Real-IP"));
    List<String> forwarded = seen.getHeaders().values("Forwarded");
    assertEquals(1, forwarded.size(), seen.getHeaders().toString());
    assertFalse(forwarded.get(0).contains("127.0.0.1"), "spoofed Forwarded kept: " + forwarded);
    assertFalse(forwarded.get(0).contains("proto=http;") || forwarded.get(0).endsWith("proto=http"),
        "spoofed proto kept: " + forwarded);
  }

  @Test
  void targetSeesForwardedHeaderNamingRemoteClient() throws Exception {
    start(b -> b.accessPolicy(AccessPolicy.trustedNetwork()));

    RawResponse response = wrapper.remoteCurl(wrapper.url("/"));

    assertEquals(200, response.status(), response.toString());
    String forwarded = taken().getHeaders().get("Forwarded");
    assertNotNull(forwarded);
    String lower = forwarded.toLowerCase(java.util.Locale.ROOT);
    String client = remote.clientAddress().getHostAddress();
    assertTrue(lower.contains("for=" + client) || lower.contains("for=\"" + client + "\""), forwarded);
    assertTrue(lower.contains("proto=https"), forwarded);
  }

  @Test
  void trustedProxyForwardingLoopbackClientIsTreatedAsLocal() throws Exception {
    start(b -> b.accessPolicy(AccessPolicy.localOpenRemotePassword(users))
        .trustedProxies(remote.clientAddress().getHostAddress() + "/32"));

    RawResponse response = wrapper.remoteCurl("-H", "X-Forwarded-For: 127.0.0.1", wrapper.url("/"));

    assertEquals(200, response.status(), response.toString());
    List<String> forwardedFor = taken().getHeaders().values("X-Forwarded-For");
    assertEquals(List.of("127.0.0.1, " + remote.clientAddress().getHostAddress()), forwardedFor,
        "a trusted proxy's list is kept and the proxy itself appended");
  }

  @Test
  void trustedProxyForwardedHeaderForLoopbackIsTreatedAsLocal() {
    start(b -> b.accessPolicy(AccessPolicy.localOpenRemotePassword(users))
        .trustedProxies(remote.clientAddress().getHostAddress() + "/32"));

    RawResponse response = wrapper.remoteCurl("-H", "Forwarded: for=127.0.0.1", wrapper.url("/"));

    assertEquals(200, response.status(), response.toString());
  }

  @Test
  void trustedProxyWithoutForwardingHeaderIsJudgedByItsOwnAddress() {
    start(b -> b.accessPolicy(AccessPolicy.localOpenRemotePassword(users))
        .trustedProxies(remote.clientAddress().getHostAddress() + "/32"));

    RawResponse response = wrapper.remoteCurl(wrapper.url("/"));

    assertEquals(401, response.status(), response.toString());
  }

  @Test
  void trustedProxyForwardingRemoteClientStillNeedsPassword() {
    start(b -> b.accessPolicy(AccessPolicy.localOpenRemotePassword(users))
        .trustedProxies(remote.clientAddress().getHostAddress() + "/32"));

    RawResponse response = wrapper.remoteCurl("-H", "X-Forwarded-For: 203.0.113.9", wrapper.url("/"));

    assertEquals(401, response.status(), response.toString());
  }

  @Test
  void proxyTrustedOnAnotherAddressIsNotBelieved() {
    start(b -> b.accessPolicy(AccessPolicy.localOpenRemotePassword(users)).trustedProxies("192.0.2.0/24"));

    RawResponse response = wrapper.remoteCurl("-H", "X-Forwarded-For: 127.0.0.1", wrapper.url("/"));

    assertEquals(401, response.status(), response.toString());
  }

  private void start(UnaryOperator<HttpsWrapper.Builder> configure) {
    wrapper = LinkedWrapper.start(remote, target.getPort(), directory, configure);
  }

  private RecordedRequest taken() throws InterruptedException {
    RecordedRequest request = target.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the target received no request within 5 s");
    }
    return request;
  }
}
