package io.github.httpswrapper.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ClientCertificatesForATeamTest {
  private static final char[] P12_PASSWORD = "changeit".toCharArray();

  @TempDir static Path team;
  private HttpServer app;
  private HttpsWrapper https;

  /** The team's CA and two certificates from it, made with openssl as a team would: alice is a member, eve is not. */
  @BeforeAll
  static void makeTeamCa() throws Exception {
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", "team-ca.key", "-out", "team-ca.pem", "-days", "30", "-subj", "/CN=Team CA");
    Files.writeString(team.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
    for (String name : List.of("alice", "eve")) {
      openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
          "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + name);
      openssl("x509", "-req", "-in", name + ".csr", "-CA", "team-ca.pem", "-CAkey", "team-ca.key",
          "-CAcreateserial", "-days", "30", "-extfile", "client.ext", "-out", name + ".pem");
      // The .p12 is what a member imports into a browser; here it feeds a Java KeyManager.
      openssl("pkcs12", "-export", "-in", name + ".pem", "-inkey", name + ".key", "-certfile", "team-ca.pem",
          "-name", name, "-out", name + ".p12", "-passout", "pass:" + new String(P12_PASSWORD));
    }
  }

  @BeforeEach
  void start() throws IOException {
    app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    app.start();
    https = ClientCertificatesForATeam.run(app.getAddress().getPort(), team.resolve("team-ca.pem"),
        CertificateSource.selfSigned().stateDirectory(team.resolve("server")), "alice");
  }

  @AfterEach
  void stop() {
    if (https != null) {
      https.close();
    }
    app.stop(0);
  }

  @Test
  void memberWithCertificateGets204FromTheApp() throws Exception {
    assertEquals(204, status(client("alice.p12")));
  }

  @Test
  void clientWithoutCertificateGets401() throws Exception {
    assertEquals(401, status(client(null)));
  }

  @Test
  void teamCertificateWithAnotherNameGets403() throws Exception {
    assertEquals(403, status(client("eve.p12")));
  }

  private int status(SSLContext context) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(context).build();
    return client.send(HttpRequest.newBuilder(https.uri()).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** Trusts exactly the wrapper's certificate; presents the certificate in {@code p12}, if any. */
  private SSLContext client(String p12) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", https.certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (p12 != null) {
      KeyStore identity = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(team.resolve(p12))) {
        identity.load(in, P12_PASSWORD);
      }
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(identity, P12_PASSWORD);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  private static void openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).directory(team.toFile()).redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      assumeTrue(false, "openssl is not installed: " + notInstalled.getMessage());
      return;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, process.waitFor(30, TimeUnit.SECONDS), "openssl timed out: " + command);
    assertEquals(0, process.exitValue(), command + "\n" + output);
  }
}
