package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code testssl.sh}, all of its default checks, against the command-line program as users run it: a separate JVM
 * wrapping a plain-HTTP target, serving a certificate from its local CA, whose root testssl is given with
 * {@code --add-ca} so that the chain of trust is checked too. No finding may be worse than {@code LOW}.
 *
 * <p>The whole default run (protocols, ciphers, server preferences, certificate, HTTP headers, the known
 * vulnerabilities, client simulations) takes one to two minutes here, so nothing is skipped.
 */
@Timeout(60)
class TestsslScanTest {
  private static final Duration SCAN_TIMEOUT = Duration.ofMinutes(5);
  private static final Pattern SERVING = Pattern.compile("serving\\s+https://127\\.0\\.0\\.1:(\\d+)/");
  private static final Set<String> FAILING = Set.of("MEDIUM", "HIGH", "CRITICAL", "FATAL");

  /**
   * Findings that describe the test setup or another component, not the wrapper's TLS, by testssl id.
   *
   * <ul>
   *   <li>{@code cert_revocation} ("Neither CRL nor OCSP URI provided"): a local CA runs no CRL or OCSP service,
   *       and needs none: it issues server certificates valid for 30 days, renewed automatically, so a leaked key
   *       is soon worthless. A certificate from a public CA ({@code --cert}, {@code --acme}) carries its own.
   *   <li>{@code security_headers} (no X-Frame-Options, X-Content-Type-Options, Content-Security-Policy, ...):
   *       what a page may do is the wrapped application's decision, and its response headers reach the client
   *       unchanged; a TLS wrapper that added them would break applications meant to be framed or sniffed.
   * </ul>
   */
  private static final Map<String, String> NOT_THE_WRAPPERS =
      Map.of(
          "cert_revocation", "a local CA publishes no CRL or OCSP; its 30-day certificates renew themselves",
          "security_headers", "the target application's response headers, relayed unchanged");

  /**
   * testssl's certificate expiry thresholds (defaults: MEDIUM under 60 days, HIGH under 30), set to the local CA's
   * own: its 30-day certificates are renewed when half their life is left, so fewer than 15 days left means a
   * renewal was missed (MEDIUM), fewer than 7 that it is urgent (HIGH).
   */
  private static final Map<String, String> EXPIRY_THRESHOLDS = Map.of("DAYS2WARN1", "15", "DAYS2WARN2", "7");

  @TempDir static Path directory;
  private static JdkTarget target;
  private static List<TestsslFinding> findings;
  private static String report;

  @BeforeAll
  @Timeout(360)
  static void scan() throws Exception {
    String testssl = ExternalTool.find("testssl", "testssl.sh");
    target = JdkTarget.start(exchange -> JdkTarget.respond(exchange, 200, "scanned"));
    Path state = directory.resolve("state");
    try (CliProcess cli =
        CliProcess.start(List.of(), "--target", "127.0.0.1:" + target.port(), "--listen", "127.0.0.1:0",
            "--state-dir", state.toString(), "--local-ca")) {
      String port = cli.awaitLine(SERVING, Duration.ofSeconds(30)).group(1);
      Path json = directory.resolve("testssl.json"); // a new file: testssl will not overwrite one
      List<String> command =
          List.of(testssl, "--quiet", "--color", "0", "--warnings", "batch", "--connect-timeout", "10",
              "--openssl-timeout", "10", "--ip", "127.0.0.1", "--add-ca",
              state.resolve("local-ca/root-certificate.pem").toString(), "--jsonfile", json.toString(),
              "https://localhost:" + port + "/");
      try (ExternalTool.Running run = ExternalTool.Running.start(EXPIRY_THRESHOLDS, command)) {
        Commands.Result result = run.await(SCAN_TIMEOUT);
        System.out.printf("testssl.sh ran %d s against the wrapper on Java %s%n", run.elapsed().toSeconds(),
            Runtime.version().feature());
        report = result + "\n--- wrapper\n" + cli;
        assertTrue(Files.isRegularFile(json), "testssl wrote no JSON\n" + report);
        findings = TestsslFinding.parse(Files.readString(json, StandardCharsets.UTF_8));
      }
    }
  }

  @AfterAll
  static void stop() {
    if (target != null) {
      target.close();
    }
  }

  @Test
  void noFindingIsWorseThanLow() {
    List<TestsslFinding> bad =
        findings.stream()
            .filter(f -> FAILING.contains(f.severity()) && !NOT_THE_WRAPPERS.containsKey(f.id()))
            .toList();

    assertEquals(List.of(), bad, "testssl findings above LOW:\n"
        + bad.stream().map(TestsslFinding::toString).collect(Collectors.joining("\n")) + "\n" + report);
  }

  @Test
  void chainFromTheLocalCaIsTrusted() {
    assertEquals("OK", finding("cert_chain_of_trust").severity(), report);
  }

  @Test
  void onlyTls12AndTls13AreOffered() {
    for (String protocol : List.of("SSLv2", "SSLv3", "TLS1", "TLS1_1")) {
      assertTrue(finding(protocol).finding().startsWith("not offered"), finding(protocol) + "\n" + report);
    }
    assertTrue(finding("TLS1_2").finding().startsWith("offered"), finding("TLS1_2") + "\n" + report);
    assertTrue(finding("TLS1_3").finding().startsWith("offered"), finding("TLS1_3") + "\n" + report);
  }

  @Test
  void clientInitiatedRenegotiationIsRefused() {
    TestsslFinding renegotiation = finding("secure_client_renego");

    assertEquals("OK", renegotiation.severity(), renegotiation + "\n" + report);
  }

  @Test
  void tlsCompressionIsOff() {
    TestsslFinding crime = finding("CRIME_TLS");

    assertEquals("OK", crime.severity(), crime + "\n" + report);
  }

  private static TestsslFinding finding(String id) {
    Optional<TestsslFinding> found = findings.stream().filter(f -> id.equals(f.id())).findFirst();
    return found.orElseThrow(() -> new AssertionError("testssl reported no " + id + "\n" + report));
  }
}
