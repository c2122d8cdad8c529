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
 * (slowloris, {@code -H}) or body ({@code -B}) a few bytes at a time. With the default timeouts a normal client on
 * another address, 127.0.0.2, on a fresh connection each time, must still be served meanwhile, and the wrapper
 * must give back every connection and socket afterwards; with short ones, the wrapper itself must close every
 * attack connection long before the attacker would. Connections refused by the per-client limit are fine.
 */
@Timeout(120)
class SlowHttpTest {
  private static final int ATTACK_CONNECTIONS = 300;
  private static final int PROBES = 5;
  /** Proof that the attack really held connections open. */
  private static final int HELD_AT_LEAST = 50;

  @TempDir Path directory;
  private JdkTarget target;
  private HttpsWrapper wrapper;

  @BeforeAll
  static void slowhttptestIsInstalled() {
    ExternalTool.find("slowhttptest");
  }

  @BeforeEach
  void startTarget() throws IOException {
    // Like a real application, the target reads the whole body before it answers.
    target =
        JdkTarget.start(
            exchange -> {
              try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(OutputStream.nullOutputStream());
              }
              JdkTarget.respond(exchange, 200, "served");
            });
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

  /** Default timeouts; the attack sends a few bytes every 2 s for 15 s, inside every one of them. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"slowloris, -H", "slow body, -B"})
  void normalClientIsServedDuringTheAttackAndEveryConnectionIsGivenBack(String attack, String mode)
      throws Exception {
    startWrapper(HttpsWrapper.forTarget("127.0.0.1", target.port()));
    Resources baseline = Resources.take(wrapper);
    List<Integer> statuses = new ArrayList<>();
    long held;
    Commands.Result result;
    try (ExternalTool.Running run = attack(mode, 2, 15)) {
      held = awaitHeld(run, Duration.ofSeconds(10));
      for (int i = 0; i < PROBES && run.isAlive(); i++) {
        statuses.add(normalRequest());
        held = Math.max(held, wrapper.metrics().connectionsOpen());
        Thread.sleep(1000);
      }
      boolean stillAttacking = run.isAlive();
      result = run.await(Duration.ofSeconds(60));
      report(attack, run, held, statuses, result, mode);
      assertTrue(stillAttacking, "the attack ended before the normal client's last request\n" + result);
    }

    assertEquals(List.of(200, 200, 200, 200, 200), statuses, attack + "\n" + result);
    assertTrue(held >= HELD_AT_LEAST, "the attack held only " + held + " connections\n" + result);
    Resources.awaitBackTo(baseline, wrapper, 0, Duration.ofSeconds(30));
  }

  /**
   * A 3 s request-head timeout and a 2 s request-body pause; the attack sends a few bytes every 5 s and would go
   * on for 60 s, but ends early because the wrapper closed every one of its connections.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"slowloris, -H", "slow body, -B"})
  void shortTimeoutsCloseEveryAttackConnectionBeforeTheAttackEnds(String attack, String mode) throws Exception {
    startWrapper(
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .requestHeadTimeout(Duration.ofSeconds(3))
            .requestBodyTimeout(Duration.ofSeconds(2)));
    Resources baseline = Resources.take(wrapper);
    Commands.Result result;
    long held;
    try (ExternalTool.Running run = attack(mode, 5, 60)) {
      held = awaitHeld(run, Duration.ofSeconds(10));
      result = run.await(Duration.ofSeconds(90));
      report(attack, run, held, List.of(), result, mode);
    }

    assertTrue(held >= HELD_AT_LEAST, "the attack held only " + held + " connections\n" + result);
    assertTrue(statusLines(result.stdout()).contains("No open connections left"),
        "slowhttptest should have ended because the wrapper closed all its connections\n" + result);
    Resources.awaitBackTo(baseline, wrapper, 0, Duration.ofSeconds(30));
  }

  private void startWrapper(HttpsWrapper.Builder builder) {
    wrapper = builder.certificate(CertificateSource.selfSigned().stateDirectory(directory.resolve("state"))).start();
  }

  /** slowhttptest in {@code mode}, sending a little every {@code interval} seconds for at most {@code seconds}. */
  private ExternalTool.Running attack(String mode, int interval, int seconds) {
    List<String> command =
        List.of(ExternalTool.find("slowhttptest"), mode, "-c", "" + ATTACK_CONNECTIONS, "-r", "200",
            "-i", "" + interval, "-x", "24", "-s", "65536", "-l", "" + seconds, "-p", "3",
            "-u", "https://127.0.0.1:" + wrapper.port() + "/", "-g", "-o", reportPrefix(mode).toString());
    return ExternalTool.Running.start(Map.of(), command);
  }

  /** What slowhttptest said, for the test's output. */
  private void report(String attack, ExternalTool.Running run, long held, List<Integer> statuses,
      Commands.Result result, String mode) throws IOException {
    System.out.printf("slowhttptest %s: %d s, the wrapper held %d connections at most; normal client got %s%n",
        attack, run.elapsed().toSeconds(), held, statuses);
    System.out.println(lastLines(Path.of(reportPrefix(mode) + ".csv")) + "\n" + statusLines(result.stdout()));
  }

  /** Where slowhttptest writes its CSV and HTML ({@code -g -o}), without the extension. */
  private Path reportPrefix(String mode) {
    return directory.resolve("slowhttptest" + mode);
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
