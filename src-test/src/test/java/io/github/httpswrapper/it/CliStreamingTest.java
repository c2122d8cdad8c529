package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1 GiB through the command-line program started with a 48 MiB heap: it can only finish if bodies are streamed,
 * not buffered. Prints the throughput through the wrapper and straight from the target, for comparison.
 */
class CliStreamingTest {
  private static final long SIZE = 1024 * GeneratedBytes.MIB;
  private static final Pattern SERVING = Pattern.compile("serving\\s+(https://\\S+)");
  private static final Pattern CERT_FILE = Pattern.compile("cert file\\s+(\\S.*)$");

  @TempDir Path directory;
  private JdkTarget target;

  @BeforeEach
  void startTarget() throws IOException {
    byte[] block = new byte[64 * 1024];
    new Random(42).nextBytes(block);
    target =
        JdkTarget.start(
            exchange -> {
              exchange.getRequestBody().readAllBytes();
              exchange.sendResponseHeaders(200, SIZE);
              try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < SIZE; sent += block.length) {
                  out.write(block);
                }
              }
            });
  }

  @AfterEach
  void stopTarget() {
    target.close();
  }

  @Test
  @Timeout(180)
  void oneGibDownloadStreamsThroughCliWith48MibHeap() throws Exception {
    try (CliProcess cli =
        CliProcess.start(List.of("-Xmx48m"), "--target", "127.0.0.1:" + target.port(), "--listen", "127.0.0.1:0",
            "--state-dir", directory.resolve("state").toString())) {
      URI url = URI.create(cli.awaitLine(SERVING, Duration.ofSeconds(30)).group(1));
      Path certificateFile = Path.of(cli.awaitLine(CERT_FILE, Duration.ofSeconds(30)).group(1).strip());
      HttpClient client = Trust.client(certificateFile);

      double throughWrapper = download(client, url.resolve("/big"), "through the CLI wrapper (-Xmx48m)");

      assertTrue(cli.isAlive(), "the wrapper died\n" + cli);
      assertFalse(cli.stderr().contains("OutOfMemoryError"), cli.toString());

      double direct =
          download(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
              URI.create("http://127.0.0.1:" + target.port() + "/big"), "straight from the target (plain HTTP)");
      System.out.printf("1 GiB download: %.0f MB/s through the wrapper, %.0f MB/s direct (%s)%n",
          throughWrapper, direct, Runtime.version());
    }
  }

  /** Downloads {@code url}, counting bytes; prints and returns the throughput in MB/s (10^6 bytes). */
  private static double download(HttpClient client, URI url, String label) throws Exception {
    long started = System.nanoTime();
    HttpResponse<InputStream> response =
        client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    long count = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = response.body()) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        count += n;
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(SIZE, count, "bytes received " + label);
    double megabytesPerSecond = SIZE / 1e6 / seconds;
    System.out.printf("1 GiB %s: %.1f s, %.0f MB/s%n", label, seconds, megabytesPerSecond);
    return megabytesPerSecond;
  }
}
