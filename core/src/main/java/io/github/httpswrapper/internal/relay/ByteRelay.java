package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.internal.http.GatewayResponses;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays bytes both ways between the client and one target connection, with half-close: when one side finishes
 * sending, the other side is told (TCP FIN to the target, TLS close_notify to the client) and the opposite
 * direction keeps flowing until it ends too.
 */
final class ByteRelay implements ConnectionHandler {
  private static final Logger log = LoggerFactory.getLogger(ByteRelay.class);
  /** How much unread request data is drained after an error answer so the client sees the answer, not a reset. */
  private static final int DRAIN_LIMIT = 64 * 1024;
  private static final int DRAIN_MILLIS = 1000;

  @Override
  public void handle(RelayConnection connection) throws IOException {
    Socket target;
    try {
      target = connection.dialTarget();
    } catch (TargetUnavailableException e) {
      log.warn("{} answered {} to {}: {}", connection.name(), e.status(), connection.peer(), e.getMessage());
      answerAndClose(connection, e.status(), e.reason(), "https-wrapper: " + e.getMessage());
      return;
    }
    CompletableFuture<Void> upstream = new CompletableFuture<>();
    connection.spawn(
        () -> {
          try {
            Pump.copy(connection.clientIn(), target.getOutputStream(), connection);
            target.shutdownOutput();
            upstream.complete(null);
          } catch (IOException | RuntimeException e) {
            upstream.completeExceptionally(e);
            connection.close();
          }
        });
    try {
      Pump.copy(target.getInputStream(), connection.clientOut(), connection);
      if (!connection.client().isClosed()) {
        connection.client().shutdownOutput();
      }
    } catch (IOException e) {
      connection.close();
      throw e;
    }
    awaitOtherDirection(upstream, connection);
  }

  private static void awaitOtherDirection(CompletableFuture<Void> upstream, RelayConnection connection)
      throws IOException {
    try {
      upstream.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      connection.close();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        throw (IOException) cause;
      }
      throw new IOException(cause);
    }
  }

  /**
   * Sends a complete error response, then reads and discards what the client already sent (up to a bound) so
   * that closing does not turn into a TCP reset that could destroy the response before it is read.
   */
  static void answerAndClose(RelayConnection connection, int status, String reason, String body) {
    try {
      GatewayResponses.write(connection.clientOut(), status, reason, body);
      connection.client().setSoTimeout(DRAIN_MILLIS);
      InputStream in = connection.clientIn();
      byte[] sink = new byte[4096];
      int drained = 0;
      int n;
      while (drained < DRAIN_LIMIT && (n = in.read(sink)) >= 0) {
        drained += n;
      }
    } catch (SocketTimeoutException e) {
      // the client sent nothing more: fine
    } catch (IOException e) {
      log.debug("{} could not deliver the {} answer to {}: {}", connection.name(), status, connection.peer(), e.toString());
    }
  }
}
