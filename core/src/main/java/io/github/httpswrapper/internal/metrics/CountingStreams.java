package io.github.httpswrapper.internal.metrics;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Streams that add the bytes passing through to a client byte counter: one {@code add} per read or write. */
public final class CountingStreams {
  private CountingStreams() {}

  /** {@code in}, counting what is read into {@link Metrics#fromClient(long)}. */
  public static InputStream fromClient(InputStream in, Metrics metrics) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
          metrics.fromClient(1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
          metrics.fromClient(n);
        }
        return n;
      }
    };
  }

  /** {@code out}, counting what is written into {@link Metrics#toClient(long)}. */
  public static OutputStream toClient(OutputStream out, Metrics metrics) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        metrics.toClient(1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        metrics.toClient(len);
      }
    };
  }
}
