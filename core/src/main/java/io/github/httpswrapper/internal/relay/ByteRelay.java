package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.internal.http.OwnResponse;
import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays bytes both ways between the client and one target connection, with half-close: when one side finishes
 * sending, the other side is told (TCP FIN to the target, TLS close_notify to the client) and the opposite
 * direction keeps flowing until it ends too.
 */
final class ByteRelay implements ConnectionHandler {
  private static final Logger log = LoggerFactory.getLogger(ByteRelay.class);

  @Override
  public void handle(RelayConnection connection) throws IOException {
    if (!connection.enter(RelayConnection.Phase.TUNNEL)) {
      return;
    }
    Socket target;
    try {
      target = connection.dialTarget();
    } catch (TargetUnavailableException e) {
      log.warn("{} answered {} to {}: {}", connection.name(), e.status(), connection.peer(), e.getMessage());
      answerAndClose(connection, OwnResponse.of(e.status(), "https-wrapper: " + e.getMessage()).closing());
      return;
    }
    CompletableFuture<Void> upstream = new CompletableFuture<>();
    try {
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
    } catch (RejectedExecutionException e) {
      connection.metrics().limitReached(Reasons.NO_WORKER);
      if (connection.mayLog(Reasons.NO_WORKER)) {
        log.warn("{} closed the connection from {}: no worker thread available for its second direction ({})",
            connection.name(), connection.peer(), Reasons.NO_WORKER);
      }
      return;
    }
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

  /** Sends a complete error response, then lets the client read it before the connection closes. */
  static void answerAndClose(RelayConnection connection, OwnResponse response) {
    try {
      response.writeTo(connection.clientOut());
    } catch (IOException e) {
      log.debug(
          "{} could not deliver the {} answer to {}: {}",
          connection.name(), response.status(), connection.peer(), e.toString());
      return;
    }
    connection.drainBeforeClose();
  }
}
