package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.Users;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
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
  void localCaServesTheDemoToAClientThatTrustsOnlyTheRootNamedInTheBanner() throws Exception {
    Main.Outcome outcome = run("--listen", "127.0.0.1:0", "--local-ca", "--state-dir", stateDir.toString());
    assertNotNull(outcome.session(), err());
    try (Session session = outcome.session()) {
      Matcher banner = Pattern.compile("\n  local CA     root (\\S+), to trust once\n").matcher(out());
      assertTrue(banner.find(), out());
      Path root = Path.of(banner.group(1));
      assertEquals(
          CertificateSource.localCa().stateDirectory(stateDir).rootCertificateFile().toAbsolutePath(), root);
      assertTrue(out().contains("\n  trust        curl --cacert ROOT; "), out());
      assertTrue(out().contains("\n  try          curl --cacert " + root + " " + session.wrapper().uri()), out());
      assertTrue(out().contains("\n  certificate  local CA, CN=localhost,"), out());
      assertFalse(out().contains("cert file"), out());
      assertFalse(out().contains("  reload "), out());

      // The JDK client checks the host name unless told not to; 127.0.0.1 must be in the issued certificate.
      assertNull(System.getProperty("jdk.internal.httpclient.disableHostnameVerification"));
      HttpClient client = HttpClient.newBuilder().sslContext(trusting(root)).build();
      URI hello = URI.create("https://127.0.0.1:" + session.wrapper().port() + "/hello");
      HttpResponse<String> page =
          client.send(HttpRequest.newBuilder(hello).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertEquals("Hello from the https-wrapper demo site, served through HTTPS.\n", page.body());
      assertNotEquals(certificates(root).get(0), session.wrapper().certificate());
    }
  }

  @Test
  void anotherLocalCasRootDoesNotOpenTheConnection() throws Exception {
    Path otherRoot = CertificateSource.localCa().stateDirectory(stateDir.resolve("other")).rootCertificateFile();
    CertificateSource.localCa().stateDirectory(stateDir.resolve("other")).load();
    Main.Outcome outcome = run("--listen", "127.0.0.1:0", "--local-ca", "--state-dir", stateDir.toString());
    assertNotNull(outcome.session(), err());
    try (Session session = outcome.session()) {
      HttpClient client = HttpClient.newBuilder().sslContext(trusting(otherRoot)).build();
      URI hello = URI.create("https://127.0.0.1:" + session.wrapper().port() + "/hello");
      assertThrows(
          SSLHandshakeException.class,
          () -> client.send(HttpRequest.newBuilder(hello).build(), HttpResponse.BodyHandlers.ofString()));
    }
  }

  @Test
  void sniNameGetsItsOwnCertificateAndClientsWithoutOneTheMainCertificate() throws Exception {
    Identity blog =
        CertificateSource.selfSigned().stateDirectory(stateDir.resolve("blog")).names("blog.test").load();
    Path cert = stateDir.resolve("blog/self-signed/certificate.pem");
    Path key = stateDir.resolve("blog/self-signed/key.pem");
    Main.Outcome outcome =
        run("--listen", "127.0.0.1:0", "--state-dir", stateDir.toString(), "--sni",
            "blog.test=" + cert + "," + key);
    assertNotNull(outcome.session(), err());
    try (Session session = outcome.session()) {
      HttpsWrapper wrapper = session.wrapper();
      assertEquals(blog.certificate(), handshake(wrapper.port(), "blog.test", blog.certificate()));
      assertEquals(wrapper.certificate(), handshake(wrapper.port(), null, wrapper.certificate()));
      assertNotEquals(blog.certificate(), wrapper.certificate());
      assertTrue(
          out().contains("\n  sni          blog.test: PEM " + cert + " with key " + key + ", " + blog.subject()
              + ", expires "),
          out());
      assertTrue(
          out().contains(
              "\n  reload       certificate files are checked every 2s; a renewed certificate is served without a"
                  + " restart\n"),
          out());
    }
  }

  @Test
  void aReplacedCertificateFileIsServedWithoutARestart() throws Exception {
    Path pem = stateDir.resolve("served.pem");
    writeBoth(CertificateSource.selfSigned().stateDirectory(stateDir.resolve("first")), "first", pem);
    Main.Outcome outcome =
        run("--listen", "127.0.0.1:0", "--state-dir", stateDir.toString(), "--cert", pem.toString(),
            "--reload-interval", "50ms");
    assertNotNull(outcome.session(), err());
    try (Session session = outcome.session()) {
      assertTrue(out().contains("\n  reload       certificate files are checked every 50ms; "), out());
      X509Certificate first = session.wrapper().certificate();
      Identity second =
          writeBoth(
              CertificateSource.selfSigned().stateDirectory(stateDir.resolve("second")).names("renewed.test"),
              "second",
              pem);
      for (int i = 0; i < 200 && session.wrapper().certificate().equals(first); i++) {
        Thread.sleep(50);
      }
      assertEquals(second.certificate(), session.wrapper().certificate());
      assertEquals(second.certificate(), handshake(session.wrapper().port(), null, second.certificate()));
    }
  }

  @Test
  void acmeWithoutTheRedirectListenerIsAUsageErrorThatSaysPort80MustReachIt() {
    Main.Outcome outcome =
        run("--acme", "https://acme.example/dir", "--name", "blog.example.org", "--acme-accept-tos");
    assertEquals(2, outcome.exitCode());
    assertEquals(
        "https-wrapper: --acme needs --redirect-http PORT: the CA checks each --name with a plain-HTTP request"
            + " to port 80, which must reach that listener, e.g. --redirect-http 80 (or forward port 80 to"
            + " --redirect-http 8080)\nTry --help.\n",
        err());
  }

  @Test
  void helpListsTheCertificateOptionsWithTheirDefaults() {
    assertEquals(0, run("--help").exitCode());
    for (String text :
        List.of(
            "one of --self-signed, --local-ca, --cert, --keystore, --acme; default: --self-signed", "--local-ca ",
            "Import its root in browsers once", "--sni NAME=CERT[,KEY]", "--reload-interval T", "Default: 2s",
            "0 turns watching off", "--acme URL", "--acme-email ADDRESS", "--acme-accept-tos", "--acme-ca FILE",
            "Default: the JDK's trust store", "port 80 must reach it", "--local-ca --name blog.home.arpa",
            "--cert cert.pem --sni blog.example.org=blog.pem",
            "--acme-email admin@example.org --acme-accept-tos")) {
      assertTrue(out().contains(text), text);
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
            "--help", "--version", "Exit codes\n  0  stopped normally", "\n  1  runtime error",
            "\n  2  bad usage", "--config FILE", "export-cert", "trust",
            "--target 127.0.0.1:4334 --listen 0.0.0.0:8443 \\\n      --allow 192.168.1.0/24 --name 192.168.1.5")) {
      assertTrue(out().contains(flag), flag);
    }
    assertEquals("", err());
  }

  @Test
  void helpListsEveryAccessOptionAndAnExamplePerScenario() {
    assertEquals(0, run("--help").exitCode());
    for (String text :
        List.of(
            "--policy NAME", "Default: trusted-network", "--htpasswd FILE", "--user NAME:HASH", "--client-ca FILE",
            "--client-cn NAME", "--client-spki PIN", "--realm TEXT", "Default: https-wrapper", "--hsts[=AGE]",
            "--strip-authorization", "--trusted-proxy CIDR", "--proxy-protocol", "--redirect-http PORT", "--tcp",
            "--max-request-line BYTES", "Default: 8192", "--max-header-size BYTES", "Default: 32768",
            "hash-password", "Trusted network:", "Local open, remote with a password:",
            "java -jar https-wrapper.jar hash-password --user alice",
            "--policy local-open --htpasswd /etc/https-wrapper/htpasswd", "Hostile network:",
            "--redirect-http 8080 --client-ca ca.pem")) {
      assertTrue(out().contains(text), text);
    }
  }

  @Test
  void localOpenServesThisMachineWithoutAPassword() throws Exception {
    String alice = "alice:" + Users.hashPassword("s3cret".toCharArray());
    Main.Outcome outcome =
        run("--listen", "127.0.0.1:0", "--state-dir", stateDir.toString(), "--policy", "local-open", "--user",
            alice);
    assertNotNull(outcome.session(), err());
    try (Session session = outcome.session()) {
      HttpResponse<String> hello = get(session.wrapper(), "hello");
      assertEquals(200, hello.statusCode());
      assertEquals("Hello from the https-wrapper demo site, served through HTTPS.\n", hello.body());
      assertTrue(
          out().contains(
              "  policy       local-open: this machine without a password; other addresses need a password (1"
                  + " user from --user)\n"),
          out());
      assertTrue(out().contains("  note         listening on 127.0.0.1, every client is on this machine"), out());
    }
  }

  @Test
  void localOpenAsksAClientThatATrustedProxyNamesAsRemoteForAPassword() throws Exception {
    String alice = "alice:" + Users.hashPassword("s3cret".toCharArray());
    Main.Outcome outcome =
        run("--listen", "127.0.0.1:0", "--state-dir", stateDir.toString(), "--policy", "local-open", "--user",
            alice, "--trusted-proxy", "127.0.0.1", "--realm", "Demo");
    assertNotNull(outcome.session(), err());
    try (Session session = outcome.session()) {
      HttpClient client = HttpClient.newBuilder().sslContext(session.wrapper().clientSslContext()).build();
      HttpRequest.Builder remote =
          HttpRequest.newBuilder(URI.create(session.wrapper().uri() + "hello"))
              .header("X-Forwarded-For", "203.0.113.5");
      HttpResponse<String> refused = client.send(remote.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(401, refused.statusCode());
      assertTrue(
          refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm=\"Demo\""),
          refused.headers().toString());
      String basic = Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> served =
          client.send(
              remote.header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, served.statusCode());
      assertFalse(out().contains("  note "), out());
    }
  }

  @Test
  void redirectPortAnswersPlainHttpWithTheHttpsUrl() throws Exception {
    Main.Outcome outcome =
        run("--listen", "127.0.0.1:0", "--state-dir", stateDir.toString(), "--redirect-http", "0");
    assertNotNull(outcome.session(), err());
    try (Session session = outcome.session()) {
      int port = session.wrapper().redirectPort();
      assertTrue(port > 0, String.valueOf(port));
      assertTrue(out().contains("  redirect     http://127.0.0.1:" + port + "/ -> https\n"), out());
      HttpResponse<String> moved =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(301, moved.statusCode());
      assertEquals(
          "https://127.0.0.1:" + session.wrapper().port() + "/hello",
          moved.headers().firstValue("Location").orElse(""));
    }
  }

  @Test
  void tcpRelaysTheDemoSiteAsBytes() throws Exception {
    Main.Outcome outcome = run("--listen", "127.0.0.1:0", "--state-dir", stateDir.toString(), "--tcp");
    assertNotNull(outcome.session(), err());
    try (Session session = outcome.session()) {
      assertEquals(200, get(session.wrapper(), "hello").statusCode());
      assertTrue(out().contains("  policy       none: --tcp relays bytes without reading HTTP"), out());
    }
  }

  @Test
  void policyWithoutUsersIsAUsageErrorThatNamesTheFlagToAdd() {
    Main.Outcome outcome = run("--policy", "local-open");
    assertEquals(2, outcome.exitCode());
    assertEquals(
        "https-wrapper: --policy local-open asks other machines for a password, so it needs users: add"
            + " --htpasswd FILE or --user NAME:HASH (make the hash with hash-password), or --client-ca FILE to"
            + " ask for client certificates instead\nTry --help.\n",
        err());
  }

  @Test
  void missingHtpasswdFileIsOneLineAndExitCode1() {
    Path missing = stateDir.resolve("htpasswd");
    Main.Outcome outcome =
        run("--listen", "127.0.0.1:0", "--state-dir", stateDir.toString(), "--policy", "local-open",
            "--htpasswd", missing.toString());
    assertEquals(1, outcome.exitCode());
    assertTrue(err().startsWith("https-wrapper: "), err());
    assertTrue(err().contains(missing.toString()), err());
    assertEquals(1, err().lines().count(), err());
  }

  @Test
  void plaintextPasswordInTheHtpasswdFileIsRefusedWithTheCommandThatFixesIt() throws Exception {
    Path htpasswd = stateDir.resolve("htpasswd");
    Files.writeString(htpasswd, "bob:plainpw\n");
    Main.Outcome outcome =
        run("--listen", "127.0.0.1:0", "--state-dir", stateDir.toString(), "--policy", "local-open",
            "--htpasswd", htpasswd.toString());
    assertEquals(1, outcome.exitCode());
    assertTrue(err().startsWith("https-wrapper: " + htpasswd + " line 1: user bob has a plaintext password"), err());
    assertTrue(
        err().endsWith(", or replace the line with what java -jar https-wrapper.jar hash-password --user NAME"
            + " prints\n"),
        err());
    assertFalse(err().contains("allowPlaintext"), err());
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

  /** Writes the key and certificate {@code source} makes into {@code pem}, through a temporary file. */
  private Identity writeBoth(CertificateSource.SelfSigned source, String name, Path pem) throws Exception {
    Identity identity = source.load();
    Path made = source.effectiveStateDirectory().resolve("self-signed");
    Path next = stateDir.resolve(name + ".tmp");
    Files.writeString(
        next, Files.readString(made.resolve("key.pem")) + Files.readString(made.resolve("certificate.pem")));
    Files.move(next, pem, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return identity;
  }

  /** An SSL context that trusts the certificates in {@code pem} and nothing else. */
  private static SSLContext trusting(Path pem) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    int i = 0;
    for (X509Certificate certificate : certificates(pem)) {
      trust.setCertificateEntry("trusted-" + i++, certificate);
    }
    return trusting(trust);
  }

  private static SSLContext trusting(KeyStore trust) throws Exception {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static List<X509Certificate> certificates(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
          .map(X509Certificate.class::cast)
          .toList();
    }
  }

  /**
   * The certificate served to a client of 127.0.0.1 that asks for {@code serverName} (none when {@code null}),
   * trusts only {@code trusted} and checks the host name: the server name, else 127.0.0.1.
   */
  private static X509Certificate handshake(int port, String serverName, X509Certificate trusted)
      throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("trusted", trusted);
    try (SSLSocket socket =
        (SSLSocket) trusting(trust).getSocketFactory().createSocket("127.0.0.1", port)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      if (serverName != null) {
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
      }
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  private static HttpResponse<String> get(HttpsWrapper wrapper, String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(wrapper.clientSslContext()).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(wrapper.uri() + path)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
