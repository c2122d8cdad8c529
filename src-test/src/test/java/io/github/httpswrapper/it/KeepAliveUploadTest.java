package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Disabled;
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
  @Disabled("Exchange.uploadFinished() (core internal/relay/Exchange.java) treats an upload whose task has not yet"
      + " completed as unfinished, even when the target has read the whole body and answered: the wrapper then"
      + " closes the client connection after a keep-alive response (without Connection: close), and the"
      + " client's next request on it meets end of file. Seen after 8 to 26 of 200 uploads of 5,000 bytes.")
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
}
