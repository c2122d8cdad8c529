package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.internal.client.ProxyProtocol;
import io.github.httpswrapper.internal.http.PlainHttpAnswer;
import io.github.httpswrapper.internal.metrics.HandshakeFailures;
import io.github.httpswrapper.internal.metrics.Metrics;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one accepted connection, in order: peek at the first byte, complete the TLS handshake within its
 * deadline, hand the connection to the {@link ConnectionHandler}, close.
 */
final class ClientSession implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ClientSession.class);
  private static final int TLS_HANDSHAKE_RECORD = 0x16;

  private final RelayConnection connection;
  private final TlsEndpoint tls;
  private final ConnectionHandler handler;
  private final boolean proxyProtocol;
  private final Runnable onEnd;

  ClientSession(
      RelayConnection connection,
      TlsEndpoint tls,
      ConnectionHandler handler,
      boolean proxyProtocol,
      Runnable onEnd) {
    this.connection = connection;
    this.tls = tls;
    this.handler = handler;
    this.proxyProtocol = proxyProtocol;
    this.onEnd = onEnd;
  }

  @Override
  public void run() {
    try {
      SSLSocket ssl = handshake();
      if (ssl != null) {
        connection.established(ssl);
        handler.handle(connection);
      }
    } catch (IOException | RuntimeException e) {
      if (connection.isClosed()) {
        log.debug("{} connection from {} ended: {}", connection.name(), connection.peer(), e.toString());
      } else {
        log.debug("{} connection from {} failed", connection.name(), connection.peer(), e);
      }
    } finally {
      connection.close();
      onEnd.run();
    }
  }

  /** @return the TLS socket after a completed handshake, or {@code null} when the connection was answered */
  private SSLSocket handshake() throws IOException {
    Socket raw = connection.raw();
    raw.setTcpNoDelay(true);
    InputStream rawIn = raw.getInputStream();
    if (proxyProtocol) {
      InetSocketAddress source;
      try {
        source = ProxyProtocol.read(rawIn);
      } catch (IOException e) {
        connection.metrics().refused(Metrics.REFUSED_PROXY_HEADER);
        refused("bad PROXY protocol header from a trusted proxy: " + e.getMessage());
        return null;
      }
      if (source != null) {
        connection.source(source);
      }
    }
    int first;
    try {
      first = rawIn.read();
    } catch (IOException e) {
      connection.metrics().handshakeFailed(HandshakeFailures.reason(e, connection.isClosed()));
      refused(connection.isClosed() ? "sent nothing within the handshake timeout" : e.toString());
      return null;
    }
    if (first < 0) {
      connection.metrics().handshakeFailed(Metrics.HANDSHAKE_CLIENT_CLOSED);
      log.debug("{} {} closed the connection before sending anything", connection.name(), connection.peer());
      return null;
    }
    if (first != TLS_HANDSHAKE_RECORD) {
      connection.metrics().handshakeFailed(
          PlainHttpAnswer.looksLikeHttp(first) ? Metrics.HANDSHAKE_PLAIN_HTTP : Metrics.HANDSHAKE_NOT_TLS);
      if (PlainHttpAnswer.looksLikeHttp(first)) {
        String answered =
            PlainHttpAnswer.answer(
                first, new BufferedInputStream(rawIn, 1024), raw.getOutputStream(), raw.getLocalPort());
        refused("plain HTTP sent to the HTTPS port; answered " + answered);
      } else {
        refused(String.format("not a TLS handshake (first byte 0x%02x)", first));
      }
      return null;
    }
    SSLSocket ssl = tls.layer(raw, new ReadAhead(rawIn, first));
    try {
      ssl.startHandshake();
      connection.metrics().handshakeCompleted();
    } catch (SSLException e) {
      connection.metrics().handshakeFailed(HandshakeFailures.reason(e, connection.isClosed()));
      refused("TLS handshake failed: " + e.getMessage());
      return null;
    } catch (IOException e) {
      connection.metrics().handshakeFailed(HandshakeFailures.reason(e, connection.isClosed()));
      refused(connection.isClosed() ? "TLS handshake not completed within the handshake timeout" : "TLS handshake failed: " + e);
      return null;
    }
    return ssl;
  }

  private void refused(String reason) {
    if (!connection.mayLog("refused-connection")) {
      return;
    }
    log.info("{} refused connection from {}: {}", connection.name(), connection.peer(), reason);
  }
}
