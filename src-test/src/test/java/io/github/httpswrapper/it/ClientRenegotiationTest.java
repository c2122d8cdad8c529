package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS 1.2 client may not renegotiate: each renegotiation is a full handshake, paid for by the server on a
 * connection that is already open, out of sight of connection limits (CVE-2011-1473). {@code openssl s_client}
 * asks for one when it reads "R" on its stdin.
 */
@Timeout(30)
class ClientRenegotiationTest {
  @TempDir Path directory;
  private JdkTarget target;
  private HttpsWrapper wrapper;

  @BeforeAll
  static void opensslIsInstalled() {
    Commands.assumeInstalled("openssl", "version");
  }

  @BeforeEach
  void start() throws IOException {
    target = JdkTarget.start(exchange -> JdkTarget.respond(exchange, 200, "ok"));
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .certificate(CertificateSource.selfSigned().stateDirectory(directory))
            .start();
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
  }

  @Test
  void clientInitiatedRenegotiationIsRefusedWithHandshakeFailure() throws Exception {
    List<String> command =
        List.of("openssl", "s_client", "-connect", "127.0.0.1:" + wrapper.port(), "-tls1_2");
    Commands.Result result;
    try (ExternalTool.Running run = ExternalTool.Running.start(Map.of(), "R\n", command)) {
      result = run.await(Duration.ofSeconds(20));
    }

    assertTrue(result.output().contains("RENEGOTIATING"), "the client did not ask to renegotiate\n" + result);
    assertTrue(result.output().contains("alert handshake failure"),
        "expected the wrapper's handshake_failure alert\n" + result);
    assertNotEquals(0, result.exitCode(), result.toString());
  }
}
