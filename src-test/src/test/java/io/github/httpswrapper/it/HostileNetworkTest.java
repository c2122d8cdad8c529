package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.Users;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 3, a hostile network: passwords over HTTPS only, HSTS, guessing throttled, and plain HTTP (on the TLS
 * port or the redirect port) only ever redirected, never forwarded.
 */
@Timeout(90)
class HostileNetworkTest {
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

  @Test
  void remoteClientWithPasswordIsServedWithHsts() {
    start(b -> b);

    RawResponse response = wrapper.remoteCurl("-u", "alice:secret", wrapper.url("/"));

    assertEquals(200, response.status(), response.toString());
    assertEquals("served", response.bodyText());
    assertEquals(Optional.of("max-age=31536000"), response.header("Strict-Transport-Security"), response.toString());
  }

  @Test
  void refusedRemoteClientAlsoGetsHsts() {
    start(b -> b);

    RawResponse response = wrapper.remoteCurl(wrapper.url("/"));

    assertEquals(401, response.status(), response.toString());
    assertTrue(response.header("Strict-Transport-Security").isPresent(), response.toString());
  }

  @Test
  void repeatedWrongPasswordsEventuallyGet429WithRetryAfter() {
    start(b -> b);
    List<Integer> statuses = new ArrayList<>();
    RawResponse last = null;

    for (int i = 0; i < 15 && (last == null || last.status() != 429); i++) {
      last = wrapper.remoteCurl("-u", "alice:guess" + i, wrapper.url("/"));
      statuses.add(last.status());
    }

    assertEquals(429, last.status(), "statuses: " + statuses + "\nlast:\n" + last);
    assertTrue(statuses.subList(0, 5).stream().allMatch(s -> s == 401), "the first five failures are 401s: "
        + statuses);
    RawResponse throttled = last;
    long retryAfter = Long.parseLong(throttled.header("Retry-After").orElseThrow(
        () -> new AssertionError("429 without Retry-After:\n" + throttled)));
    assertTrue(retryAfter >= 1 && retryAfter <= 900, "Retry-After " + retryAfter);
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void throttledAddressIsRefusedEvenWithTheRightPassword() {
    start(b -> b);
    for (int i = 0; i < 15; i++) {
      if (wrapper.remoteCurl("-u", "alice:guess" + i, wrapper.url("/")).status() == 429) {
        break;
      }
    }

    RawResponse response = wrapper.remoteCurl("-u", "alice:secret", wrapper.url("/"));

    assertEquals(429, response.status(), response.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void throttlingOneAddressLeavesLoopbackServed() {
    start(b -> b);
    for (int i = 0; i < 15; i++) {
      if (wrapper.remoteCurl("-u", "alice:guess" + i, wrapper.url("/")).status() == 429) {
        break;
      }
    }

    RawResponse response = wrapper.loopbackCurl(wrapper.url("/"));

    assertEquals(200, response.status(), response.toString());
  }

  @Test
  void plainHttpGetOnTlsPortIsRedirectedToHttps() {
    start(b -> b);

    RawResponse response =
        LinkedWrapper.response(remote.curl("-i", wrapper.plainUrl(wrapper.port(), "/x?y=1")));

    assertEquals(301, response.status(), response.toString());
    assertEquals(Optional.of(wrapper.url("/x?y=1")), response.header("Location"), response.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void plainHttpPostOnTlsPortIsRedirectedWith308() {
    start(b -> b);

    RawResponse response =
        LinkedWrapper.response(remote.curl("-i", "--data-binary", "a=b", wrapper.plainUrl(wrapper.port(), "/form")));

    assertEquals(308, response.status(), response.toString());
    assertEquals(Optional.of(wrapper.url("/form")), response.header("Location"), response.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void credentialsSentOverPlainHttpAreNeverForwarded() {
    start(b -> b);

    RawResponse response =
        LinkedWrapper.response(remote.curl("-i", "-u", "alice:secret", wrapper.plainUrl(wrapper.port(), "/x")));

    assertEquals(301, response.status(), response.toString());
    assertTrue(response.header("WWW-Authenticate").isEmpty(), "no password is asked for over plain HTTP");
    assertEquals(0, target.getRequestCount(), "plain HTTP must only be redirected");
  }

  @Test
  void redirectListenerSendsPlainHttpToTheTlsPort() {
    start(b -> b.redirectHttp(0));
    int redirectPort = wrapper.wrapper().redirectPort();

    RawResponse response =
        LinkedWrapper.response(remote.curl("-i", "-u", "alice:secret", wrapper.plainUrl(redirectPort, "/x")));

    assertEquals(301, response.status(), response.toString());
    assertEquals(Optional.of(wrapper.url("/x")), response.header("Location"), response.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void redirectListenerAnswersPostWith308() {
    start(b -> b.redirectHttp(0));
    int redirectPort = wrapper.wrapper().redirectPort();

    RawResponse response =
        LinkedWrapper.response(remote.curl("-i", "--data-binary", "a=b", wrapper.plainUrl(redirectPort, "/form")));

    assertEquals(308, response.status(), response.toString());
    assertEquals(Optional.of(wrapper.url("/form")), response.header("Location"), response.toString());
    assertEquals(0, target.getRequestCount());
  }

  private void start(UnaryOperator<HttpsWrapper.Builder> configure) {
    wrapper = LinkedWrapper.start(remote, target.getPort(), directory,
        b -> configure.apply(b.accessPolicy(AccessPolicy.hostileNetwork(users))));
  }
}
