package io.github.httpswrapper.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HttpsInUnitTestsTest {
  @TempDir Path stateDirectory;

  @Test
  void clientsTrustingTheWrapperConnectAndDefaultTrustDoesNot() throws Exception {
    assertEquals(
        List.of("HttpClient: 200", "HttpsURLConnection: 200", "default trust: refused"),
        HttpsInUnitTests.run(stateDirectory));
  }

  /** The same pattern in a unit test of your own, with okhttp's MockWebServer as the plain-HTTP target. */
  @Test
  void mockWebServerBehindTheWrapperSeesAnHttpsRequest() throws Exception {
    try (MockWebServer target = new MockWebServer()) {
      target.enqueue(new MockResponse.Builder().body("hi").build());
      target.start();
      try (HttpsWrapper https = HttpsWrapper.forTarget("127.0.0.1", target.getPort())
          .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
          .start()) {
        HttpClient client = HttpClient.newBuilder().sslContext(https.clientSslContext()).build();
        HttpResponse<String> response =
            client.send(HttpRequest.newBuilder(https.uri()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("hi", response.body());
        RecordedRequest seen = target.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("https", seen.getHeaders().get("X-Forwarded-Proto"));
      }
    }
  }
}
