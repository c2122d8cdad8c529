package io.github.httpswrapper.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw TCP target that hands each accepted connection to the test, which then reads and writes on it at its own
 * pace: for timing behaviour a real server will not show (a response that never comes, a body that stops
 * halfway) and to watch whether the wrapper closes the target side.
 */
final class HandOverTarget implements AutoCloseable {
  private final ServerSocket listener;
  private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
  private final Thread acceptor;

  HandOverTarget() throws IOException {
    listener = new ServerSocket(0, 50, Ports.LOOPBACK);
    acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket s = listener.accept();
                  s.setSoTimeout(10_000);
                  accepted.add(s);
                }
              } catch (IOException closed) {
                // the test is over
              }
            },
            "hand-over-target");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** The next connection the wrapper opened; fails after ten seconds. */
  Socket next() throws InterruptedException {
    Socket s = accepted.poll(10, TimeUnit.SECONDS);
    if (s == null) {
      throw new AssertionError("the wrapper did not connect to the target within 10 s");
    }
    return s;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket s : accepted) {
      s.close();
    }
  }
}
