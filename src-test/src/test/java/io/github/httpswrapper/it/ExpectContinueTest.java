package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code Expect: 100-continue}: the target's interim answer reaches the client before it sends the body. */
@Timeout(30)
class ExpectContinueTest {
  @TempDir Path stateDirectory;
  private JdkTarget target;
  private HttpsWrapper wrapper;

  @BeforeEach
  void start() throws IOException {
    // The JDK's HTTP server answers "100 Continue" itself when a request expects it.
    target =
        JdkTarget.start(
            exchange -> {
              byte[] body = exchange.getRequestBody().readAllBytes();
              JdkTarget.respond(exchange, 200, "got " + new String(body, StandardCharsets.UTF_8));
            });
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
            .start();
  }

  @AfterEach
  void stop() {
    wrapper.close();
    target.close();
  }

  @Test
  void interimContinueArrivesBeforeTheBodyIsSentAndTheFinalAnswerAfter() throws IOException {
    try (SSLSocket socket =
        (SSLSocket) wrapper.clientSslContext().getSocketFactory().createSocket("127.0.0.1", wrapper.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(
          ("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();

      String interim = Http1.readHead(in);
      assertTrue(interim.startsWith("HTTP/1.1 100 "), interim);

      out.write("hello".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String head = Http1.readHead(in);
      assertTrue(head.startsWith("HTTP/1.1 200 "), head);
      assertEquals("got hello", new String(in.readNBytes(Http1.contentLength(head)), StandardCharsets.UTF_8));
    }
  }
}
