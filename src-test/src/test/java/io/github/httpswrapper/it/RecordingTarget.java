package io.github.httpswrapper.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A raw TCP target on loopback that answers nothing and records every byte it receives, on every connection, so
 * that a test can prove that some bytes never reached it.
 */
final class RecordingTarget implements AutoCloseable {
  private final ServerSocket server;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  private RecordingTarget(ServerSocket server) {
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "recording-target");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static RecordingTarget start() throws IOException {
    return new RecordingTarget(new ServerSocket(0, 50, Ports.LOOPBACK));
  }

  int port() {
    return server.getLocalPort();
  }

  /** Everything received so far, on all connections, as ISO-8859-1 text. */
  String received() {
    synchronized (received) {
      return received.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** How many connections the wrapper opened. */
  int connectionCount() {
    return connections.size();
  }

  /** Waits up to {@code millis} for {@code text} to arrive; returns whether it did. */
  boolean awaitReceived(String text, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      if (received().contains(text)) {
        return true;
      }
      Thread.sleep(20);
    }
    return received().contains(text);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.add(socket);
        Thread reader = new Thread(() -> record(socket), "recording-target-connection");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void record(Socket socket) {
    byte[] buffer = new byte[8192];
    try (InputStream in = socket.getInputStream()) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        synchronized (received) {
          received.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // the wrapper closed or reset the connection: what arrived is kept
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket socket : connections) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
