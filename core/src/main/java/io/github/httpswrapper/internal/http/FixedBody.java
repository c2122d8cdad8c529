package io.github.httpswrapper.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * Copies a body of known length (Content-Length) and not one byte more, so that whatever follows on the
 * connection is read as the next message. Streams through a 16 KiB buffer and flushes whenever the next read
 * may block.
 */
public final class FixedBody {
  private static final int BUFFER_BYTES = 16 * 1024;

  private FixedBody() {}

  /** {@link #copy(HttpInput, OutputStream, long, LongConsumer)} without progress reports. */
  public static void copy(HttpInput in, OutputStream out, long length) throws IOException {
    copy(in, out, length, bytes -> {});
  }

  /**
   * Copies exactly {@code length} bytes from {@code in} to {@code out}, then flushes {@code out}.
   *
   * @param progress told the number of bytes just copied after every read (for an idle timer)
   * @throws EOFException naming how many bytes arrived, if {@code in} ends early
   */
  public static void copy(HttpInput in, OutputStream out, long length, LongConsumer progress)
      throws IOException {
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative, not " + length);
    }
    byte[] buffer = new byte[(int) Math.min(BUFFER_BYTES, Math.max(length, 1))];
    long remaining = length;
    while (remaining > 0) {
      int n = in.read(buffer, 0, (int) Math.min(remaining, buffer.length));
      if (n < 0) {
        throw new EOFException(
            "connection closed after " + (length - remaining) + " of " + length + " body bytes");
      }
      out.write(buffer, 0, n);
      remaining -= n;
      progress.accept(n);
      if (remaining > 0 && in.buffered() == 0) {
        out.flush();
      }
    }
    out.flush();
  }
}
