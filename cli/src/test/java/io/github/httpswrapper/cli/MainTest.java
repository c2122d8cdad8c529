package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command in-process, as {@code main} does but without signals or {@code System.exit}. */
@Timeout(60)
class MainTest {
  @TempDir Path stateDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void demoIsServedOverHttpsToAClientThatTrustsTheWrapper() throws Exception {
    Main.Outcome outcome = run("--listen", "127.0.0.1:0", "--state-dir", stateDir.toString());
    assertNotNull(outcome.session(), err());
    try (Session session = outcome.session()) {
      HttpsWrapper wrapper = session.wrapper();
      HttpResponse<String> page = get(wrapper, "some/path?x=1");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("this page came through HTTPS"), page.body());
      assertTrue(page.body().contains("<code>/some/path</code>"), page.body());
      HttpResponse<String> hello = get(wrapper, "hello");
      assertEquals("Hello from the https-wrapper demo site, served through HTTPS.\n", hello.body());

      Path certificate = stateDir.resolve("self-signed/certificate.pem").toAbsolutePath();
      assertTrue(out().contains("  serving      " + wrapper.uri() + "  ->  http://127.0.0.1:"), out());
      assertTrue(out().contains("(the built-in demo site)"), out());
      assertTrue(out().contains("  cert file    " + certificate + "\n"), out());
      assertTrue(out().contains("  try          curl --cacert " + certificate + " " + wrapper.uri()), out());
      assertTrue(out().contains("  who          only this machine (listening on 127.0.0.1)\n"), out());
      assertTrue(out().endsWith("Ctrl-C stops it.\n"), out());
    }
    assertTrue(out().endsWith(" is no longer served.\n"), out());
  }

  @Test
  void wrapsATargetWithAKeyStoreWhosePasswordComesFromTheEnvironment() throws Exception {
    Identity identity = CertificateSource.selfSigned().stateDirectory(stateDir.resolve("made")).load();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "web", identity.privateKey(), "s3cret".toCharArray(), identity.chain().toArray(new Certificate[0]));
    Path p12 = stateDir.resolve("server.p12");
    try (OutputStream file = Files.newOutputStream(p12)) {
      store.store(file, "s3cret".toCharArray());
    }
    Function<String, String> environment = Map.of("KS_PASSWORD", "s3cret")::get;
    Main.Outcome outcome =
        Main.run(
            new String[] {
              "--listen=127.0.0.1:0", "--keystore=" + p12, "--keystore-password=env:KS_PASSWORD",
              "--state-dir=" + stateDir
            },
            print(out),
            print(err),
            environment);
    assertNotNull(outcome.session(), err());
    try (Session session = outcome.session()) {
      assertEquals(200, get(session.wrapper(), "hello").statusCode());
      assertTrue(out().contains("  certificate  keystore " + p12), out());
    }
  }

  @Test
  void pemWithTheKeyInsideGetsItsCertificateWrittenForClientsWithoutTheKey() throws Exception {
    CertificateSource.selfSigned().stateDirectory(stateDir.resolve("made")).load();
    Path made = stateDir.resolve("made/self-signed");
    Path both = stateDir.resolve("both.pem");
    Files.writeString(
        both, Files.readString(made.resolve("key.pem")) + Files.readString(made.resolve("certificate.pem")));
    Main.Outcome outcome =
        run("--listen", "127.0.0.1:0", "--cert", both.toString(), "--state-dir", stateDir.toString());
    assertNotNull(outcome.session(), err());
    try (Session session = outcome.session()) {
      Path served = stateDir.resolve("served-certificate.pem").toAbsolutePath();
      String pem = Files.readString(served);
      assertTrue(pem.contains("BEGIN CERTIFICATE"), pem);
      assertFalse(pem.contains("PRIVATE KEY"), pem);
      assertTrue(out().contains("  cert file    " + served + "\n"), out());
      assertEquals(200, get(session.wrapper(), "").statusCode());
    }
  }

  @Test
  void helpListsEveryOptionTheExitCodesAndExamples() {
    Main.Outcome outcome = run("--help");
    assertEquals(0, outcome.exitCode());
    assertNull(outcome.session());
    for (String flag :
        List.of(
            "--target", "--listen", "--cert", "--key ", "--key-password", "--keystore ", "--keystore-password",
            "--key-alias", "--self-signed", "--name", "--key-type", "--allow", "--deny", "--state-dir",
            "--max-connections", "--handshake-timeout", "--idle-timeout", "--connect-timeout", "--debug",
            "--help", "--version", "Exit codes: 0 stopped normally", "1 runtime error", "2 bad usage",
            "--target 127.0.0.1:4334 --listen 0.0.0.0:8443 \\\n      --allow 192.168.1.0/24 --name 192.168.1.5")) {
      assertTrue(out().contains(flag), flag);
    }
    assertEquals("", err());
  }

  @Test
  void versionPrintsTheVersion() {
    assertEquals(0, run("--version").exitCode());
    assertTrue(out().matches("https-wrapper \\S+\n"), out());
  }

  @Test
  void badUsageIsOneLineThenTryHelpAndExitCode2() {
    Main.Outcome outcome = run("--taget", "127.0.0.1:4334");
    assertEquals(2, outcome.exitCode());
    assertEquals("https-wrapper: unknown option --taget (did you mean --target?)\nTry --help.\n", err());
    assertEquals("", out());
  }

  @Test
  void missingCertificateFileIsOneLineAndExitCode1() {
    Path missing = stateDir.resolve("nope.pem");
    Main.Outcome outcome = run("--listen", "127.0.0.1:0", "--cert", missing.toString(), "--target", "4334");
    assertEquals(1, outcome.exitCode());
    assertTrue(err().startsWith("https-wrapper: "), err());
    assertTrue(err().contains(missing.toString()), err());
    assertEquals(1, err().lines().count(), err());
  }

  @Test
  void debugAddsTheStackTrace() {
    Path missing = stateDir.resolve("nope.pem");
    Main.Outcome outcome = run("--debug", "--listen", "127.0.0.1:0", "--cert", missing.toString());
    assertEquals(1, outcome.exitCode());
    assertTrue(err().contains("\tat "), err());
  }

  @Test
  void portInUseSaysSoAndSuggestsAnotherPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Main.Outcome outcome =
          run("--listen", "127.0.0.1:" + port, "--target", "4334", "--state-dir", stateDir.toString());
      assertEquals(1, outcome.exitCode());
      assertEquals(
          "https-wrapper: cannot listen on 127.0.0.1:" + port + ": the port is in use by another program; stop"
              + " it, or choose another port, e.g. --listen 127.0.0.1:" + (port + 1) + "\n",
          err());
    }
  }

  @Test
  void malformedAddressBlockNamesTheOptionAndExitCode1() {
    Main.Outcome outcome = run("--listen", "127.0.0.1:0", "--allow", "10.0.0.1/8", "--state-dir",
        stateDir.toString());
    assertEquals(1, outcome.exitCode());
    assertTrue(err().startsWith("https-wrapper: --allow '10.0.0.1/8' "), err());
    assertEquals(1, err().lines().count(), err());
  }

  private Main.Outcome run(String... args) {
    return Main.run(args, print(out), print(err), name -> null);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> get(HttpsWrapper wrapper, String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(wrapper.clientSslContext()).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(wrapper.uri() + path)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
