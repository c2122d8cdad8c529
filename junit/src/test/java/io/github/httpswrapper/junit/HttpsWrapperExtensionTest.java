package io.github.httpswrapper.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One wrapper per test, in front of a JDK HttpServer. */
@Timeout(30)
class HttpsWrapperExtensionTest {
  private final JdkTarget target = new JdkTarget();

  @RegisterExtension
  final HttpsWrapperExtension https = HttpsWrapperExtension.forTarget("127.0.0.1", target::port);

  @AfterEach
  void stopTarget() {
    target.close();
  }

  @Test
  void requestThroughWrapperReachesTarget() throws Exception {
    HttpResponse<String> response = get("/hello?name=x");

    assertEquals(200, response.statusCode());
    assertEquals("GET /hello?name=x", response.body());
    assertEquals(1, target.requests.get());
  }

  @Test
  void uriIsTheWrappersHttpsAddress() {
    assertEquals("https://127.0.0.1:" + https.wrapper().port() + "/", https.uri().toString());
  }

  @Test
  void sslContextServesOtherClients() throws Exception {
    HttpsURLConnection connection = (HttpsURLConnection) https.uri().resolve("/plain").toURL().openConnection();
    connection.setSSLSocketFactory(https.sslContext().getSocketFactory());

    assertEquals(200, connection.getResponseCode());
    try (var in = connection.getInputStream()) {
      assertEquals("GET /plain", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void clientRefusesAnotherWrappersCertificate(@TempDir Path otherState) {
    try (HttpsWrapper other =
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .certificate(CertificateSource.selfSigned().stateDirectory(otherState))
            .start()) {
      HttpRequest request = HttpRequest.newBuilder(other.uri()).build();

      assertThrows(
          SSLHandshakeException.class, () -> https.client().send(request, HttpResponse.BodyHandlers.ofString()));
      assertEquals(0, target.requests.get());
    }
  }

  @Test
  void configureChangesTheWrapperBeforeItStarts() {
    https.configure(builder -> builder.deny("127.0.0.0/8"));

    assertThrows(IOException.class, () -> get("/"));
    assertEquals(0, target.requests.get());
  }

  @Test
  void configureAfterStartFails() {
    https.uri();

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> https.configure(builder -> builder.deny("10.0.0.0/8")));
    assertEquals("the wrapper has already started: call configure(...) where it is registered", e.getMessage());
  }

  @Test
  void useOutsideATestFails() {
    HttpsWrapperExtension unregistered = HttpsWrapperExtension.forTarget("127.0.0.1", 8080);

    IllegalStateException e = assertThrows(IllegalStateException.class, unregistered::uri);
    assertEquals(
        "no test is running: register the extension with @RegisterExtension and use it from a test",
        e.getMessage());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return https
        .client()
        .send(HttpRequest.newBuilder(https.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
