package io.github.httpswrapper.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ClientTrustTest {
  @TempDir static Path dir;
  static Pki pki;
  static Path root;
  static X509ExtendedTrustManager trust;

  @BeforeAll
  static void makeCertificates() {
    pki = new Pki(dir);
    root = pki.rootCa("clients-ca");
    pki.client("alice", "/CN=alice", root);
    pki.client("any", "/CN=any", root, "extendedKeyUsage=anyExtendedKeyUsage");
    pki.client("server-only", "/CN=server-only", root, "extendedKeyUsage=serverAuth");
    pki.client("mallory", "/CN=mallory", pki.rootCa("other-ca"));
    pki.client("server", "/CN=localhost", pki.rootCa("server-ca"), "extendedKeyUsage=serverAuth",
        "subjectAltName=DNS:localhost,IP:127.0.0.1");
    trust = ClientTrust.forIssuers(Pki.chain(root));
  }

  private static X509Certificate[] chain(String name) {
    return Pki.chain(dir.resolve(name + ".pem")).toArray(new X509Certificate[0]);
  }

  @Test
  void certificateFromTheCaIsTrusted() throws Exception {
    trust.checkClientTrusted(chain("alice"), "UNKNOWN");
  }

  @Test
  void anyExtendedKeyUsageIsTrusted() throws Exception {
    trust.checkClientTrusted(chain("any"), "UNKNOWN");
  }

  @Test
  void certificateFromAnotherCaIsRefused() {
    assertThrows(CertificateException.class, () -> trust.checkClientTrusted(chain("mallory"), "UNKNOWN"));
  }

  @Test
  void serverOnlyCertificateIsRefusedWithTheReason() {
    CertificateException e = assertThrows(CertificateException.class,
        () -> trust.checkClientTrusted(chain("server-only"), "UNKNOWN"));

    assertEquals("the client certificate CN=server-only is not for client authentication: its extended key usage"
        + " lists [1.3.6.1.5.5.7.3.1] but not clientAuth (1.3.6.1.5.5.7.3.2); issue it with extendedKeyUsage ="
        + " clientAuth", e.getMessage());
  }

  @Test
  void serverCertificatesAreNeverTrusted() {
    CertificateException e =
        assertThrows(CertificateException.class, () -> trust.checkServerTrusted(chain("alice"), "EC"));

    assertEquals("this trust manager checks client certificates only", e.getMessage());
  }

  @Test
  void acceptedIssuersAreTheBundle() {
    assertArrayEquals(new X509Certificate[] {Pki.read(root)}, trust.getAcceptedIssuers());
  }

  @Test
  void emptyIssuerListIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ClientTrust.forIssuers(List.of()));
  }

  @Test
  void handshakeSucceedsWithATrustedClientCertificate() throws Exception {
    assertEquals("CN=alice", handshake("alice"));
  }

  @Test
  void handshakeFailsWithAnUntrustedClientCertificate() {
    assertThrows(IOException.class, () -> handshake("mallory"));
  }

  /** A real TLS handshake on loopback; returns the client certificate's subject as the server saw it. */
  private static String handshake(String client) throws Exception {
    SSLContext serverContext = context(identity("server"), new TrustManager[] {trust});
    KeyStore serverTrust = KeyStore.getInstance("PKCS12");
    serverTrust.load(null, null);
    serverTrust.setCertificateEntry("server-ca", Pki.read(dir.resolve("server-ca.pem")));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(serverTrust);
    SSLContext clientContext = context(identity(client), tmf.getTrustManagers());
    try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      server.setNeedClientAuth(true);
      CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket accepted = (SSLSocket) server.accept()) {
          accepted.setSoTimeout(10_000);
          accepted.startHandshake();
          String subject = ((X509Certificate) accepted.getSession().getPeerCertificates()[0])
              .getSubjectX500Principal().getName();
          accepted.getOutputStream().write(1);
          return subject;
        } catch (IOException e) {
          return "server failed: " + e;
        }
      });
      try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
          .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        // With TLS 1.3 the server's verdict on the client certificate arrives after the client's handshake.
        if (socket.getInputStream().read() != 1) {
          throw new IOException("server closed the connection");
        }
      }
      String subject = seen.get(20, TimeUnit.SECONDS);
      assertTrue(subject.startsWith("CN="), subject);
      return subject;
    }
  }

  private static Identity identity(String name) {
    return CertificateSource.pem(dir.resolve(name + ".pem"), dir.resolve(name + ".key")).load();
  }

  private static SSLContext context(Identity identity, TrustManager[] trustManagers) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    char[] password = "test".toCharArray();
    keys.setKeyEntry("key", identity.privateKey(), password, identity.chain().toArray(new X509Certificate[0]));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), trustManagers, new SecureRandom());
    return context;
  }
}
