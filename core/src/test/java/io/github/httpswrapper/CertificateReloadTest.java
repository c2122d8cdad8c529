package io.github.httpswrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.internal.tls.TestPki;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A certificate replaced while the wrapper runs, the way a renewal tool replaces it. */
@Timeout(60)
class CertificateReloadTest {
  @TempDir Path dir;
  private HttpServer target;
  private HttpsWrapper wrapper;
  private Path certificate;
  private Path key;
  private Path renewedCertificate;
  private Path renewedKey;
  private String firstFingerprint;
  private String renewedFingerprint;
  private SSLContext trustingBoth;

  @BeforeEach
  void setUp() throws Exception {
    target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.createContext(
        "/",
        exchange -> {
          byte[] body = ("hello " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    target.start();
    certificate = dir.resolve("cert.pem");
    key = dir.resolve("key.pem");
    renewedCertificate = dir.resolve("renewed-cert.pem");
    renewedKey = dir.resolve("renewed-key.pem");
    TestPki.certificate(certificate, key, "localhost", "127.0.0.1");
    TestPki.certificate(renewedCertificate, renewedKey, "localhost", "127.0.0.1");
    firstFingerprint = TlsClient.fingerprint(certificate, key);
    renewedFingerprint = TlsClient.fingerprint(renewedCertificate, renewedKey);
    trustingBoth = TlsClient.trusting(certificate, renewedCertificate);
  }

  @AfterEach
  void tearDown() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.stop(0);
  }

  private HttpsWrapper.Builder wrap(Duration reloadInterval) {
    return HttpsWrapper.forTarget("127.0.0.1", target.getAddress().getPort())
        .certificate(CertificateSource.pem(certificate, key))
        .certificateReloadInterval(reloadInterval);
  }

  private void renewFiles() throws Exception {
    TestPki.replace(certificate, renewedCertificate);
    TestPki.replace(key, renewedKey);
  }

  private String newConnectionFingerprint() throws Exception {
    try (SSLSocket ssl = TlsClient.connect(trustingBoth, wrapper.port(), null)) {
      return TlsClient.fingerprint(ssl);
    }
  }

  /** Connects again and again (a new handshake each time) until the wrapper serves {@code fingerprint}. */
  private void awaitNewConnectionsGet(String fingerprint) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!newConnectionFingerprint().equals(fingerprint)) {
      assertTrue(System.nanoTime() < deadline, "new connections never got " + fingerprint);
      Thread.sleep(50);
    }
  }

  @Test
  void rewrittenPemFilesReachNewConnectionsWhileAnOpenOneKeepsItsCertificate() throws Exception {
    wrapper = wrap(Duration.ofMillis(200)).start();
    try (SSLSocket open = TlsClient.connect(trustingBoth, wrapper.port(), null)) {
      assertEquals("hello /before", TlsClient.get(open, "/before"));
      assertEquals(firstFingerprint, TlsClient.fingerprint(open));

      renewFiles();
      awaitNewConnectionsGet(renewedFingerprint);

      assertEquals("hello /after", TlsClient.get(open, "/after"));
      assertEquals(firstFingerprint, TlsClient.fingerprint(open));
    }
    assertEquals(renewedFingerprint, wrapper.identity().sha256Fingerprint());
  }

  @Test
  void garbageWrittenOverTheKeyLeavesTheCurrentCertificateInService() throws Exception {
    wrapper = wrap(Duration.ofMillis(50)).start();
    TestPki.replace(key, "-----BEGIN PRIVATE KEY-----\ngarbage\n".getBytes(StandardCharsets.US_ASCII));
    Thread.sleep(500); // ten polls: the change is long settled and was tried
    assertEquals(firstFingerprint, newConnectionFingerprint());
    assertEquals(firstFingerprint, wrapper.identity().sha256Fingerprint());
  }

  @Test
  void reloadCertificatesServesNewFilesAtOnce() throws Exception {
    wrapper = wrap(Duration.ZERO).start();
    renewFiles();
    assertEquals(firstFingerprint, newConnectionFingerprint(), "nothing watches the files");
    wrapper.reloadCertificates();
    assertEquals(renewedFingerprint, newConnectionFingerprint());
    assertEquals(renewedFingerprint, wrapper.identity().sha256Fingerprint());
  }

  @Test
  void connectionAfterAReloadDoesNotResumeASessionMadeWithTheOldCertificate() throws Exception {
    wrapper = wrap(Duration.ZERO).start();
    try (SSLSocket first = TlsClient.connect(trustingBoth, wrapper.port(), null)) {
      // Reading a response also reads the session ticket the client would resume with.
      assertEquals("hello /", TlsClient.get(first, "/"));
    }
    renewFiles();
    wrapper.reloadCertificates();
    assertEquals(renewedFingerprint, newConnectionFingerprint());
  }

  @Test
  void reloadCertificatesWithAMismatchedKeyThrowsNamingTheFilesAndKeepsTheCurrentCertificate()
      throws Exception {
    wrapper = wrap(Duration.ZERO).start();
    TestPki.replace(certificate, renewedCertificate);
    CertificateMaterialException e =
        assertThrows(CertificateMaterialException.class, wrapper::reloadCertificates);
    assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
    assertEquals(firstFingerprint, newConnectionFingerprint());
    assertEquals(firstFingerprint, wrapper.identity().sha256Fingerprint());
  }

  @Test
  void clientSslContextTrustsTheCertificateServedWhenItWasMade() throws Exception {
    wrapper = wrap(Duration.ZERO).start();
    renewFiles();
    wrapper.reloadCertificates();
    try (SSLSocket ssl = TlsClient.connect(wrapper.clientSslContext(), wrapper.port(), null)) {
      assertEquals(renewedFingerprint, TlsClient.fingerprint(ssl));
    }
  }

  @Test
  void reloadCertificatesBeforeStartIsAnError() {
    HttpsWrapper notStarted = wrap(Duration.ZERO).build();
    IllegalStateException e = assertThrows(IllegalStateException.class, notStarted::reloadCertificates);
    assertTrue(e.getMessage().contains("call start() first"), e.getMessage());
  }

  @Test
  void negativeOrTinyReloadIntervalIsRefused() {
    HttpsWrapper.Builder builder = HttpsWrapper.forTarget("127.0.0.1", 8080);
    assertThrows(IllegalArgumentException.class, () -> builder.certificateReloadInterval(Duration.ofSeconds(-1)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.certificateReloadInterval(Duration.ofNanos(5)));
    assertEquals(
        "certificateReloadInterval must be zero (no file watching) or at least 10 ms, was PT0.000000005S",
        e.getMessage());
  }
}
