package io.github.httpswrapper.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.Users;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The remote half (401 without a password) needs a second address: the end-to-end tests cover it. */
@Timeout(60)
class WrapProcessWithPasswordTest {
  @TempDir Path directory;
  private HttpServer process;
  private HttpsWrapper https;

  @BeforeEach
  void start() throws IOException {
    // "The process": a plain-HTTP server on loopback, as a blog engine or python3 -m http.server would be.
    process = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    process.createContext("/", exchange -> {
      byte[] body = "from the process".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    process.start();
    https = WrapProcessWithPassword.run(process.getAddress().getPort(), htpasswd(), 0,
        CertificateSource.selfSigned().stateDirectory(directory.resolve("state")));
  }

  @AfterEach
  void stop() {
    if (https != null) {
      https.close();
    }
    process.stop(0);
  }

  @Test
  void loopbackClientGets200WithoutPassword() throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(https.clientSslContext()).build();
    URI url = URI.create("https://127.0.0.1:" + https.port() + "/");
    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("from the process", response.body());
  }

  @Test
  void listensOnAllAddresses() {
    assertTrue(https.listenAddress().getAddress().isAnyLocalAddress(), https.listenAddress().toString());
    assertEquals(URI.create("https://localhost:" + https.port() + "/"), https.uri());
  }

  @Test
  void everyOtherClientNeedsAPassword() throws IOException {
    assertEquals(
        List.of("loopback clients: allow", "any client: password required"),
        WrapProcessWithPassword.policy(Users.htpasswd(htpasswd())).describeRules());
  }

  private Path htpasswd() throws IOException {
    Path file = directory.resolve("users.htpasswd");
    Files.writeString(file, Users.htpasswdLine("alice", "correct horse".toCharArray()) + "\n");
    return file;
  }
}
