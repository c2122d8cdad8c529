package io.github.httpswrapper.internal.relay;

import java.io.IOException;

/**
 * What happens on a client connection once its TLS handshake is done: the stage that talks to the target.
 *
 * <p>The byte relay is one handler; an HTTP-aware handler (reading each request head, checking it, then
 * forwarding it) is another. A handler owns the connection until it returns; the connection is closed after.
 */
public interface ConnectionHandler {
  /** Serves one client connection; exceptions are logged at debug level and end the connection. */
  void handle(RelayConnection connection) throws IOException;
}
