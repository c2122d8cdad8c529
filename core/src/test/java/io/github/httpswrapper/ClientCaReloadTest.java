package io.github.httpswrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.internal.client.Pki;
import io.github.httpswrapper.internal.tls.TestPki;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client CA bundle replaced while the wrapper runs: two CAs made with openssl, a client certificate from each,
 * and a bundle file that is rewritten the way a deployment tool rewrites it.
 */
@Timeout(60)
class ClientCaReloadTest {
  @TempDir static Path pkiDir;
  static Path ca1;
  static Path ca2;
  static SSLContext client1;
  static SSLContext client2;

  @TempDir Path dir;
  private HttpServer target;
  private HttpsWrapper wrapper;
  private Path bundle;

  @BeforeAll
  static void makeCertificates() throws Exception {
    Pki pki = new Pki(pkiDir);
    ca1 = pki.rootCa("ca-1");
    ca2 = pki.rootCa("ca-2");
    pki.client("client-1", "/CN=client-1", ca1);
    pki.client("client-2", "/CN=client-2", ca2);
    TestPki.certificate(pkiDir.resolve("server.pem"), pkiDir.resolve("server.key"), "localhost", "127.0.0.1");
    client1 = clientContext("client-1");
    client2 = clientContext("client-2");
  }

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
    bundle = dir.resolve("clients-ca.pem");
    Files.copy(ca1, bundle);
  }

  @AfterEach
  void tearDown() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.stop(0);
  }

  private HttpsWrapper start(Duration reloadInterval) {
    wrapper = HttpsWrapper.forTarget("127.0.0.1", target.getAddress().getPort())
        .certificate(CertificateSource.pem(pkiDir.resolve("server.pem"), pkiDir.resolve("server.key")))
        .certificateReloadInterval(reloadInterval)
        .accessPolicy(AccessPolicy.builder()
            .rule(Rule.anyClient().requireClientCertificate(ClientCertificates.issuedBy(bundle)))
            .build())
        .start();
    return wrapper;
  }

  /** A client context presenting {@code name}'s certificate and trusting exactly the wrapper's. */
  private static SSLContext clientContext(String name) throws Exception {
    String pem = Files.readString(pkiDir.resolve(name + ".key"), StandardCharsets.US_ASCII);
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(name, key, new char[0], new Certificate[] {Pki.read(pkiDir.resolve(name + ".pem"))});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("server", Pki.read(pkiDir.resolve("server.pem")));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  /**
   * Whether a new connection with {@code client}'s certificate gets the target's answer. The wrapper asks for a
   * certificate from the CAs it trusts, so a client with another CA's certificate sends none and gets 401; one
   * that sends it anyway fails the handshake (with TLS 1.3 the client learns of that only when it reads).
   */
  private boolean newConnectionAccepted(SSLContext client) {
    try (SSLSocket ssl = TlsClient.connect(client, wrapper.port(), null)) {
      return TlsClient.get(ssl, "/new").equals("hello /new");
    } catch (IOException refused) {
      return false;
    }
  }

  private void awaitNewConnectionsAccepted(SSLContext client) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!newConnectionAccepted(client)) {
      assertTrue(System.nanoTime() < deadline, "new connections were never accepted after the bundle changed");
      Thread.sleep(50);
    }
  }

  @Test
  void rewrittenBundleLetsTheNewCaInAndTheOldOneOutWhileAnOpenConnectionKeepsWorking() throws Exception {
    start(Duration.ofMillis(100));
    try (SSLSocket open = TlsClient.connect(client1, wrapper.port(), null)) {
      assertEquals("hello /before", TlsClient.get(open, "/before"));
      assertEquals(false, newConnectionAccepted(client2));

      TestPki.replace(bundle, ca2);
      awaitNewConnectionsAccepted(client2);

      assertEquals(false, newConnectionAccepted(client1));
      assertEquals("hello /after", TlsClient.get(open, "/after"));
    }
  }

  @Test
  void garbageWrittenOverTheBundleKeepsTheCasInServiceAndReloadCertificatesNamesTheFile() throws Exception {
    start(Duration.ofMillis(50));
    TestPki.replace(bundle, ca2);
    awaitNewConnectionsAccepted(client2);

    TestPki.replace(bundle, "-----BEGIN CERTIFICATE-----\ngarbage\n".getBytes(StandardCharsets.US_ASCII));
    Thread.sleep(500); // ten polls: the change is long settled and was tried

    assertTrue(newConnectionAccepted(client2));
    assertEquals(false, newConnectionAccepted(client1));
    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, wrapper::reloadCertificates);
    assertTrue(e.getMessage().contains(bundle.toString()), e.getMessage());
    assertTrue(newConnectionAccepted(client2));
  }

  @Test
  void reloadCertificatesRefusesABundleWithAPrivateKeyAndKeepsTheCasInService() throws Exception {
    start(Duration.ZERO);
    TestPki.replace(bundle, (Files.readString(ca2) + Files.readString(pkiDir.resolve("ca-2.key")))
        .getBytes(StandardCharsets.US_ASCII));

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, wrapper::reloadCertificates);

    assertTrue(e.getMessage().startsWith(bundle + " holds a PRIVATE KEY block"), e.getMessage());
    assertTrue(newConnectionAccepted(client1));
    assertEquals(false, newConnectionAccepted(client2));
  }

  @Test
  void reloadCertificatesReadsTheBundleWhenWatchingIsOff() throws Exception {
    start(Duration.ZERO);
    TestPki.replace(bundle, ca2);
    assertEquals(false, newConnectionAccepted(client2), "nothing watches the bundle");

    wrapper.reloadCertificates();

    assertTrue(newConnectionAccepted(client2));
    assertEquals(false, newConnectionAccepted(client1));
  }

  @Test
  void connectionAfterTheBundleChangedDoesNotResumeASessionTheOldCaLetIn() throws Exception {
    start(Duration.ZERO);
    try (SSLSocket first = TlsClient.connect(client1, wrapper.port(), null)) {
      // Reading a response also reads the session ticket the client would resume with.
      assertEquals("hello /", TlsClient.get(first, "/"));
    }
    TestPki.replace(bundle, ca2);

    wrapper.reloadCertificates();

    assertEquals(false, newConnectionAccepted(client1));
  }

  @Test
  void bundleThatGainsACaKeepsTheOldOneTrusted() throws Exception {
    start(Duration.ZERO);
    TestPki.replace(bundle, (Files.readString(ca1) + Files.readString(ca2)).getBytes(StandardCharsets.US_ASCII));

    wrapper.reloadCertificates();

    assertTrue(newConnectionAccepted(client1));
    assertTrue(newConnectionAccepted(client2));
  }
}
