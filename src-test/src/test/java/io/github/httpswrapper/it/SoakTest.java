package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.WrapperMetrics;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded soak: for {@code -Dsoak.seconds} (default 60; e.g. {@code mvn -B verify -pl src-test -am
 * -Dtest=SoakTest -Dsoak.seconds=600} for ten minutes) a few clients at once send keep-alive GETs, uploads with a
 * declared length and chunked, downloads with a declared length and chunked (every body hash-checked at the other
 * end), and WebSocket messages through an echo target. It must end with no error at all, and with the wrapper's
 * open connections, sockets, busy threads and heap back where they started.
 */
class SoakTest {
  private static final long SECONDS = Long.getLong("soak.seconds", 60);
  private static final int MAX_BODY = 4 * 1024 * 1024;

  @TempDir Path stateDirectory;
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicLong> done = new ConcurrentHashMap<>();
  private ScriptedTarget target;
  private HttpsWrapper wrapper;
  private volatile boolean stopping;

  @BeforeEach
  void start() throws IOException {
    target = ScriptedTarget.start(SoakTest::answer);
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
            .start();
  }

  @AfterEach
  void stop() throws IOException {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
  }

  @Test
  @Timeout(900) // enough for the documented ten-minute soak; the default one ends long before
  void mixedTrafficForAWhileEndsWithNoErrorAndEverythingGivenBack() throws Exception {
    Resources baseline = Resources.take(wrapper);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    List<Thread> clients = new ArrayList<>();
    clients.add(client("keep-alive GET", this::smallGet));
    clients.add(client("upload", this::upload));
    clients.add(client("download", this::download));
    clients.add(client("WebSocket", this::webSocket));
    clients.forEach(Thread::start);
    while (System.nanoTime() < deadline && errors.isEmpty()) {
      Thread.sleep(200);
    }
    stopping = true;
    for (Thread client : clients) {
      client.join(30_000);
    }

    WrapperMetrics metrics = wrapper.metrics();
    System.out.println("soak of " + SECONDS + " s (" + Runtime.version() + "): " + done + "; wrapper " + metrics);
    assertTrue(errors.isEmpty(), errors.size() + " errors, the first ones: " + errors.subList(0, Math.min(10, errors.size())));
    done.forEach((kind, count) -> assertTrue(count.get() > 0, "no " + kind + " completed"));
    assertEquals(0, metrics.targetErrors().values().stream().mapToLong(Long::longValue).sum(),
        "target errors: " + metrics.targetErrors());
    assertEquals(Map.of(), withoutZeros(metrics.requests(), 101, 200), "answers besides 101 and 200");
    Resources after = Resources.awaitBackTo(baseline, wrapper, 0, Duration.ofSeconds(60));
    System.out.println("resources: baseline " + baseline + ", after the soak " + after);
  }

  private interface Step {
    void run(HttpClient client, SplittableRandom random) throws Exception;
  }

  /** A client thread that repeats {@code step} with its own {@link HttpClient} until the soak ends. */
  private Thread client(String kind, Step step) {
    AtomicLong count = done.computeIfAbsent(kind, k -> new AtomicLong());
    Thread thread =
        new Thread(
            () -> {
              HttpClient client = Trust.client(wrapper.clientSslContext());
              SplittableRandom random = new SplittableRandom(kind.hashCode());
              try {
                while (!stopping && errors.isEmpty()) {
                  try {
                    step.run(client, random);
                    count.incrementAndGet();
                  } catch (Exception | AssertionError e) {
                    errors.add(kind + ": " + e);
                  }
                }
              } finally {
                Resources.close(client);
              }
            },
            "soak-" + kind);
    thread.setDaemon(true);
    return thread;
  }

  private void smallGet(HttpClient client, SplittableRandom random) throws Exception {
    HttpResponse<String> response = client.send(request("/small").build(), HttpResponse.BodyHandlers.ofString());
    check(response.statusCode() == 200 && response.body().equals("small"), response + " " + response.body());
  }

  private void upload(HttpClient client, SplittableRandom random) throws Exception {
    long seed = random.nextLong();
    int size = random.nextInt(MAX_BODY);
    boolean chunked = random.nextBoolean();
    BodyPublisher streamed = BodyPublishers.ofInputStream(() -> new GeneratedBytes(seed, size));
    GeneratedBytes.Digest sent = GeneratedBytes.digest(new GeneratedBytes(seed, size));

    HttpResponse<String> response =
        client.send(request("/upload").POST(chunked ? streamed : BodyPublishers.fromPublisher(streamed, size)).build(),
            HttpResponse.BodyHandlers.ofString());

    check(response.statusCode() == 200, response + " " + response.body());
    check(response.body().equals(sent.sha256() + " " + sent.length()),
        (chunked ? "chunked" : "fixed") + " upload of " + size + " bytes arrived as " + response.body());
  }

  private void download(HttpClient client, SplittableRandom random) throws Exception {
    long seed = random.nextLong();
    int size = random.nextInt(MAX_BODY);
    String framing = random.nextBoolean() ? "chunked" : "fixed";

    HttpResponse<InputStream> response =
        client.send(request("/download/" + framing + "/" + seed + "/" + size).build(),
            HttpResponse.BodyHandlers.ofInputStream());

    check(response.statusCode() == 200, response.toString());
    GeneratedBytes.Digest received;
    try (InputStream in = response.body()) {
      received = GeneratedBytes.digest(in);
    }
    check(received.equals(GeneratedBytes.digest(new GeneratedBytes(seed, size))),
        framing + " download of " + size + " bytes arrived as " + received);
  }

  private void webSocket(HttpClient client, SplittableRandom random) throws Exception {
    BlockingQueue<String> echoes = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket socket =
        client.newWebSocketBuilder()
            .buildAsync(URI.create("wss://127.0.0.1:" + wrapper.port() + "/echo"), new EchoListener(echoes, closed))
            .get(20, TimeUnit.SECONDS);
    for (int i = 0; i < 20; i++) {
      String message = "message " + i + " " + "w".repeat(random.nextInt(40_000));
      socket.sendText(message, true).get(20, TimeUnit.SECONDS);
      String echo = echoes.poll(20, TimeUnit.SECONDS);
      check(message.equals(echo), "WebSocket echo of " + message.length() + " chars came back as "
          + (echo == null ? "nothing within 20 s" : echo.length() + " chars"));
    }
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(20, TimeUnit.SECONDS);
    check(closed.get(20, TimeUnit.SECONDS) == WebSocket.NORMAL_CLOSURE, "close code");
  }

  /** Collects whole text messages; completes {@code closed} with the close code the echo sends back. */
  private static final class EchoListener implements WebSocket.Listener {
    private final BlockingQueue<String> echoes;
    private final CompletableFuture<Integer> closed;
    private final StringBuilder text = new StringBuilder();

    EchoListener(BlockingQueue<String> echoes, CompletableFuture<Integer> closed) {
      this.echoes = echoes;
      this.closed = closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        echoes.add(text.toString());
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(wrapper.uri().resolve(path)).timeout(Duration.ofSeconds(30));
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }

  /** The counts that are not zero, except those of {@code expected}. */
  private static Map<Integer, Long> withoutZeros(Map<Integer, Long> counts, Integer... expected) {
    Map<Integer, Long> rest = new TreeMap<>(counts);
    rest.keySet().removeAll(List.of(expected));
    rest.values().removeIf(count -> count == 0);
    return rest;
  }

  /**
   * The target: {@code POST} bodies (either framing) answered with their SHA-256 and length; {@code GET
   * /download/<fixed|chunked>/<seed>/<size>} answered with generated bytes; WebSocket upgrades echoed; anything
   * else answered {@code small}.
   */
  private static boolean answer(Socket connection, String head) throws IOException {
    if (WebSocketEcho.isUpgrade(head)) {
      WebSocketEcho.serve(connection, head);
      return false;
    }
    if (head.startsWith("POST ")) {
      GeneratedBytes.Digest received = digestBody(connection.getInputStream(), head);
      return ScriptedTarget.ok(connection, received.sha256() + " " + received.length());
    }
    String[] path = ScriptedTarget.path(head).split("/");
    if (path.length == 5 && path[1].equals("download")) {
      boolean chunked = path[2].equals("chunked");
      long seed = Long.parseLong(path[3]);
      int size = Integer.parseInt(path[4]);
      ScriptedTarget.write(connection, "HTTP/1.1 200 OK\r\n"
          + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + size) + "\r\n\r\n");
      OutputStream out = connection.getOutputStream();
      InputStream body = new GeneratedBytes(seed, size);
      byte[] buffer = new byte[32 * 1024];
      for (int n; (n = body.readNBytes(buffer, 0, buffer.length)) > 0; ) {
        if (chunked) {
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(buffer, 0, n);
        if (chunked) {
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
      }
      if (chunked) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      return true;
    }
    return ScriptedTarget.ok(connection, "small");
  }

  private static GeneratedBytes.Digest digestBody(InputStream in, String head) throws IOException {
    MessageDigest sha256 = GeneratedBytes.sha256();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    if (WebSocketEcho.header(head, "Transfer-Encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
      for (long size; (size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0; ) {
        total += digest(in, size, sha256, buffer);
        line(in);
      }
      while (!line(in).isEmpty()) {
        // trailer fields
      }
    } else {
      String length = WebSocketEcho.header(head, "Content-Length");
      total = digest(in, length.isEmpty() ? 0 : Long.parseLong(length), sha256, buffer);
    }
    return new GeneratedBytes.Digest(HexFormat.of().formatHex(sha256.digest()), total);
  }

  private static long digest(InputStream in, long size, MessageDigest sha256, byte[] buffer) throws IOException {
    for (long left = size; left > 0; ) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("end of file inside a request body");
      }
      sha256.update(buffer, 0, n);
      left -= n;
    }
    return size;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new IOException("end of file inside a chunked body");
      }
      if (b != '\r') {
        sb.append((char) b);
      }
    }
    return sb.toString();
  }
}
