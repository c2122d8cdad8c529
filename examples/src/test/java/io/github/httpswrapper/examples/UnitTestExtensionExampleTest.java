package io.github.httpswrapper.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.httpswrapper.junit.HttpsWrapperExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The unit-test face: a test that needs its fake server behind HTTPS registers the extension on a field and asks
 * it for a client. No certificate to make, no trust-all: the client trusts exactly this wrapper's certificate.
 * Copy this class as the start of your own test.
 */
@Timeout(30)
class UnitTestExtensionExampleTest {
  @StartStop final MockWebServer target = new MockWebServer();

  // One wrapper per test (a static field would share one across the class); closed after the test.
  @RegisterExtension
  final HttpsWrapperExtension https = HttpsWrapperExtension.forTarget("localhost", () -> target.getPort());

  @Test
  void greetsOverHttps() throws Exception {
    target.enqueue(new MockResponse.Builder().body("hello").build());

    HttpResponse<String> response =
        https.client().send(
            HttpRequest.newBuilder(https.uri().resolve("/greeting")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals("hello", response.body());
    assertEquals("https", https.uri().getScheme());
    assertEquals("/greeting", target.takeRequest().getTarget());
  }
}
