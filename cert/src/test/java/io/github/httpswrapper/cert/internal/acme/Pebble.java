package io.github.httpswrapper.cert.internal.acme;

import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real ACME server on loopback for tests: pebble, the small test CA by Let's Encrypt (Debian package
 * {@code pebble}), with {@code pebble-challtestsrv} from the same package as its DNS server.
 *
 * <p>How it is set up, and why:
 *
 * <ul>
 *   <li><b>DNS.</b> Pebble validates a domain by resolving it, and refuses names that are not fully qualified
 *       ({@code localhost}), so it cannot use the system resolver here. {@code pebble-challtestsrv -dns01
 *       127.0.0.1:PORT -defaultIPv4 127.0.0.1 -defaultIPv6 ""} answers every A query with 127.0.0.1 and no
 *       AAAA, and pebble is pointed at it with {@code -dnsserver 127.0.0.1:PORT}. So any name, such as
 *       {@code blog.example.org}, leads pebble to this machine. The test server's HTTP-01, HTTPS and TLS-ALPN
 *       responders are switched off ({@code -http01 "" -https01 "" -tlsalpn01 ""}): the test answers the
 *       challenges itself, as the wrapper would.
 *   <li><b>HTTP-01.</b> Pebble fetches {@code http://<domain>:<httpPort>/.well-known/acme-challenge/<token>};
 *       {@code httpPort} in its JSON configuration is set to the port of the test's own
 *       {@link ChallengeResponder} (the real CA always uses port 80). {@code tlsPort} is unused.
 *   <li><b>API certificate.</b> Pebble serves its API over HTTPS only, with a certificate named in its
 *       configuration; the package ships none, so a self-signed one for {@code 127.0.0.1} is made with
 *       {@link CertificateSource#selfSigned()} and handed to the client as {@code trustedRoots}.
 *   <li><b>Speed and determinism.</b> {@code PEBBLE_VA_NOSLEEP=1} (no random validation delay),
 *       {@code PEBBLE_WFE_NONCEREJECT=0} (no nonces rejected on purpose), {@code PEBBLE_AUTHZREUSE=0} (every
 *       order is validated afresh, so a new order shows as a challenge request), {@code -strict=false}.
 *   <li><b>Issuing root.</b> Pebble makes a new root and intermediate at every start; the root is served by its
 *       management API at {@code /roots/0}.
 * </ul>
 *
 * <p>Both processes are stopped by {@link #close()} (and by a shutdown hook, should the JVM exit first).
 */
public final class Pebble implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(20);

  private final List<Process> processes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::destroy, "pebble-shutdown");
  private final Path dir;
  private final Path apiCertificate;
  private int apiPort;
  private int managementPort;

  private Pebble(Path dir, Path apiCertificate) {
    this.dir = dir;
    this.apiCertificate = apiCertificate;
  }

  /** Whether the {@code pebble} and {@code pebble-challtestsrv} programs are on the PATH. */
  public static boolean installed() {
    return onPath("pebble") && onPath("pebble-challtestsrv");
  }

  /** Starts pebble and its DNS server; HTTP-01 validation goes to {@code 127.0.0.1:httpPort}. */
  public static Pebble start(Path dir, int httpPort) throws Exception {
    Files.createDirectories(dir);
    Identity api = CertificateSource.selfSigned().stateDirectory(dir.resolve("api-certificate")).load();
    Path certificate = api.certificateFile().orElseThrow();
    Pebble pebble = new Pebble(dir, certificate);
    Runtime.getRuntime().addShutdownHook(pebble.shutdownHook);
    try {
      pebble.launch(httpPort, certificate.resolveSibling("key.pem"));
      return pebble;
    } catch (Exception | Error e) {
      pebble.close();
      throw e;
    }
  }

  private void launch(int httpPort, Path apiKey) throws Exception {
    int dnsPort = freeTcpAndUdpPort();
    processes.add(run("challtestsrv", Map.of(),
        "pebble-challtestsrv", "-dns01", "127.0.0.1:" + dnsPort, "-defaultIPv4", "127.0.0.1",
        "-defaultIPv6", "", "-http01", "", "-https01", "", "-tlsalpn01", "",
        "-management", "127.0.0.1:" + freePort()));
    awaitListening(dnsPort, processes.get(0), "challtestsrv");
    apiPort = freePort();
    managementPort = freePort();
    Path config = dir.resolve("pebble-config.json");
    Files.writeString(config, "{\"pebble\": {"
        + "\"listenAddress\": \"127.0.0.1:" + apiPort + "\", "
        + "\"managementListenAddress\": \"127.0.0.1:" + managementPort + "\", "
        + "\"certificate\": \"" + apiCertificate + "\", "
        + "\"privateKey\": \"" + apiKey + "\", "
        + "\"httpPort\": " + httpPort + ", \"tlsPort\": " + freePort() + ", "
        + "\"ocspResponderURL\": \"\", \"externalAccountBindingRequired\": false}}");
    processes.add(run("pebble",
        Map.of("PEBBLE_VA_NOSLEEP", "1", "PEBBLE_WFE_NONCEREJECT", "0", "PEBBLE_AUTHZREUSE", "0"),
        "pebble", "-config", config.toString(), "-dnsserver", "127.0.0.1:" + dnsPort, "-strict=false"));
    awaitListening(apiPort, processes.get(1), "pebble");
    awaitListening(managementPort, processes.get(1), "pebble");
  }

  /** The ACME directory URL. */
  public URI directory() {
    return URI.create("https://127.0.0.1:" + apiPort + "/dir");
  }

  /** A PEM file with the certificate pebble's API serves: what {@code trustedRoots(...)} needs. */
  public Path apiCertificate() {
    return apiCertificate;
  }

  /** The root that issued every certificate of this pebble run, from its management API. */
  public X509Certificate issuingRoot() throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    try (InputStream in = Files.newInputStream(apiCertificate)) {
      trusted.setCertificateEntry("pebble-api", factory.generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<byte[]> response = client.send(
        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + managementPort + "/roots/0"))
            .timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("pebble /roots/0 answered " + response.statusCode());
    }
    return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(response.body()));
  }

  /** Stops pebble and its DNS server and waits until both have exited. Idempotent. */
  @Override
  public void close() {
    destroy();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook runs (or ran) destroy() itself.
    }
  }

  private void destroy() {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private Process run(String name, Map<String, String> environment, String... command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }

  private void awaitListening(int port, Process process, String name) throws Exception {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + log(name));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException(name + " did not listen on port " + port + " within " + STARTUP + ": " + log(name));
  }

  private String log(String name) throws IOException {
    return Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8);
  }

  /** A port that is free now on 127.0.0.1 (another process could still take it before it is used). */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static int freeTcpAndUdpPort() throws IOException {
    for (int attempt = 0; attempt < 20; attempt++) {
      int port = freePort();
      try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
        return udp.getLocalPort();
      } catch (IOException taken) {
        // The UDP port of the same number is in use: try another.
      }
    }
    throw new IOException("no port free for both TCP and UDP on 127.0.0.1");
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String entry : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(entry, program))) {
        return true;
      }
    }
    return false;
  }
}
