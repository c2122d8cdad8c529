package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads one after another on one keep-alive connection, each answered by a target that reads the whole body
 * first: every one must be answered and the connection must stay open, since neither side asked to close it.
 */
@Timeout(60)
class KeepAliveUploadTest {
  private static final int UPLOADS = 200;

  @TempDir Path stateDirectory;

  @Test
  void everyUploadOnAKeepAliveConnectionIsAnsweredAndTheConnectionStaysOpen() throws Exception {
    String body = "u".repeat(5000);
    try (ScriptedTarget target =
            ScriptedTarget.start(
                (connection, head) -> {
                  int length = Integer.parseInt(WebSocketEcho.header(head, "Content-Length"));
                  int read = connection.getInputStream().readNBytes(length).length;
                  return ScriptedTarget.ok(connection, "read " + read);
                });
        HttpsWrapper wrapper =
            HttpsWrapper.forTarget("127.0.0.1", target.port())
                .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
                .start()) {
      List<byte[]> uploads = new ArrayList<>();
      for (int i = 0; i < UPLOADS; i++) {
        uploads.add(("POST /upload/" + i + " HTTP/1.1\r\nHost: 127.0.0.1:" + wrapper.port()
            + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
      }

      RawHttps.Exchange exchange = RawHttps.sequential(wrapper.clientSslContext(), wrapper.listenAddress(), uploads);

      assertEquals(UPLOADS, exchange.responses().size(), "uploads answered before the connection closed");
      assertEquals(List.of(200), exchange.statuses().stream().distinct().toList(), "statuses");
      assertFalse(exchange.closed(), "the wrapper closed a connection that both sides kept alive");
    }
  }

  @Test
  void aResponseSentBeforeTheBodyEndedSaysConnectionClose() throws Exception {
    try (ScriptedTarget target =
            ScriptedTarget.start(
                (connection, head) -> {
                  ScriptedTarget.write(connection, "HTTP/1.1 413 Content Too Large\r\nContent-Length: 4\r\n\r\nbig!");
                  return false;
                });
        HttpsWrapper wrapper =
            HttpsWrapper.forTarget("127.0.0.1", target.port())
                .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
                .start()) {
      // 10 of 1,000 body bytes: the target answers without waiting for the rest.
      byte[] partial = ("POST /upload HTTP/1.1\r\nHost: 127.0.0.1:" + wrapper.port()
          + "\r\nContent-Length: 1000\r\n\r\n" + "u".repeat(10)).getBytes(StandardCharsets.US_ASCII);

      RawHttps.Exchange exchange =
          RawHttps.sequential(wrapper.clientSslContext(), wrapper.listenAddress(), List.of(partial));

      assertEquals(List.of(413), exchange.statuses(), exchange.toString());
      assertEquals(Optional.of("close"), exchange.responses().get(0).header("Connection"), exchange.toString());
      assertTrue(exchange.closed(), exchange.toString());
    }
  }
}
