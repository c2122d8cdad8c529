package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The command-line program as its users run it: a separate JVM, a banner, curl, SIGTERM, exit codes. */
@Timeout(60)
class CliProcessTest {
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final Pattern SERVING = Pattern.compile("serving\\s+(https://\\S+)");
  private static final Pattern CERT_FILE = Pattern.compile("cert file\\s+(\\S.*)$");
  private static final Pattern METRICS = Pattern.compile("metrics\\s+(http://127\\.0\\.0\\.1:[0-9]+/metrics) ");
  private static final Pattern TRY = Pattern.compile("try\\s+(curl .*)$");

  private static JdkTarget target;

  @TempDir Path directory;

  @BeforeAll
  static void startTarget() throws IOException {
    Commands.assumeInstalled("curl", "--version");
    target = JdkTarget.start(exchange -> JdkTarget.respond(exchange, 200, "hello from the target"));
  }

  @AfterAll
  static void stopTarget() {
    if (target != null) {
      target.close();
    }
  }

  @Test
  void bannerNamesUrlAndCertificateFileThatCurlTrusts() throws Exception {
    try (CliProcess cli = startCli()) {
      String url = cli.awaitLine(SERVING, STARTUP).group(1);
      Path certificateFile = Path.of(cli.awaitLine(CERT_FILE, STARTUP).group(1).strip());

      assertTrue(url.matches("https://127\\.0\\.0\\.1:[1-9][0-9]*/"), url);
      assertTrue(certificateFile.startsWith(directory.resolve("state")),
          "the certificate file should be kept in --state-dir: " + certificateFile);
      Commands.Result curl =
          Commands.run(Duration.ofSeconds(25),
                  List.of("curl", "-sS", "--max-time", "20", "--cacert", certificateFile.toString(), url))
              .requireSuccess();
      assertEquals("hello from the target", curl.stdout());
    }
  }

  @Test
  void bannerCurlCommandWorksAsPrinted() throws Exception {
    try (CliProcess cli = startCli()) {
      String printed = cli.awaitLine(TRY, STARTUP).group(1);
      List<String> command = new ArrayList<>(List.of(printed.split(" +")));
      command.addAll(1, List.of("-sS", "--max-time", "20"));

      Commands.Result curl = Commands.run(Duration.ofSeconds(25), command).requireSuccess();

      assertEquals("hello from the target", curl.stdout(), printed);
    }
  }

  @Test
  void metricsPortServesTheCountersAndEachRequestGetsAnAccessLine() throws Exception {
    try (CliProcess cli = startCli("--metrics-port", "0")) {
      String url = cli.awaitLine(SERVING, STARTUP).group(1);
      Path certificateFile = Path.of(cli.awaitLine(CERT_FILE, STARTUP).group(1).strip());
      String metrics = cli.awaitLine(METRICS, STARTUP).group(1);
      Commands.run(Duration.ofSeconds(25),
              List.of("curl", "-sS", "--max-time", "20", "--cacert", certificateFile.toString(), url + "hi"))
          .requireSuccess();

      String counted = "https_wrapper_requests_total{status=\"200\"} 1";
      String scraped = "";
      for (int i = 0; i < 250 && !scraped.contains(counted); i++) {
        Thread.sleep(20);
        scraped = Commands.run(Duration.ofSeconds(25), List.of("curl", "-sS", "--max-time", "20", metrics))
            .requireSuccess().stdout();
      }
      assertTrue(scraped.contains(counted), scraped);
      for (int i = 0; i < 250 && !cli.stderr().contains(" \"GET /hi HTTP/1.1\" 200 "); i++) {
        Thread.sleep(20);
      }
      assertTrue(cli.stderr().contains(" 127.0.0.1 - \"GET /hi HTTP/1.1\" 200 "), cli.toString());
    }
  }

  @Test
  void sigtermStopsWithExitCode0() throws Exception {
    try (CliProcess cli = startCli()) {
      cli.awaitLine(SERVING, STARTUP);

      int exitCode = cli.terminate(Duration.ofSeconds(20));

      assertEquals(0, exitCode, cli.toString());
    }
  }

  @Test
  void unknownOptionExitsWith2AndOneErrorLine() throws Exception {
    try (CliProcess cli = CliProcess.start(List.of(), "--target", "127.0.0.1:" + target.port(), "--no-such-flag")) {
      int exitCode = cli.awaitExit(STARTUP);

      assertEquals(2, exitCode, cli.toString());
      List<String> errorLines = cli.stderr().lines().filter(l -> l.startsWith("https-wrapper:")).toList();
      assertEquals(1, errorLines.size(), cli.toString());
      assertTrue(errorLines.get(0).contains("--no-such-flag"), cli.toString());
      assertFalse(cli.stderr().contains("\tat "), "no stack trace expected\n" + cli);
    }
  }

  @Test
  void missingCertificateFileExitsWith1NamingTheFile() throws Exception {
    Path missing = directory.resolve("no-such-cert.pem");

    assertCertificateFileRefused(missing);
  }

  @Test
  void certificateFileWithoutPemExitsWith1NamingTheFile() throws Exception {
    Path garbage = Files.writeString(directory.resolve("not-a-cert.pem"), "this is not PEM\n");

    assertCertificateFileRefused(garbage);
  }

  @Test
  void pemCertificateGivenWithCertIsServed() throws Exception {
    Commands.assumeInstalled("openssl", "version");
    Material.Served served = Material.PEM_ONE_FILE.make(Files.createDirectories(directory.resolve("pem")));

    try (CliProcess cli = startCli("--cert", served.trustedPem().toString())) {
      String url = cli.awaitLine(SERVING, STARTUP).group(1);

      Commands.Result curl =
          Commands.run(Duration.ofSeconds(25),
                  List.of("curl", "-sS", "--max-time", "20", "--cacert", served.trustedPem().toString(), url))
              .requireSuccess();
      assertEquals("hello from the target", curl.stdout());
    }
  }

  private void assertCertificateFileRefused(Path file) throws InterruptedException {
    try (CliProcess cli = startCli("--cert", file.toString())) {
      int exitCode = cli.awaitExit(STARTUP);

      assertEquals(1, exitCode, cli.toString());
      assertTrue(cli.stderr().contains(file.getFileName().toString()), "stderr should name the file\n" + cli);
      assertFalse(cli.stderr().contains("\tat "), "no stack trace expected\n" + cli);
    }
  }

  private CliProcess startCli(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("--target", "127.0.0.1:" + target.port(), "--listen", "127.0.0.1:0", "--state-dir",
                directory.resolve("state").toString()));
    args.addAll(List.of(extra));
    return CliProcess.start(List.of(), args.toArray(new String[0]));
  }
}
