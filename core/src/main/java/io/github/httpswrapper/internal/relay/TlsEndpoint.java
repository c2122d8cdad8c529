package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.cert.Identity;
import io.github.httpswrapper.internal.client.ClientTrust;
import io.github.httpswrapper.internal.tls.ReloadingKeyManager;
import io.github.httpswrapper.internal.tls.ServerIdentities;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The server side of TLS: the protocol policy every connection gets, and the identities it serves.
 *
 * <p>The listener is a plain {@code ServerSocket}; each accepted socket is layered with
 * {@link SSLSocketFactory#createSocket(Socket, InputStream, boolean)} after its first byte has been read. That
 * byte tells a TLS handshake (0x16) from plain HTTP sent to the wrong port, which then gets a useful answer
 * instead of a reset, and it lets address rules run before any cryptography.
 *
 * <p>When an identity is replaced, the endpoint starts a new {@link SSLContext} with the same key manager and
 * policy: its empty session cache means no later connection resumes a session made with the old certificate, so
 * every client sees the new one on its next connection. Open connections keep theirs.
 *
 * <p>Client certificates are handled the same way: each context trusts one {@link ClientTrust.Snapshot} of the
 * CA bundles, and a connection accepted after a bundle changed gets a new context, so its handshake checks the
 * new CAs and cannot resume a session that the old ones let in.
 *
 * <p>Clients may not start a TLS 1.2 renegotiation: each one costs the server a full handshake on a connection
 * that is already open, which lets one connection burn CPU that connection limits and rate limits cannot see
 * (CVE-2011-1473). The JDK can only refuse them for the whole JVM, through the system property
 * {@value #REJECT_CLIENT_RENEGOTIATION}, read once when the first server handshake starts; the first endpoint sets
 * it to {@code true} unless it is already set, so an application that needs client renegotiation elsewhere keeps
 * it by setting the property to {@code false} itself. TLS 1.3 has no renegotiation; server-initiated renegotiation
 * is unaffected.
 */
public final class TlsEndpoint {
  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  static final String REJECT_CLIENT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

  static {
    // Before any server handshake of this JVM, ideally: the JDK reads the property only once.
    if (System.getProperty(REJECT_CLIENT_RENEGOTIATION) == null) {
      System.setProperty(REJECT_CLIENT_RENEGOTIATION, "true");
    }
  }

  private static final int SESSION_CACHE_SIZE = 20_000;
  private static final int SESSION_TIMEOUT_SECONDS = 24 * 60 * 60;

  /** One context: its socket factory, its parameters, and the client CAs it trusts ({@code null}: none asked). */
  private record Server(SSLSocketFactory factory, SSLParameters parameters, ClientTrust.Snapshot trust) {}

  private final KeyManager[] keyManagers;
  private final ClientTrust clientTrust;
  private volatile Server server;

  private TlsEndpoint(KeyManager[] keyManagers, ClientTrust clientTrust) {
    this.keyManagers = keyManagers;
    this.clientTrust = clientTrust;
    this.server = newServer();
  }

  /**
   * A server endpoint that serves {@code identities}, chosen by the client's server name (SNI), with the
   * wrapper's TLS policy.
   *
   * @param clientTrust the CA bundles client certificates are checked against, or {@code null} when none are
   *     asked for; when given, clients are asked for a certificate but may connect without one (the access
   *     policy decides)
   */
  static TlsEndpoint forServer(ServerIdentities identities, ClientTrust clientTrust) {
    TlsEndpoint endpoint =
        new TlsEndpoint(new KeyManager[] {new ReloadingKeyManager(identities)}, clientTrust);
    identities.onChange(endpoint::renew);
    return endpoint;
  }

  /** Starts a new context (and so a new session cache) for the connections accepted from now on. */
  private synchronized void renew() {
    server = newServer();
  }

  /** The context for a connection accepted now: a new one when a CA bundle has changed since the last. */
  private Server current() {
    Server current = server;
    if (clientTrust == null || current.trust() == clientTrust.current()) {
      return current;
    }
    synchronized (this) {
      if (server.trust() != clientTrust.current()) {
        server = newServer();
      }
      return server;
    }
  }

  private Server newServer() {
    ClientTrust.Snapshot trust = clientTrust == null ? null : clientTrust.current();
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trust == null ? null : trust.trustManagers(), new SecureRandom());
      SSLSessionContext sessions = context.getServerSessionContext();
      sessions.setSessionCacheSize(SESSION_CACHE_SIZE);
      sessions.setSessionTimeout(SESSION_TIMEOUT_SECONDS);
      SSLParameters params = context.getDefaultSSLParameters();
      params.setProtocols(PROTOCOLS);
      params.setCipherSuites(aeadSuites(context.getSupportedSSLParameters().getCipherSuites()));
      params.setUseCipherSuitesOrder(true);
      params.setApplicationProtocols(new String[] {"http/1.1"});
      if (clientTrust != null) {
        params.setWantClientAuth(true);
      } else {
        params.setNeedClientAuth(false);
      }
      return new Server(context.getSocketFactory(), params, trust);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /**
   * Layers TLS over an accepted socket whose first bytes were already read into {@code consumed}; the handshake
   * has not started yet.
   */
  SSLSocket layer(Socket accepted, InputStream consumed) throws IOException {
    Server current = current();
    SSLSocket ssl = (SSLSocket) current.factory().createSocket(accepted, consumed, true);
    ssl.setUseClientMode(false);
    ssl.setSSLParameters(current.parameters());
    return ssl;
  }

  /**
   * The cipher suites allowed: TLS 1.3's (all AEAD) and TLS 1.2's ECDHE suites with AES-GCM or
   * ChaCha20-Poly1305, in the runtime's order of preference. Forward secrecy and authenticated encryption only.
   */
  static String[] aeadSuites(String[] supported) {
    List<String> out = new ArrayList<>();
    for (String suite : supported) {
      boolean tls13 = suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_");
      boolean ecdheAead =
          suite.startsWith("TLS_ECDHE_")
              && (suite.contains("_GCM_") || suite.contains("_CHACHA20_POLY1305_"));
      if (tls13 || ecdheAead) {
        out.add(suite);
      }
    }
    return out.toArray(new String[0]);
  }

  /** A client context that trusts exactly the leaf certificates of {@code identities}, and nothing else. */
  public static SSLContext clientContextTrusting(List<Identity> identities) {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      for (int i = 0; i < identities.size(); i++) {
        trust.setCertificateEntry("https-wrapper-" + i, identities.get(i).certificate());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a client SSLContext: " + e.getMessage(), e);
    }
  }
}
