package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 TLS connections held open at once by one wrapper (Java 21+: virtual threads), then one request on
 * each, all answered {@code 200}. The wrapper runs as the command-line program and the clients in a process of
 * their own ({@link ConnectionHolderMain}), so that each process stays under the open-file limit (the wrapper
 * holds one socket per client and one per request in flight to the target, which answers with {@code
 * Connection: close} so that those stay few). Prints the time taken, the wrapper's resident memory at peak and
 * per held connection.
 */
@Timeout(180)
class ConcurrentConnectionsTest {
  private static final int CONNECTIONS = Integer.getInteger("concurrent.connections", 10_000);
  private static final Pattern SERVING = Pattern.compile("serving\\s+(https://\\S+)");
  private static final Pattern CERT_FILE = Pattern.compile("cert file\\s+(\\S.*)$");

  @TempDir Path directory;
  private HttpServer target;
  private ExecutorService targetThreads;

  @BeforeEach
  void startTarget() throws IOException {
    Assumptions.assumeTrue(Runtime.version().feature() >= 21, "10,000 connections need virtual threads (Java 21+)");
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "memory is read from /proc (Linux)");
    target = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, 0), 4096);
    targetThreads = Executors.newFixedThreadPool(8);
    target.setExecutor(targetThreads);
    target.createContext(
        "/",
        exchange -> {
          byte[] body = "held".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Connection", "close");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    target.start();
  }

  @AfterEach
  void stopTarget() {
    if (target != null) {
      target.stop(0);
      targetThreads.shutdownNow();
    }
  }

  @Test
  void tenThousandConnectionsAreHeldAtOnceAndEachIsServed() throws Exception {
    List<String> flags =
        new ArrayList<>(List.of(
            "--target", "127.0.0.1:" + target.getAddress().getPort(), "--listen", "127.0.0.1:0",
            "--state-dir", directory.resolve("state").toString(),
            "--max-connections", Integer.toString(CONNECTIONS + 100), "--handshake-timeout", "2m",
            // the first connections wait for their request until the last one is open
            "--request-head-timeout", "3m"));
    try (CliProcess wrapper = CliProcess.start(List.of("-Xss256k"), flags.toArray(new String[0]))) {
      URI url = URI.create(wrapper.awaitLine(SERVING, Duration.ofSeconds(30)).group(1));
      String certificate = wrapper.awaitLine(CERT_FILE, Duration.ofSeconds(30)).group(1).strip();
      long idleRss = rssAfterGc(wrapper.pid());

      Process clients =
          new ProcessBuilder(
                  Commands.jdkTool("java"), "-Xmx1g", "-Xss256k", "-cp", System.getProperty("java.class.path"),
                  ConnectionHolderMain.class.getName(), Integer.toString(url.getPort()), certificate,
                  Integer.toString(CONNECTIONS))
              .redirectErrorStream(true)
              .start();
      try {
        BlockingQueue<String> lines = linesOf(clients);
        long started = System.nanoTime();
        String held = awaitLine(lines, "HELD ", Duration.ofSeconds(150), wrapper);
        long heldRss = rssAfterGc(wrapper.pid());
        clients.getOutputStream().write('\n');
        clients.getOutputStream().flush();
        String done = awaitLine(lines, "DONE ", Duration.ofSeconds(120), wrapper);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long peakRss = memoryKiB(wrapper.pid(), "VmHWM");

        String[] counts = done.split(" ");
        List<String> failures = new ArrayList<>();
        lines.drainTo(failures);
        assertEquals(CONNECTIONS, Integer.parseInt(counts[1]), done + "\n" + String.join("\n", failures));
        assertEquals(0, Integer.parseInt(counts[2]), done + "\n" + String.join("\n", failures));
        assertTrue(wrapper.isAlive(), wrapper.toString());
        System.out.printf(
            "%d TLS connections (%s): held after %s ms, all served in %d ms in total; wrapper RSS after GC %d MiB"
                + " idle, %d MiB with all held (%.1f KiB per held connection), peak %d MiB%n",
            CONNECTIONS, Runtime.version(), held.split(" ")[2], tookMillis, idleRss / 1024, heldRss / 1024,
            (heldRss - idleRss) / (double) CONNECTIONS, peakRss / 1024);
      } finally {
        clients.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Resident memory after a full collection ({@code jcmd <pid> GC.run}), so that garbage not yet collected does
   * not count as memory the connections hold.
   */
  private static long rssAfterGc(long pid) throws IOException {
    Commands.run(Duration.ofSeconds(60), List.of(Commands.jdkTool("jcmd"), Long.toString(pid), "GC.run"));
    return memoryKiB(pid, "VmRSS");
  }

  /** A line of {@code /proc/<pid>/status}, such as VmRSS (resident now) or VmHWM (resident at peak), in KiB. */
  private static long memoryKiB(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
      }
    }
    throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
  }

  private static BlockingQueue<String> linesOf(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "connection-holder-output");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static String awaitLine(BlockingQueue<String> lines, String prefix, Duration timeout, CliProcess wrapper)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> other = new ArrayList<>();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        fail("the clients printed no '" + prefix + "' line within " + timeout + "; they printed:\n"
            + String.join("\n", other) + "\nwrapper:\n" + wrapper);
      }
      if (line.startsWith(prefix)) {
        return line;
      }
      other.add(line);
    }
  }
}
