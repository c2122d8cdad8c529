package io.github.httpswrapper.examples;

import com.sun.net.httpserver.HttpServer;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wraps a JDK {@link HttpServer} running in this JVM in HTTPS, fetches a page through it with a client that
 * trusts exactly the wrapper's certificate, and prints what it got.
 *
 * <p>Run: {@code java -cp ... io.github.httpswrapper.examples.WrapInProcessServer}
 */
public final class WrapInProcessServer {
  private WrapInProcessServer() {}

  public static void main(String[] args) throws Exception {
    System.out.println(run(Files.createTempDirectory("https-wrapper-example")));
  }

  /** Starts both servers, fetches one page over HTTPS, stops both; returns the page. */
  static String run(Path stateDirectory) throws IOException, InterruptedException {
    // 1. The plain-HTTP server an application already has, on loopback only.
    HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext("/", exchange -> {
      byte[] body = "hello over HTTPS\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    app.start();

    // 2. HTTPS in front of it: a self-signed certificate is made once and kept in the state directory.
    try (HttpsWrapper https = HttpsWrapper.forTarget("127.0.0.1", app.getAddress().getPort())
        .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
        .start()) {
      URI url = https.uri();

      // 3. A client that trusts exactly this wrapper's certificate (no trust-all).
      HttpClient client = HttpClient.newBuilder().sslContext(https.clientSslContext()).build();
      HttpResponse<String> response =
          client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() + " from " + url + ": " + response.body();
    } finally {
      app.stop(0);
    }
  }
}
