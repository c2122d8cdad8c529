package io.github.httpswrapper.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class LocalCaForBrowsersTest {
  @TempDir Path state;
  private HttpServer app;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @BeforeEach
  void startApp() throws Exception {
    app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    app.start();
  }

  @AfterEach
  void stopApp() {
    app.stop(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1"})
  void clientTrustingOnlyTheRootConnects(String host) throws Exception {
    try (HttpsWrapper https = run()) {
      HttpClient client = HttpClient.newBuilder().sslContext(trustingOnly(rootFile())).build();
      URI url = URI.create("https://" + host + ":" + https.port() + "/");
      HttpResponse<Void> response =
          client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
      assertEquals(204, response.statusCode());
    }
  }

  @Test
  void printsTheRootFileAndHowToTrustIt() {
    try (HttpsWrapper https = run()) {
      String out = printed.toString(StandardCharsets.UTF_8);
      assertTrue(out.contains("https://localhost:" + https.port() + "/"), out);
      assertTrue(out.contains("root         " + rootFile()), out);
      assertTrue(out.contains("curl --cacert"), out);
      assertTrue(Files.isRegularFile(rootFile()), out);
    }
  }

  @Test
  void rootIsKeptBetweenRuns() throws Exception {
    run().close();
    byte[] first = Files.readAllBytes(rootFile());
    run().close();
    assertArrayEquals(first, Files.readAllBytes(rootFile()));
  }

  private HttpsWrapper run() {
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    return LocalCaForBrowsers.run(app.getAddress().getPort(), 0, state, out);
  }

  private Path rootFile() {
    return CertificateSource.localCa().stateDirectory(state).rootCertificateFile();
  }

  /** An SSL context that trusts the local CA's root and nothing else, as a browser that imported it would. */
  private static SSLContext trustingOnly(Path rootPem) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(rootPem)) {
      trust.setCertificateEntry("root", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
