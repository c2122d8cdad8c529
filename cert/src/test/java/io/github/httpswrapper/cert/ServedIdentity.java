package io.github.httpswrapper.cert;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Serves an {@link Identity} on loopback and connects to it as a browser would to {@code https://<host>/}: the
 * client trusts exactly one root, sends {@code host} as SNI and checks that the certificate names it.
 */
final class ServedIdentity {
  private static final char[] IN_MEMORY = "in-memory".toCharArray();

  private ServedIdentity() {}

  /** One handshake; returns the negotiated protocol, or throws if the client refuses the chain. */
  static String handshake(Identity identity, X509Certificate root, String host) throws Exception {
    try (SSLServerSocket listener = (SSLServerSocket) serverContext(identity).getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setSoTimeout(10_000);
      CompletableFuture<Void> served = CompletableFuture.runAsync(() -> serveOneByte(listener));
      String protocol;
      try (Socket plain = new Socket()) {
        plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 5_000);
        plain.setSoTimeout(10_000);
        SSLSocket socket = (SSLSocket) clientContext(root).getSocketFactory()
            .createSocket(plain, host, listener.getLocalPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setServerNames(List.of(new SNIHostName(host)));
        socket.setSSLParameters(parameters);
        try (InputStream in = socket.getInputStream()) {
          if (in.read() != 42) {
            throw new AssertionError("server did not answer over TLS");
          }
          protocol = socket.getSession().getProtocol();
        }
      }
      served.get(10, TimeUnit.SECONDS);
      return protocol;
    }
  }

  private static void serveOneByte(SSLServerSocket listener) {
    try (SSLSocket socket = (SSLSocket) listener.accept()) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(42);
      socket.getOutputStream().flush();
    } catch (Exception e) {
      throw new RuntimeException("server side of the handshake failed: " + e, e);
    }
  }

  private static SSLContext serverContext(Identity identity) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("server", identity.privateKey(), IN_MEMORY, identity.chain().toArray(new X509Certificate[0]));
    KeyManagerFactory keys = KeyManagerFactory.getInstance("SunX509");
    keys.init(store, IN_MEMORY);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static SSLContext clientContext(X509Certificate root) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("root", root);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
