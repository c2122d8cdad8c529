package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code slowhttptest} holds a few hundred connections open from 127.0.0.1 by sending a request's head
 * (slowloris, {@code -H}) or body ({@code -B}) a few bytes at a time. Meanwhile a normal client on another
 * address, 127.0.0.2, on a fresh connection each time, must still be served; afterwards the wrapper must give
 * back every connection and socket. Connections the wrapper refuses (a limit per address or in all) are fine.
 */
@Timeout(120)
class SlowHttpTest {
  private static final int ATTACK_CONNECTIONS = 300;
  private static final int ATTACK_SECONDS = 20;
  private static final int PROBES = 5;
  /** Proof that the attack really held connections open while the normal client was served. */
  private static final int HELD_AT_LEAST = 100;

  @TempDir Path directory;
  private JdkTarget target;
  private HttpsWrapper wrapper;

  @BeforeAll
  static void slowhttptestIsInstalled() {
    ExternalTool.find("slowhttptest");
  }

  @BeforeEach
  void start() throws IOException {
    // Like a real application, the target reads the whole body before it answers.
    target =
        JdkTarget.start(
            exchange -> {
              try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(OutputStream.nullOutputStream());
              }
              JdkTarget.respond(exchange, 200, "served");
            });
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .certificate(CertificateSource.selfSigned().stateDirectory(directory.resolve("state")))
            .start();
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    if (target != null) {
      target.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"slowloris, -H", "slow body, -B"})
  void normalClientIsServedDuringTheAttackAndEveryConnectionIsGivenBack(String attack, String mode)
      throws Exception {
    Resources baseline = Resources.take(wrapper);
    Path report = directory.resolve(mode.substring(1));
    List<String> command =
        List.of(ExternalTool.find("slowhttptest"), mode, "-c", "" + ATTACK_CONNECTIONS, "-r", "100",
            "-i", "2", "-x", "24", "-s", "65536", "-l", "" + ATTACK_SECONDS, "-p", "3",
            "-u", "https://127.0.0.1:" + wrapper.port() + "/", "-g", "-o", report.toString());
    List<Integer> statuses = new ArrayList<>();
    long held = 0;
    Commands.Result result;
    try (ExternalTool.Running run = ExternalTool.Running.start(Map.of(), command)) {
      held = awaitHeld(run, Duration.ofSeconds(10));
      for (int i = 0; i < PROBES && run.isAlive(); i++) {
        statuses.add(normalRequest());
        held = Math.max(held, wrapper.metrics().connectionsOpen());
        Thread.sleep(1000);
      }
      boolean stillAttacking = run.isAlive();
      result = run.await(Duration.ofSeconds(ATTACK_SECONDS + 40));
      String csv = lastLines(Path.of(report + ".csv"));
      System.out.printf("slowhttptest %s: %d s, %d connections held at most; normal client got %s; csv:%n%s%n",
          attack, run.elapsed().toSeconds(), held, statuses, csv);
      System.out.println(statusLines(result.stdout()));
      assertTrue(stillAttacking, "the attack ended before the normal client's last request\n" + result);
    }

    assertEquals(List.of(200, 200, 200, 200, 200), statuses, attack + "\n" + result);
    assertTrue(held >= HELD_AT_LEAST, "the attack held only " + held + " connections\n" + result);
    Resources.awaitBackTo(baseline, wrapper, 0, Duration.ofSeconds(30));
  }

  /** Waits until the wrapper holds {@link #HELD_AT_LEAST} connections (or the time is up); returns the count. */
  private long awaitHeld(ExternalTool.Running run, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long open = wrapper.metrics().connectionsOpen();
    while (open < HELD_AT_LEAST && run.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      open = wrapper.metrics().connectionsOpen();
    }
    return open;
  }

  /** One GET on a new connection from 127.0.0.2, trusting exactly the wrapper; the response's status. */
  private int normalRequest() throws IOException {
    try (SSLSocket socket = (SSLSocket) wrapper.clientSslContext().getSocketFactory().createSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.2", 0));
      socket.connect(new InetSocketAddress("127.0.0.1", wrapper.port()), 5000);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + wrapper.port() + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Optional<RawResponse> response = RawResponse.read(socket.getInputStream());
      return response.map(RawResponse::status).orElse(-1);
    }
  }

  /** slowhttptest's summary lines ("connected: 300", "service available: YES"), without terminal colours. */
  private static String statusLines(String stdout) {
    List<String> lines =
        stdout.replaceAll("\u001b\\[[0-9;]*m", "").lines()
            .filter(l -> l.matches("(?i)\\s*(connected|closed|error|pending|service available|exit status).*"))
            .toList();
    int from = Math.max(0, lines.size() - 6);
    return String.join("\n", lines.subList(from, lines.size()));
  }

  /** The CSV's header and last rows: seconds, closed, pending, connected, service available (0 when not). */
  private static String lastLines(Path csv) throws IOException {
    if (!Files.isRegularFile(csv)) {
      return "(no " + csv.getFileName() + ")";
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> shown = new ArrayList<>(lines.subList(0, Math.min(1, lines.size())));
    shown.addAll(lines.subList(Math.max(1, lines.size() - 3), lines.size()));
    return String.join("\n", shown);
  }
}
