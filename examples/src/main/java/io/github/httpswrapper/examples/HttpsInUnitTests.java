package io.github.httpswrapper.examples;

import com.sun.net.httpserver.HttpServer;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLHandshakeException;

/**
 * How a test gets real HTTPS without a trust-all manager or a host name verifier that says yes: the wrapper
 * hands out {@link HttpsWrapper#clientSslContext()}, which trusts exactly the certificates it serves and
 * nothing else, and host names are still checked. A client with the JDK's default trust refuses the same
 * server, so the test really exercises certificate checking.
 *
 * <p>In a test, the target is usually a mock server (okhttp's {@code MockWebServer}, a JDK {@link HttpServer});
 * keep the certificate in the test's temporary directory so that nothing is written to the home directory.
 *
 * <p>Run: {@code java -cp ... io.github.httpswrapper.examples.HttpsInUnitTests}
 */
public final class HttpsInUnitTests {
  private HttpsInUnitTests() {}

  public static void main(String[] args) throws Exception {
    run(Files.createTempDirectory("https-wrapper-example")).forEach(System.out::println);
  }

  /** Asks one HTTPS server with three clients; returns one line per client. */
  static List<String> run(Path stateDirectory) throws IOException, InterruptedException {
    HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.createContext("/", exchange -> {
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    target.start();
    List<String> lines = new ArrayList<>();
    try (HttpsWrapper https = HttpsWrapper.forTarget("127.0.0.1", target.getAddress().getPort())
        .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
        .start()) {
      HttpRequest request = HttpRequest.newBuilder(https.uri()).build();

      // 1. The JDK HttpClient, trusting exactly this wrapper.
      HttpClient trusting = HttpClient.newBuilder().sslContext(https.clientSslContext()).build();
      lines.add("HttpClient: " + trusting.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());

      // 2. HttpsURLConnection (and libraries built on it): the same context's socket factory.
      HttpsURLConnection connection = (HttpsURLConnection) https.uri().toURL().openConnection();
      connection.setSSLSocketFactory(https.clientSslContext().getSocketFactory());
      lines.add("HttpsURLConnection: " + connection.getResponseCode());
      connection.disconnect();

      // 3. The JDK's default trust store does not know this certificate: the handshake fails, as it should.
      try {
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
        lines.add("default trust: accepted (unexpected)");
      } catch (SSLHandshakeException expected) {
        lines.add("default trust: refused");
      }
    } finally {
      target.stop(0);
    }
    return lines;
  }
}
