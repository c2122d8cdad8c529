package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.internal.http.Buffers;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A buffered output stream that borrows its buffer from {@link Buffers} at the first write and gives it back at
 * every flush: the relay flushes at the end of each message and before each read that may wait, so a
 * connection that is idle holds no output buffer. Writes of a whole buffer or more go straight through. Not
 * thread-safe: one thread writes a direction at a time.
 */
final class LendingOutputStream extends OutputStream {
  private final OutputStream out;
  private byte[] buffer;
  private int count;

  LendingOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    if (buffer == null) {
      buffer = Buffers.take();
    } else if (count == buffer.length) {
      drain();
    }
    buffer[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int offset, int length) throws IOException {
    if (length >= Buffers.SIZE) {
      drain();
      out.write(b, offset, length);
      return;
    }
    if (buffer == null) {
      buffer = Buffers.take();
    } else if (length > buffer.length - count) {
      drain();
    }
    System.arraycopy(b, offset, buffer, count, length);
    count += length;
  }

  @Override
  public void flush() throws IOException {
    drain();
    byte[] lent = buffer;
    buffer = null;
    Buffers.give(lent);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      out.close();
    }
  }

  private void drain() throws IOException {
    if (count > 0) {
      int n = count;
      count = 0;
      out.write(buffer, 0, n);
    }
  }
}
