package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** curl, trusting only the certificate the wrapper exported, talks to a mockwebserver3 target through it. */
@Timeout(30)
class CurlClientTest {
  @TempDir Path directory;
  private final MockWebServer target = new MockWebServer();
  private HttpsWrapper wrapper;
  private Path exportedCertificate;

  @BeforeAll
  static void curlIsInstalled() {
    Commands.assumeInstalled("curl", "--version");
  }

  @BeforeEach
  void start() throws IOException {
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.getPort())
            .certificate(CertificateSource.selfSigned().stateDirectory(directory.resolve("state")))
            .start();
    exportedCertificate = directory.resolve("exported.pem");
    wrapper.identity().writeCertificatePem(exportedCertificate);
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'--tlsv1.2 --tls-max 1.2', TLSv1.2", "--tlsv1.3, TLSv1.3"})
  void curlGetsTargetResponse(String versionFlags, String expectedVersion) {
    target.enqueue(new MockResponse.Builder().addHeader("X-Target", "mock").body("hello curl").build());

    Commands.Result result =
        curl(exportedCertificate, versionFlags, "-D", "-", wrapper.uri().resolve("/hello").toString())
            .requireSuccess();

    assertTrue(result.stdout().startsWith("HTTP/1.1 200"), result.toString());
    assertTrue(result.stdout().contains("X-Target: mock"), result.toString());
    assertTrue(result.stdout().endsWith("hello curl"), result.toString());
    assertTrue(result.stderr().contains("SSL connection using " + expectedVersion + " / "), result.toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'--tlsv1.2 --tls-max 1.2'", "--tlsv1.3"})
  void curlPostBodyReachesTarget(String versionFlags) throws InterruptedException {
    target.enqueue(new MockResponse.Builder().code(201).body("stored").build());

    Commands.Result result =
        curl(exportedCertificate, versionFlags, "--data-binary", "line one\nline two",
                wrapper.uri().resolve("/store").toString())
            .requireSuccess();

    assertEquals("stored", result.stdout());
    RecordedRequest seen = target.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("POST", seen.getMethod());
    assertEquals("/store", seen.getTarget());
    assertEquals("line one\nline two", seen.getBody().utf8());
  }

  @Test
  void curlOfferingHttp2IsAnsweredWithHttp11() {
    target.enqueue(new MockResponse.Builder().body("ok").build());

    Commands.Result result = curl(exportedCertificate, "--http2", wrapper.uri().toString()).requireSuccess();

    assertTrue(result.stderr().contains("ALPN: server accepted http/1.1"), result.toString());
  }

  @Test
  void curlVerifiesTheLocalhostName() {
    target.enqueue(new MockResponse.Builder().body("by name").build());
    String url = "https://localhost:" + wrapper.port() + "/";

    Commands.Result result =
        curl(exportedCertificate, "--resolve", "localhost:" + wrapper.port() + ":127.0.0.1", url).requireSuccess();

    assertEquals("by name", result.stdout());
  }

  @Test
  void curlTrustingAnotherCertificateRefusesTheWrapper() {
    Path other = directory.resolve("other.pem");
    try (HttpsWrapper stranger =
        HttpsWrapper.forTarget("127.0.0.1", target.getPort())
            .certificate(CertificateSource.selfSigned().stateDirectory(directory.resolve("other-state")))
            .start()) {
      stranger.identity().writeCertificatePem(other);
    }

    Commands.Result result = curl(other, wrapper.uri().toString());

    assertEquals(60, result.exitCode(), "curl exit code 60 is 'peer certificate cannot be authenticated'\n" + result);
    assertEquals(0, target.getRequestCount());
  }

  private static Commands.Result curl(Path caCertificate, String... args) {
    List<String> command =
        new ArrayList<>(List.of("curl", "-sS", "-v", "--max-time", "20", "--cacert", caCertificate.toString()));
    for (String arg : args) {
      // a parameter such as "--tlsv1.2 --tls-max 1.2" holds several words
      command.addAll(arg.startsWith("--tls") ? List.of(arg.split(" ")) : List.of(arg));
    }
    return Commands.run(Duration.ofSeconds(25), command);
  }
}
