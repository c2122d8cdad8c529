package io.github.httpswrapper.internal.relay;

import java.io.IOException;
import java.io.InputStream;

/**
 * The encrypted bytes of a client connection, as TLS reads them, through a small buffer of the connection's
 * own: JSSE reads each record's 5-byte header and then its body from the stream it is given, and a socket read
 * into this buffer usually brings both (a request of a few hundred bytes is one record), so a request costs one
 * system call instead of two. A read that asks for at least the buffer's size while it is empty (the body of a
 * large record) goes straight to the socket.
 *
 * <p>The buffer is the connection's, not lent from {@link io.github.httpswrapper.internal.http.Buffers}: a
 * connection waits for its next request inside this stream's read, and a lent buffer would be held for the
 * whole wait. {@value #SIZE} bytes per connection is what idle connections pay for the saved call.
 *
 * <p>It starts with the byte the listener already read to tell a TLS handshake from plain HTTP, and is handed to
 * {@code SSLSocketFactory.createSocket(socket, consumed, autoClose)} as the consumed input: JSSE reads from it
 * until it ends, which is when the socket ends. Only JSSE's reader uses it, one read at a time.
 */
final class ReadAhead extends InputStream {
  static final int SIZE = 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[SIZE];
  private int position;
  private int limit;

  /** @param first the byte already read from {@code in} */
  ReadAhead(InputStream in, int first) {
    this.in = in;
    this.buffer[0] = (byte) first;
    this.limit = 1;
  }

  @Override
  public int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position == limit) {
      if (length >= SIZE) {
        return in.read(into, offset, length);
      }
      if (!fill()) {
        return -1;
      }
    }
    int count = Math.min(length, limit - position);
    System.arraycopy(buffer, position, into, offset, count);
    position += count;
    return count;
  }

  /** One socket read into the empty buffer; {@code false} at the end of the stream. */
  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, SIZE);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
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
