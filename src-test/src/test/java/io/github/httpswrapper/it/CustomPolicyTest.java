package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.Rule;
import io.github.httpswrapper.Users;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A policy of one's own: loopback open, {@code /admin} behind a password for everyone else, remote clients may
 * only read the rest. Spellings of {@code /admin} that a target might normalise must not slip past the rule.
 */
@Timeout(60)
class CustomPolicyTest {
  @TempDir Path directory;
  private final MockWebServer target = new MockWebServer();
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
    Users users = Users.builder().user("alice", Users.hashPassword("secret".toCharArray())).build();
    AccessPolicy policy =
        AccessPolicy.builder()
            .users(users)
            .rule(Rule.fromLoopback().allow())
            .rule(Rule.anyClient().paths("/admin").requirePassword())
            .rule(Rule.anyClient().methods("GET", "HEAD").allow())
            .rule(Rule.anyClient().deny())
            .build();
    wrapper = LinkedWrapper.start(remote, target.getPort(), directory, b -> b.accessPolicy(policy));
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
  void remoteReadOfPublicPathIsServed() throws Exception {
    RawResponse response = wrapper.remoteCurl(wrapper.url("/public/page"));

    assertEquals(200, response.status(), response.toString());
    assertEquals("/public/page", target.takeRequest(5, TimeUnit.SECONDS).getTarget());
  }

  @Test
  void remotePostOutsideAdminIsDeniedWith403() {
    RawResponse response = wrapper.remoteCurl("--data-binary", "x", wrapper.url("/public/form"));

    assertEquals(403, response.status(), response.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void remoteAdminWithoutPasswordGets401() {
    RawResponse response = wrapper.remoteCurl(wrapper.url("/admin/users"));

    assertEquals(401, response.status(), response.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void remoteAdminWithPasswordIsServed() {
    RawResponse response = wrapper.remoteCurl("-u", "alice:secret", wrapper.url("/admin"));

    assertEquals(200, response.status(), response.toString());
  }

  @Test
  void loopbackAdminIsServedWithoutPassword() {
    RawResponse response = wrapper.loopbackCurl(wrapper.url("/admin"));

    assertEquals(200, response.status(), response.toString());
  }

  @Test
  void administratorIsNotUnderTheAdminPrefix() {
    RawResponse response = wrapper.remoteCurl(wrapper.url("/administrator"));

    assertEquals(200, response.status(), response.toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/%61dmin", "/%61%64%6d%69%6e/users", "/x/../admin", "/./admin", "/admin/./users", "/x/%2e%2e/admin",
      "/%2e%2e/admin", "//admin", "/admin%2fusers", "/admin?x=1", "/admin;jsessionid=1"})
  void disguisedAdminPathIsNotServedWithoutPassword(String path) {
    RawResponse response = wrapper.remoteCurl("--path-as-is", wrapper.url(path));

    assertTrue(response.status() == 400 || response.status() == 401,
        path + " should be refused (400) or need a password (401):\n" + response);
    assertEquals(0, target.getRequestCount(), path + " reached the target");
  }

  @Test
  void absoluteFormRequestTargetCannotDodgeTheAdminRule() {
    RawResponse response =
        wrapper.remoteCurl("--request-target", "https://" + wrapper.host() + ":" + wrapper.port() + "/admin",
            wrapper.url("/"));

    assertTrue(response.status() == 400 || response.status() == 401, response.toString());
    assertEquals(0, target.getRequestCount());
  }
}
