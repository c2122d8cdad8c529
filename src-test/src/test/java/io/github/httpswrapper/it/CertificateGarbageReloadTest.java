package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.CertificateSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The certificate file (not the key: core's {@code CertificateReloadTest} covers a key overwritten with garbage)
 * replaced with something unusable while the wrapper watches it: the current certificate stays in service for
 * new connections, clients keep being served, and an explicit reload fails naming the file.
 */
@Timeout(60)
class CertificateGarbageReloadTest {
  @TempDir Path directory;
  private JdkTarget target;
  private HttpsWrapper wrapper;
  private Path certificate;
  private String servedFingerprint;
  private SSLContext trust;

  @BeforeEach
  void start() throws Exception {
    target = JdkTarget.start(exchange -> JdkTarget.respond(exchange, 200, "served"));
    // a self-signed pair written by the generator, then served as plain PEM files
    Path generated;
    try (HttpsWrapper generator =
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .certificate(CertificateSource.selfSigned().stateDirectory(directory.resolve("state")))
            .start()) {
      generated = generator.identity().certificateFile().orElseThrow();
    }
    certificate = Files.copy(generated, directory.resolve("cert.pem"));
    Path key = Files.copy(generated.resolveSibling("key.pem"), directory.resolve("key.pem"));
    trust = Trust.trusting(certificate);
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .certificate(CertificateSource.pem(certificate, key))
            .certificateReloadInterval(Duration.ofMillis(50))
            .start();
    servedFingerprint = wrapper.identity().sha256Fingerprint();
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"random bytes", "truncated PEM", "empty file"})
  void certificateFileReplacedWithGarbageLeavesTheCurrentCertificateInService(String garbage) throws Exception {
    try (SteadyClient steady = SteadyClient.start(Trust.client(trust), wrapper.uri(), "served")) {
      byte[] pem = Files.readAllBytes(certificate);
      Files.write(certificate, garbage(garbage, pem));
      Thread.sleep(500); // ten polls: the change is settled and was tried

      assertEquals(servedFingerprint, fingerprintOfANewConnection());
      assertEquals(servedFingerprint, wrapper.identity().sha256Fingerprint());
      CertificateMaterialException e = assertThrows(CertificateMaterialException.class, wrapper::reloadCertificates);
      assertTrue(e.getMessage().contains(certificate.toString()), e.getMessage());
      assertEquals(servedFingerprint, fingerprintOfANewConnection());
      steady.assertStillServed();
    }
  }

  private static byte[] garbage(String kind, byte[] pem) {
    switch (kind) {
      case "random bytes":
        byte[] noise = new byte[pem.length];
        new Random(7).nextBytes(noise);
        return noise;
      case "truncated PEM":
        return new String(pem, StandardCharsets.US_ASCII).substring(0, pem.length / 2).getBytes(StandardCharsets.US_ASCII);
      default:
        return new byte[0];
    }
  }

  /** The SHA-256 fingerprint, in the wrapper's colon-separated upper-case hex, of what a new connection gets. */
  private String fingerprintOfANewConnection() throws Exception {
    try (SSLSocket socket = RawHttps.connect(trust, wrapper.listenAddress())) {
      byte[] der = socket.getSession().getPeerCertificates()[0].getEncoded();
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }
  }
}
