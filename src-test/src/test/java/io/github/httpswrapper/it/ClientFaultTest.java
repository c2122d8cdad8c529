package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client that resets its connection (TCP RST, no TLS close) in the middle of an upload or a download: the
 * wrapper closes the target connection too (the target sees its end), stays up for the next client, and gives
 * back every socket, busy thread and buffer it held for the connection.
 */
@Timeout(60)
class ClientFaultTest {
  private static final long HUGE = 1L << 30;
  private static final byte[] BLOCK = "z".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);

  @TempDir Path stateDirectory;
  private final AtomicLong targetReceived = new AtomicLong();
  private final AtomicLong targetSent = new AtomicLong();
  private final CompletableFuture<String> targetSawEnd = new CompletableFuture<>();
  private ScriptedTarget target;
  private HttpsWrapper wrapper;
  private Resources baseline;

  @BeforeEach
  void start() throws IOException {
    target = ScriptedTarget.start(this::answer);
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
            .start();
    baseline = Resources.take(wrapper);
  }

  @AfterEach
  void stop() throws IOException {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
  }

  /** Uploads are read until they end; downloads are written until the wrapper stops taking them. */
  private boolean answer(Socket connection, String head) throws IOException {
    switch (ScriptedTarget.path(head)) {
      case "/upload":
        byte[] buffer = new byte[64 * 1024];
        try {
          InputStream in = connection.getInputStream();
          for (int n; (n = in.read(buffer)) != -1; ) {
            targetReceived.addAndGet(n);
          }
          targetSawEnd.complete("end of file");
        } catch (IOException e) {
          targetSawEnd.complete(e.toString());
        }
        return false;
      case "/download":
        try {
          ScriptedTarget.write(connection, "HTTP/1.1 200 OK\r\nContent-Length: " + HUGE + "\r\n\r\n");
          OutputStream out = connection.getOutputStream();
          while (true) {
            out.write(BLOCK);
            targetSent.addAndGet(BLOCK.length);
          }
        } catch (IOException e) {
          targetSawEnd.complete(e.toString());
        }
        return false;
      default:
        return ScriptedTarget.ok(connection, "healthy");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Content-Length: " + HUGE, "Transfer-Encoding: chunked"})
  void clientResetMidUploadEndsTheTargetConnectionAndFreesEverything(String framing) throws Exception {
    boolean chunked = framing.startsWith("Transfer-Encoding");
    try (Socket tcp = new Socket(Ports.LOOPBACK, wrapper.port())) {
      SSLSocket tls = tls(tcp);
      OutputStream out = tls.getOutputStream();
      out.write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1:" + wrapper.port() + "\r\n" + framing + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      while (targetReceived.get() < 1024 * 1024) {
        if (chunked) {
          out.write((Integer.toHexString(BLOCK.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(BLOCK);
        if (chunked) {
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      }

      reset(tcp);
    }

    assertTargetSawTheEnd();
    assertStillServesAndGivesEverythingBack();
  }

  @Test
  void clientResetMidDownloadEndsTheTargetConnectionAndFreesEverything() throws Exception {
    try (Socket tcp = new Socket(Ports.LOOPBACK, wrapper.port())) {
      SSLSocket tls = tls(tcp);
      tls.getOutputStream().write(Http1.get("/download", wrapper.port()));
      tls.getOutputStream().flush();
      InputStream in = tls.getInputStream();
      assertTrue(Http1.readHead(in).startsWith("HTTP/1.1 200"));
      assertEquals(4 * 1024 * 1024, in.readNBytes(4 * 1024 * 1024).length);

      reset(tcp);
    }

    assertTargetSawTheEnd();
    assertTrue(targetSent.get() < HUGE, "the target was stopped long before the end of its body");
    assertStillServesAndGivesEverythingBack();
  }

  private void assertTargetSawTheEnd() throws Exception {
    String how = targetSawEnd.get(10, TimeUnit.SECONDS);
    System.out.println("the target saw its connection end: " + how);
  }

  private void assertStillServesAndGivesEverythingBack() throws Exception {
    RawHttps.Exchange next =
        RawHttps.sequential(wrapper.clientSslContext(), wrapper.listenAddress(),
            List.of(Http1.get("/healthy", wrapper.port())));
    assertEquals(List.of(200), next.statuses(), next.toString());

    Resources after = Resources.awaitBackTo(baseline, wrapper, 0, Duration.ofSeconds(15));
    System.out.println("resources: baseline " + baseline + ", after the fault " + after);
  }

  /** TLS over {@code tcp}, so that the test can reset the TCP connection under it without a TLS close. */
  private SSLSocket tls(Socket tcp) throws IOException {
    SSLSocket tls =
        (SSLSocket) wrapper.clientSslContext().getSocketFactory().createSocket(tcp, "127.0.0.1", wrapper.port(), true);
    SSLParameters parameters = tls.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    tls.setSSLParameters(parameters);
    tls.setSoTimeout(10_000);
    tls.startHandshake();
    return tls;
  }

  private static void reset(Socket tcp) throws IOException {
    tcp.setSoLinger(true, 0);
    tcp.close();
  }
}
