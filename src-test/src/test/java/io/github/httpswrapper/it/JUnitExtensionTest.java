package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.Rule;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.junit.HttpsWrapperExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The JUnit extension in front of a mockwebserver3 target: no trust code in the test. */
@Timeout(30)
class JUnitExtensionTest {
  @StartStop final MockWebServer target = new MockWebServer();

  @RegisterExtension
  final HttpsWrapperExtension https = HttpsWrapperExtension.forTarget("localhost", () -> target.getPort());

  @Test
  void requestThroughWrapperArrivesAtMockWebServer() throws Exception {
    target.enqueue(new MockResponse.Builder().code(201).addHeader("X-Answer", "42").body("created").build());

    HttpResponse<String> response =
        https
            .client()
            .send(
                HttpRequest.newBuilder(https.uri().resolve("/items?kind=a"))
                    .header("X-Client", "test")
                    .POST(HttpRequest.BodyPublishers.ofString("name=one"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(201, response.statusCode());
    assertEquals("created", response.body());
    assertEquals("42", response.headers().firstValue("X-Answer").orElseThrow());
    RecordedRequest seen = target.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("POST", seen.getMethod());
    assertEquals("/items?kind=a", seen.getTarget());
    assertEquals("test", seen.getHeaders().get("X-Client"));
    assertEquals("name=one", seen.getBody().utf8());
  }

  @Test
  void clientRefusesAnotherWrappersCertificate(@TempDir Path otherState) {
    try (HttpsWrapper other =
        HttpsWrapper.forTarget("localhost", target.getPort())
            .certificate(CertificateSource.selfSigned().stateDirectory(otherState))
            .start()) {
      HttpRequest request = HttpRequest.newBuilder(other.uri()).build();

      assertThrows(
          SSLHandshakeException.class, () -> https.client().send(request, HttpResponse.BodyHandlers.ofString()));
      assertEquals(0, target.getRequestCount());
    }
  }

  @Test
  void anotherWrappersClientIsRefusedHere(@TempDir Path otherState) {
    try (HttpsWrapper other =
        HttpsWrapper.forTarget("localhost", target.getPort())
            .certificate(CertificateSource.selfSigned().stateDirectory(otherState))
            .start()) {
      HttpRequest request = HttpRequest.newBuilder(https.uri()).build();

      assertThrows(
          SSLHandshakeException.class,
          () -> Trust.client(other.clientSslContext()).send(request, HttpResponse.BodyHandlers.ofString()));
      assertEquals(0, target.getRequestCount());
    }
  }

  @Test
  void configureAddsAnAccessPolicy() throws Exception {
    https.configure(
        builder ->
            builder.accessPolicy(
                AccessPolicy.builder()
                    .rule(Rule.anyClient().paths("/admin").deny())
                    .rule(Rule.anyClient().allow())
                    .build()));
    target.enqueue(new MockResponse.Builder().body("public").build());

    HttpResponse<String> admin = get("/admin/users");
    HttpResponse<String> open = get("/public");

    assertEquals(403, admin.statusCode());
    assertEquals("public", open.body());
    assertEquals(1, target.getRequestCount());
    assertEquals("/public", target.takeRequest(5, TimeUnit.SECONDS).getTarget());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return https
        .client()
        .send(HttpRequest.newBuilder(https.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
