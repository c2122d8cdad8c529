package io.github.httpswrapper.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A loopback port where connecting hangs: a listening socket with a backlog of one that never accepts, whose
 * accept queue is filled with connected sockets. Linux then drops further SYNs, so a new {@code connect()} waits
 * until its own timeout. Nothing leaves the loopback interface.
 */
final class StalledListener implements AutoCloseable {
  private final ServerSocket listener;
  private final List<Socket> fillers = new ArrayList<>();

  private StalledListener() throws IOException {
    listener = new ServerSocket(0, 1, Ports.LOOPBACK);
  }

  /**
   * Makes the listener and checks that a connect really hangs; skips the test (assumption) on systems where it
   * does not.
   */
  static StalledListener start() throws IOException {
    StalledListener stalled = new StalledListener();
    try {
      for (int i = 0; i < 16; i++) {
        if (!stalled.connects(200)) {
          break;
        }
      }
      Assumptions.assumeFalse(stalled.connects(500), "this system completes connects to a full accept queue");
      return stalled;
    } catch (RuntimeException | IOException e) {
      stalled.close();
      throw e;
    }
  }

  int port() {
    return listener.getLocalPort();
  }

  private boolean connects(int timeoutMillis) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(Ports.LOOPBACK, port()), timeoutMillis);
      fillers.add(socket);
      return true;
    } catch (SocketTimeoutException e) {
      socket.close();
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    for (Socket socket : fillers) {
      socket.close();
    }
    listener.close();
  }
}
