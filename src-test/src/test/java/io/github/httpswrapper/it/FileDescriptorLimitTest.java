package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line program started with an open-file limit of 256 and then sent more idle connections than it
 * can hold: {@code accept()} fails with "Too many open files", and the accept loop must back off (a few log
 * lines a second, not a spinning core and a flooded log), stay up, and serve again once connections close.
 */
@Timeout(120)
class FileDescriptorLimitTest {
  private static final Pattern SERVING = Pattern.compile("serving\\s+(https://\\S+)");
  private static final Pattern CERT_FILE = Pattern.compile("cert file\\s+(\\S.*)$");
  private static final String CANNOT_ACCEPT = "cannot accept connections";
  private static final int LIMIT = 256;

  @TempDir Path directory;
  private JdkTarget target;

  @BeforeEach
  void startTarget() throws IOException {
    target = JdkTarget.start(exchange -> JdkTarget.respond(exchange, 200, "served"));
  }

  @AfterEach
  void stopTarget() {
    target.close();
  }

  @Test
  void outOfFileDescriptorsTheAcceptLoopBacksOffStaysUpAndServesAgainAfterwards() throws Exception {
    Commands.assumeInstalled("bash", "--version");
    List<Socket> idle = new ArrayList<>();
    try (CliProcess cli =
        CliProcess.startWithOpenFileLimit(LIMIT, List.of("-Xmx64m"),
            "--target", "127.0.0.1:" + target.port(), "--listen", "127.0.0.1:0",
            "--state-dir", directory.resolve("state").toString(),
            "--handshake-timeout", "2m", "--max-connections", "5000")) {
      URI url = URI.create(cli.awaitLine(SERVING, Duration.ofSeconds(30)).group(1));
      HttpClient client = Trust.client(Path.of(cli.awaitLine(CERT_FILE, Duration.ofSeconds(30)).group(1).strip()));
      assertEquals(200, get(client, url), "served before the flood");
      InetSocketAddress address = new InetSocketAddress(Ports.LOOPBACK, url.getPort());

      // Idle TCP connections that never start a handshake: each holds one of the wrapper's descriptors (more
      // wait in the listen backlog, completed by the kernel). Twice the limit is sure to exhaust it.
      for (int i = 0; i < 2 * LIMIT && !cli.stderr().contains(CANNOT_ACCEPT); i++) {
        idle.add(ManyClients.tcp(i, address));
      }
      awaitStderr(cli, CANNOT_ACCEPT, Duration.ofSeconds(20));
      assertTrue(cli.stderr().contains("Too many open files"), cli.toString());
      long before = count(cli.stderr(), CANNOT_ACCEPT);
      Thread.sleep(3000);
      long during = count(cli.stderr(), CANNOT_ACCEPT) - before;

      // the back-off doubles up to 1 s: a handful of lines in 3 s; a spinning loop logs thousands
      assertTrue(during <= 20, during + " 'cannot accept' lines in 3 s: the accept loop spins\n" + cli);
      assertTrue(cli.isAlive(), "the wrapper died when out of file descriptors\n" + cli);

      for (Socket socket : idle) {
        socket.close();
      }
      idle.clear();

      assertEquals(200, getWithRetry(client, url, Duration.ofSeconds(20)), "served again after the flood\n" + cli);
      assertTrue(cli.isAlive(), cli.toString());
      System.out.println("out of file descriptors at " + LIMIT + ": " + during + " 'cannot accept' lines in 3 s");
    } finally {
      for (Socket socket : idle) {
        socket.close();
      }
    }
  }

  private static int get(HttpClient client, URI url) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  /** The wrapper takes up to its longest back-off (1 s) to try accepting again: retry for a while. */
  private static int getWithRetry(HttpClient client, URI url, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return get(client, url);
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private static void awaitStderr(CliProcess cli, String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!cli.stderr().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + text + "' on stderr within " + timeout + "\n" + cli);
      }
      Thread.sleep(50);
    }
  }

  private static long count(String text, String what) {
    return text.lines().filter(l -> l.contains(what)).count();
  }
}
