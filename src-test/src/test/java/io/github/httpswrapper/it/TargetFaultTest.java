package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A target that misbehaves on one request: slow, closing or resetting instead of answering, cutting a response
 * short, sending garbage or an endless header. The client of that request gets a 502, or a response that is
 * visibly incomplete (never one that looks complete); a second client asking a healthy path of the same wrapper
 * meanwhile is served throughout. (A target that is down or does not accept: {@link TargetFailureTest}.)
 */
@Timeout(60)
class TargetFaultTest {
  private static final int DECLARED_LENGTH = 1_000_000;
  private static final int SENT_BEFORE_CUT = 100_000;
  private static final String CHUNK = "x".repeat(16 * 1024);

  @TempDir Path stateDirectory;
  private ScriptedTarget target;
  private HttpsWrapper wrapper;
  private HttpClient client;
  private SteadyClient steady;
  private Resources baseline;

  @BeforeEach
  void start() throws Exception {
    target = ScriptedTarget.start(TargetFaultTest::answer);
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
            .start();
    client = Trust.client(wrapper.clientSslContext());
    baseline = Resources.take(wrapper);
    steady = SteadyClient.start(Trust.client(wrapper.clientSslContext()), wrapper.uri().resolve("/healthy"), "healthy");
  }

  /** Whatever the fault, the wrapper gives back every connection, socket and thread it took for it. */
  @AfterEach
  void stop() throws Exception {
    try {
      if (steady != null) {
        steady.close();
        Resources.close(client);
        steady = null;
        client = null;
        Resources.awaitBackTo(baseline, wrapper, 0, Duration.ofSeconds(15));
      }
    } finally {
      if (wrapper != null) {
        wrapper.close();
      }
      target.close();
    }
  }

  /** The target's behaviour, by path. */
  private static boolean answer(Socket connection, String head) throws IOException, InterruptedException {
    switch (ScriptedTarget.path(head)) {
      case "/healthy":
        return ScriptedTarget.ok(connection, "healthy");
      case "/slow":
        Thread.sleep(1500);
        return ScriptedTarget.ok(connection, "slow but fine");
      case "/close":
        return false;
      case "/answer-then-close":
        // keep-alive by default, yet the target closes the idle connection right after the response
        ScriptedTarget.ok(connection, "answered");
        return false;
      case "/reset":
        return ScriptedTarget.reset(connection);
      case "/garbage":
        ScriptedTarget.write(connection, "\u0000\u0001\u0002 this is not HTTP at all\r\n\r\n");
        return true; // and keeps the connection open: the wrapper must judge the bytes, not wait for more
      case "/endless-header":
        ScriptedTarget.write(connection, "HTTP/1.1 200 OK\r\nX-Big: " + "b".repeat(256 * 1024) + "\r\n\r\nbody");
        return true;
      case "/cut-length":
        ScriptedTarget.write(connection, "HTTP/1.1 200 OK\r\nContent-Length: " + DECLARED_LENGTH + "\r\n\r\n");
        ScriptedTarget.write(connection, "y".repeat(SENT_BEFORE_CUT));
        return false;
      case "/cut-chunked":
        ScriptedTarget.write(connection, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 4; i++) {
          // whole chunks only: the cut falls exactly where a final chunk could have been made up
          ScriptedTarget.write(connection, Integer.toHexString(CHUNK.length()) + "\r\n" + CHUNK + "\r\n");
        }
        return false;
      default:
        ScriptedTarget.write(connection, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        return true;
    }
  }

  @Test
  void slowTargetStillAnswers200() throws Exception {
    HttpResponse<String> response = get("/slow");

    assertEquals(200, response.statusCode());
    assertEquals("slow but fine", response.body());
    steady.assertStillServed();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/close", "/reset"})
  void targetEndingTheConnectionInsteadOfAnsweringGives502(String path) throws Exception {
    HttpResponse<String> response = get(path);

    assertEquals(502, response.statusCode(), response.body());
    assertTrue(response.body().startsWith("https-wrapper: "), response.body());
    steady.assertStillServed();
  }

  @Test
  void targetClosingAKeptAliveConnectionWhileIdleIsRetriedOnAFreshOne() throws Exception {
    RawHttps.Exchange exchange =
        RawHttps.sequential(wrapper.clientSslContext(), wrapper.listenAddress(),
            List.of(Http1.get("/answer-then-close", wrapper.port()), Http1.get("/healthy", wrapper.port())));

    assertEquals(List.of(200, 200), exchange.statuses(), exchange.toString());
    assertEquals("healthy", exchange.responses().get(1).bodyText());
  }

  @Test
  void garbageInsteadOfAStatusLineGives502() throws Exception {
    HttpResponse<String> response = get("/garbage");

    assertEquals(502, response.statusCode(), response.body());
    assertTrue(response.body().contains("malformed response"), response.body());
    steady.assertStillServed();
  }

  @Test
  void responseHeaderOverTheLimitGives502() throws Exception {
    HttpResponse<String> response = get("/endless-header");

    assertEquals(502, response.statusCode(), response.body());
    assertFalse(response.body().contains("bbbb"), "nothing of the target's header reaches the client");
    steady.assertStillServed();
  }

  @Test
  void responseCutInsideItsContentLengthArrivesShortAndTheConnectionCloses() throws Exception {
    Cut cut = rawGet("/cut-length");

    assertTrue(cut.head.contains("Content-Length: " + DECLARED_LENGTH), cut.head);
    assertTrue(cut.body.length < DECLARED_LENGTH, "got " + cut.body.length + " bytes");
    assertEquals(SENT_BEFORE_CUT, cut.body.length, "every byte the target sent is passed on, no more");
    steady.assertStillServed();
  }

  @Test
  void chunkedResponseCutBetweenChunksArrivesWithoutTheTerminatingChunk() throws Exception {
    Cut cut = rawGet("/cut-chunked");

    assertTrue(cut.head.toLowerCase().contains("transfer-encoding: chunked"), cut.head);
    String body = new String(cut.body, StandardCharsets.ISO_8859_1);
    assertTrue(body.contains(CHUNK), "the chunks sent before the cut are passed on");
    assertFalse(body.contains("\r\n0\r\n") || body.startsWith("0\r\n"),
        "a terminating chunk was made up: the cut response looks complete");
    steady.assertStillServed();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/cut-length", "/cut-chunked"})
  void curlReportsACutResponseAsAnError(String path) throws Exception {
    Commands.assumeInstalled("curl", "--version");
    Path pem = stateDirectory.resolve("wrapper.pem");
    wrapper.identity().writeCertificatePem(pem);

    Commands.Result result =
        Commands.run(Duration.ofSeconds(30),
            List.of("curl", "-sS", "--max-time", "20", "--cacert", pem.toString(), "-o", "/dev/null",
                wrapper.uri().resolve(path).toString()));

    assertNotEquals(0, result.exitCode(), "curl took the cut response for a complete one\n" + result);
    // 18: partial file; 56: failure receiving data (e.g. a chunked body that ended without its last chunk)
    assertTrue(List.of(18, 56).contains(result.exitCode()), result.toString());
    steady.assertStillServed();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(wrapper.uri().resolve(path)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A response head and the (raw, still chunk-coded) bytes that followed it until the connection closed. */
  private record Cut(String head, byte[] body) {}

  private Cut rawGet(String path) throws IOException {
    try (SSLSocket socket = RawHttps.connect(wrapper.clientSslContext(), wrapper.listenAddress())) {
      socket.getOutputStream().write(Http1.get(path, wrapper.port()));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      String head = Http1.readHead(in);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      try {
        for (int n; (n = in.read(buffer)) != -1; ) {
          body.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException e) {
        fail("the connection stayed open after the target cut the response (" + body.size() + " bytes read)");
      } catch (IOException e) {
        // a reset or a TLS close without close_notify: the connection ended, which is what counts
      }
      return new Cut(head, body.toByteArray());
    }
  }
}
