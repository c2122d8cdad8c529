package io.github.httpswrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.internal.tls.TestPki;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Certificates chosen by the server name the client asks for (SNI). */
@Timeout(60)
class ServerNameCertificatesTest {
  @TempDir static Path dir;
  private static HttpServer target;
  private HttpsWrapper wrapper;

  @BeforeAll
  static void certificatesAndTarget() throws Exception {
    TestPki.certificate(
        dir.resolve("default.pem"), dir.resolve("default-key.pem"), "localhost", "127.0.0.1", "fallback.test");
    TestPki.certificate(dir.resolve("a.pem"), dir.resolve("a-key.pem"), "a.test");
    TestPki.certificate(dir.resolve("b.pem"), dir.resolve("b-key.pem"), "b.test");
    TestPki.certificate(dir.resolve("wild.pem"), dir.resolve("wild-key.pem"), "*.b.test");
    target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.start();
  }

  @AfterAll
  static void stopTarget() {
    target.stop(0);
  }

  @AfterEach
  void close() {
    if (wrapper != null) {
      wrapper.close();
    }
  }

  private static CertificateSource source(String name) {
    return CertificateSource.pem(dir.resolve(name + ".pem"), dir.resolve(name + "-key.pem"));
  }

  private static String fingerprint(String name) {
    return TlsClient.fingerprint(dir.resolve(name + ".pem"), dir.resolve(name + "-key.pem"));
  }

  private static SSLContext trustingAll() throws Exception {
    return TlsClient.trusting(
        dir.resolve("default.pem"), dir.resolve("a.pem"), dir.resolve("b.pem"), dir.resolve("wild.pem"));
  }

  private HttpsWrapper.Builder wrap() {
    return HttpsWrapper.forTarget("127.0.0.1", target.getAddress().getPort()).certificate(source("default"));
  }

  private String served(SSLContext client, String serverName) throws Exception {
    try (SSLSocket ssl = TlsClient.connect(client, wrapper.port(), serverName)) {
      return TlsClient.fingerprint(ssl);
    }
  }

  @Test
  void clientAskingForANameGetsThatNamesCertificate() throws Exception {
    wrapper = wrap().certificate("a.test", source("a")).certificate("b.test", source("b")).start();
    assertEquals(fingerprint("a"), served(trustingAll(), "a.test"));
    assertEquals(fingerprint("b"), served(trustingAll(), "b.test"));
  }

  @Test
  void clientSendingNoNameGetsTheDefaultCertificate() throws Exception {
    wrapper = wrap().certificate("a.test", source("a")).start();
    assertEquals(fingerprint("default"), served(trustingAll(), null));
  }

  @Test
  void clientAskingForAnUnknownNameGetsTheDefaultCertificate() throws Exception {
    wrapper = wrap().certificate("a.test", source("a")).start();
    assertEquals(fingerprint("default"), served(trustingAll(), "fallback.test"));
    assertEquals(fingerprint("default"), wrapper.identity("fallback.test").sha256Fingerprint());
  }

  @Test
  void serverNameMatchesWhateverItsCase() throws Exception {
    wrapper = wrap().certificate("A.Test", source("a")).start();
    assertEquals(fingerprint("a"), served(trustingAll(), "a.TEST"));
  }

  @Test
  void wildcardMatchesOneMoreLabelOnly() throws Exception {
    wrapper = wrap().certificate("*.b.test", source("wild")).start();
    assertEquals(fingerprint("wild"), served(trustingAll(), "x.b.test"));
    assertEquals(fingerprint("default"), wrapper.identity("b.test").sha256Fingerprint());
    assertEquals(fingerprint("default"), wrapper.identity("y.x.b.test").sha256Fingerprint());
  }

  @Test
  void exactNameWinsOverAWildcard() throws Exception {
    wrapper = wrap().certificate("*.b.test", source("wild")).certificate("x.b.test", source("a")).start();
    assertEquals(fingerprint("a"), wrapper.identity("x.b.test").sha256Fingerprint());
    assertEquals(fingerprint("wild"), wrapper.identity("z.b.test").sha256Fingerprint());
  }

  @Test
  void clientSslContextTrustsEveryServedCertificate() throws Exception {
    wrapper = wrap().certificate("a.test", source("a")).certificate("*.b.test", source("wild")).start();
    SSLContext client = wrapper.clientSslContext();
    assertEquals(fingerprint("a"), served(client, "a.test"));
    assertEquals(fingerprint("wild"), served(client, "x.b.test"));
    assertEquals(fingerprint("default"), served(client, null));
  }

  @Test
  void reloadCertificatesReloadsNamedCertificatesToo() throws Exception {
    Path certificate = dir.resolve("reloaded.pem");
    Path key = dir.resolve("reloaded-key.pem");
    TestPki.replace(certificate, dir.resolve("a.pem"));
    TestPki.replace(key, dir.resolve("a-key.pem"));
    wrapper = wrap().certificate("a.test", CertificateSource.pem(certificate, key)).start();
    TestPki.certificate(certificate, key, "a.test");
    wrapper.reloadCertificates();
    String renewed = TlsClient.fingerprint(certificate, key);
    assertEquals(renewed, served(trustingAll(certificate), "a.test"));
    assertEquals(renewed, wrapper.identity("a.test").sha256Fingerprint());
  }

  private static SSLContext trustingAll(Path extra) throws Exception {
    return TlsClient.trusting(dir.resolve("default.pem"), dir.resolve("a.pem"), extra);
  }

  @Test
  void ipAddressAsServerNameIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> HttpsWrapper.forTarget("127.0.0.1", 8080).certificate("127.0.0.1", source("default")));
    assertTrue(e.getMessage().startsWith("server name 127.0.0.1 is an IP address"), e.getMessage());
  }
}
