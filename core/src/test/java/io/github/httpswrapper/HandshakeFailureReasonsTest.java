package io.github.httpswrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.httpswrapper.internal.client.Pki;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each way a handshake fails is counted under its own reason, on the JDK the tests run on. */
@Timeout(60)
class HandshakeFailureReasonsTest {
  @TempDir Path dir;
  private HttpsWrapper wrapper;

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
  }

  private HttpsWrapper.Builder wrapAnything() throws Exception {
    // Nothing reaches a target in these tests: every connection ends in its handshake.
    return HttpsWrapper.forTarget("127.0.0.1", 9).certificate(TestCertificates.localhost());
  }

  /** The failures counted once exactly one has been: the wrapper counts just after the client sees the end. */
  private Map<String, Long> onlyFailure() throws InterruptedException {
    Map<String, Long> failures = wrapper.metrics().handshakeFailures();
    for (int i = 0; i < 500 && failures.values().stream().mapToLong(Long::longValue).sum() == 0; i++) {
      Thread.sleep(20);
      failures = wrapper.metrics().handshakeFailures();
    }
    assertEquals(1, failures.values().stream().mapToLong(Long::longValue).sum(), failures.toString());
    return failures;
  }

  @Test
  void plainHttpIsCountedAsPlainHttp() throws Exception {
    wrapper = wrapAnything().start();
    Raw.plain(wrapper.port(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertEquals(1, onlyFailure().get("plain-http"));
  }

  @Test
  void bytesThatAreNeitherTlsNorHttpAreCountedAsNotTls() throws Exception {
    wrapper = wrapAnything().start();
    Raw.plain(wrapper.port(), "\u0001\u0002\u0003");
    assertEquals(1, onlyFailure().get("not-tls"));
  }

  @Test
  void aClientThatSendsNothingIsCountedAsATimeout() throws Exception {
    wrapper = wrapAnything().handshakeTimeout(Duration.ofMillis(200)).start();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", wrapper.port()), 5000);
      socket.setSoTimeout(10_000);
      assertEquals(-1, socket.getInputStream().read());
    }
    assertEquals(1, onlyFailure().get("timeout"));
  }

  @Test
  void aClientThatClosesBeforeSendingAnythingIsCountedAsClientClosed() throws Exception {
    wrapper = wrapAnything().start();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", wrapper.port()), 5000);
    }
    assertEquals(1, onlyFailure().get("client-closed"));
  }

  @Test
  void aClientWithoutACommonCipherSuiteIsCountedAsAProtocolMismatch() throws Exception {
    wrapper = wrapAnything().start();
    try (SSLSocket socket =
        (SSLSocket) wrapper.clientSslContext().getSocketFactory().createSocket("127.0.0.1", wrapper.port())) {
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      // CBC with SHA-256: a suite JDKs still offer, and the wrapper never accepts (not AEAD).
      socket.setEnabledCipherSuites(new String[] {
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"
      });
      assertThrows(SSLException.class, socket::startHandshake);
    }
    assertEquals(1, onlyFailure().get("protocol-mismatch"));
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsCountedAsCertificateRejected() throws Exception {
    wrapper = wrapAnything().start();
    SSLContext trustingNothing = SSLContext.getInstance("TLS");
    trustingNothing.init(null, null, null);
    assertThrows(SSLException.class, () -> Raw.exchange(trustingNothing, wrapper.port(), Raw.get("/")));
    Map<String, Long> failures = onlyFailure();
    // The client's alert says why; but a client may close before the wrapper has read it (JDK 25 at times),
    // and then the wrapper can only tell that the client went away.
    assertEquals(1, failures.get("certificate-rejected") + failures.get("client-closed"), failures.toString());
  }

  @Test
  void aClientCertificateFromAnUnknownCaIsCountedAsUnknownClientCa() throws Exception {
    Pki pki = new Pki(dir);
    Path teamCa = pki.rootCa("team-ca");
    Path otherCa = pki.rootCa("other-ca");
    pki.client("mallory", "/CN=mallory", otherCa);
    wrapper = wrapAnything()
        .accessPolicy(AccessPolicy.builder()
            .rule(Rule.anyClient().requireClientCertificate(ClientCertificates.issuedBy(teamCa)))
            .build())
        .start();
    try {
      // With TLS 1.3 the client is done first and may see the refusal only as the end of the stream.
      String answer = Raw.exchange(clientContext("mallory"), wrapper.port(), Raw.get("/"));
      assertEquals("", answer);
    } catch (IOException refused) {
      // the server's alert reached the client
    }
    assertEquals(1, onlyFailure().get("unknown-client-ca"));
  }

  /** A client context presenting {@code name}'s certificate and trusting exactly the wrapper's. */
  private SSLContext clientContext(String name) throws Exception {
    String pem = Files.readString(dir.resolve(name + ".key"), StandardCharsets.US_ASCII);
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(name, key, new char[0], new Certificate[] {Pki.read(dir.resolve(name + ".pem"))});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    X509KeyManager chosen = (X509KeyManager) kmf.getKeyManagers()[0];
    // Presents the certificate whatever issuers the server names: the JDK's own choice would send none.
    X509KeyManager always =
        new X509ExtendedKeyManager() {
          @Override
          public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {name};
          }

          @Override
          public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return name;
          }

          @Override
          public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
          }

          @Override
          public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
          }

          @Override
          public X509Certificate[] getCertificateChain(String alias) {
            return chosen.getCertificateChain(alias);
          }

          @Override
          public PrivateKey getPrivateKey(String alias) {
            return chosen.getPrivateKey(alias);
          }
        };
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("server", wrapper.certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(new KeyManager[] {always}, tmf.getTrustManagers(), null);
    return context;
  }
}
