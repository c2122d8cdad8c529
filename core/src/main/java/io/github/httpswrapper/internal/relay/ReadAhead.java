package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.internal.http.Buffers;
import java.io.IOException;
import java.io.InputStream;

/**
 * The encrypted bytes of a client connection, as TLS reads them: each socket read fills a lent
 * {@link Buffers buffer}, so that a TLS record's 5-byte header and its body come from one system call instead of
 * two (JSSE reads them separately from the stream it is given). The buffer goes back to the pool as soon as it is
 * drained, so a connection waiting for its next request holds none.
 *
 * <p>It starts with the byte the listener already read to tell a TLS handshake from plain HTTP, and is handed
 * to {@code SSLSocketFactory.createSocket(socket, consumed, autoClose)} as the consumed input: JSSE reads from it
 * until it ends, which is when the socket ends. Reads that ask for a whole buffer or more skip the buffer.
 *
 * <p>Only JSSE's reader uses it, one read at a time; {@link #close} closes the socket's stream and leaves any
 * buffer to the garbage collector, since a reader may still be copying from it.
 */
final class ReadAhead extends InputStream {
  private final InputStream in;
  private final byte[] one = new byte[1];
  private byte[] buffer;
  private int position;
  private int limit;

  /** @param first the byte already read from {@code in} */
  ReadAhead(InputStream in, int first) {
    this.in = in;
    this.buffer = new byte[] {(byte) first};
    this.limit = 1;
  }

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position == limit) {
      if (length >= Buffers.SIZE) {
        return in.read(into, offset, length);
      }
      byte[] fresh = Buffers.take();
      int n;
      try {
        n = in.read(fresh, 0, fresh.length);
      } catch (IOException | RuntimeException e) {
        Buffers.give(fresh);
        throw e;
      }
      if (n <= 0) {
        Buffers.give(fresh);
        return n;
      }
      buffer = fresh;
      position = 0;
      limit = n;
    }
    int count = Math.min(length, limit - position);
    System.arraycopy(buffer, position, into, offset, count);
    position += count;
    if (position == limit) {
      Buffers.give(buffer);
      buffer = null;
      position = 0;
      limit = 0;
    }
    return count;
  }

  @Override
  public int available() throws IOException {
    return position < limit ? limit - position : in.available();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
