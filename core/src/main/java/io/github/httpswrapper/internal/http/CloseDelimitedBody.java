package io.github.httpswrapper.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * Copies a response body that ends when the target closes the connection ({@link
 * BodyFraming#CLOSE_DELIMITED}). Its end cannot be told apart from a target that crashed mid-body, so after it
 * the client connection must be closed too: that close is how the client learns where the body ends.
 */
public final class CloseDelimitedBody {
  private static final int BUFFER_BYTES = 16 * 1024;

  private CloseDelimitedBody() {}

  /**
   * Copies everything left in {@code in} to {@code out}, flushing whenever the next read may block.
   *
   * @param progress told the number of bytes just copied after every read (for an idle timer)
   * @return the number of bytes copied
   */
  public static long copy(HttpInput in, OutputStream out, LongConsumer progress) throws IOException {
    byte[] buffer = new byte[BUFFER_BYTES];
    long total = 0;
    int n;
    while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
      out.write(buffer, 0, n);
      total += n;
      progress.accept(n);
      if (in.buffered() == 0) {
        out.flush();
      }
    }
    out.flush();
    return total;
  }
}
