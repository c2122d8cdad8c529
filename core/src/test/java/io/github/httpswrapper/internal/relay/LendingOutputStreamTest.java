package io.github.httpswrapper.internal.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.httpswrapper.internal.http.Buffers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lending output stream writes the same bytes in the same order as a buffered one, in few writes. */
class LendingOutputStreamTest {
  /** Records the bytes and how many write calls reached the underlying stream. */
  private static final class Sink extends OutputStream {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int writes;
    int flushes;

    @Override
    public void write(int b) {
      writes++;
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int offset, int length) {
      writes++;
      bytes.write(b, offset, length);
    }

    @Override
    public void flush() {
      flushes++;
    }
  }

  @Test
  void mixedWritesArriveInOrder() throws IOException {
    Sink sink = new Sink();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    Random random = new Random(7);
    try (LendingOutputStream out = new LendingOutputStream(sink)) {
      for (int i = 0; i < 200; i++) {
        byte[] piece = new byte[random.nextInt(3 * Buffers.SIZE / 2)];
        random.nextBytes(piece);
        if (i % 7 == 0) {
          out.write(i);
          expected.write(i);
        }
        out.write(piece, 0, piece.length);
        expected.write(piece, 0, piece.length);
        if (i % 13 == 0) {
          out.flush();
        }
      }
    }
    assertArrayEquals(expected.toByteArray(), sink.bytes.toByteArray());
  }

  @Test
  void smallWritesReachTheStreamAsOneWriteAtFlush() throws IOException {
    Sink sink = new Sink();
    LendingOutputStream out = new LendingOutputStream(sink);
    out.write("HTTP/1.1 200 OK\r\n".getBytes());
    out.write("Content-Length: 0\r\n\r\n".getBytes());
    assertEquals(0, sink.writes);

    out.flush();

    assertEquals(1, sink.writes);
    assertEquals(1, sink.flushes);
  }

  @Test
  void aFlushAfterAFlushWritesNothing() throws IOException {
    Sink sink = new Sink();
    LendingOutputStream out = new LendingOutputStream(sink);
    out.write(1);
    out.flush();
    out.flush();
    out.write(2);
    out.flush();

    assertArrayEquals(new byte[] {1, 2}, sink.bytes.toByteArray());
    assertEquals(2, sink.writes);
  }
}
