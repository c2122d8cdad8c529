package io.github.httpswrapper.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for tests. */
final class Ports {
  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private Ports() {}

  /**
   * A loopback port that nothing listens on right now: bound by the system and released again. Another process
   * could take it in between, which is unlikely in the ephemeral range and only makes a test fail, never pass.
   */
  static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
