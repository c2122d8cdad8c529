package io.github.httpswrapper.internal.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies one direction of a connection until end of stream, without buffering more than one read. */
final class Pump {
  /** Below 16 KiB (one TLS record) throughput drops by a quarter or more. */
  static final int BUFFER_SIZE = 16 * 1024;

  private Pump() {}

  /**
   * Copies {@code in} to {@code out} until {@code in} ends, touching {@code connection}'s activity clock on
   * every read.
   *
   * @return the number of bytes copied
   */
  static long copy(InputStream in, OutputStream out, RelayConnection connection) throws IOException {
    byte[] buffer = new byte[BUFFER_SIZE];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) >= 0) {
      if (n > 0) {
        connection.touch();
        out.write(buffer, 0, n);
        out.flush();
        total += n;
      }
    }
    return total;
  }
}
