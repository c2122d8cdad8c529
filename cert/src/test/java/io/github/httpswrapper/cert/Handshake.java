package io.github.httpswrapper.cert;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * One real TLS handshake on loopback: a server using an {@link Identity}, a client that trusts exactly one
 * certificate and checks the host name ({@code localhost} unless told otherwise), as a browser would.
 */
final class Handshake {
  private static final char[] IN_MEMORY = "in-memory".toCharArray();

  private Handshake() {}

  /** Connects once and returns the client's view of the session; throws if the handshake fails. */
  static SSLSession connect(Identity identity, X509Certificate trusted, String protocol) throws Exception {
    return connect(identity, trusted, protocol, "localhost");
  }

  /** As {@link #connect(Identity, X509Certificate, String)}, checking {@code host} (a name or IP address). */
  static SSLSession connect(Identity identity, X509Certificate trusted, String protocol, String host)
      throws Exception {
    SSLContext server = serverContext(identity);
    SSLContext client = clientContext(trusted);
    try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
        .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setEnabledProtocols(new String[] {protocol});
      listener.setSoTimeout(10_000);
      CompletableFuture<Void> served = CompletableFuture.runAsync(() -> serveOneByte(listener));
      SSLSession session;
      try (Socket plain = new Socket()) {
        plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 5_000);
        plain.setSoTimeout(10_000);
        SSLSocket socket = (SSLSocket) client.getSocketFactory()
            .createSocket(plain, host, listener.getLocalPort(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(new String[] {protocol});
        socket.setSSLParameters(parameters);
        try (InputStream in = socket.getInputStream()) {
          if (in.read() != 42) {
            throw new AssertionError("server did not answer over TLS");
          }
          session = socket.getSession();
        }
      }
      // Only after the client closed: a TLS 1.3 server's close waits for the client's close_notify.
      served.get(10, TimeUnit.SECONDS);
      return session;
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
    store.setKeyEntry("server", identity.privateKey(), IN_MEMORY,
        identity.chain().toArray(new X509Certificate[0]));
    KeyManagerFactory keys = KeyManagerFactory.getInstance("SunX509");
    keys.init(store, IN_MEMORY);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static SSLContext clientContext(X509Certificate trusted) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("trusted", trusted);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
