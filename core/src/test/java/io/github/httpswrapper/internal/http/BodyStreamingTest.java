package io.github.httpswrapper.internal.http;

import static io.github.httpswrapper.internal.http.Wire.input;
import static io.github.httpswrapper.internal.http.Wire.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BodyStreamingTest {
  private static final long FIFTY_MIB = 50L * 1024 * 1024;

  /** Generates {@code length} bytes without holding them, in reads of at most 64 KiB. */
  private static InputStream generated(long length) {
    return new InputStream() {
      private long left = length;

      @Override
      public int read() {
        return left-- > 0 ? 'x' : -1;
      }

      @Override
      public int read(byte[] into, int offset, int n) {
        if (left <= 0) {
          return -1;
        }
        int count = (int) Math.min(Math.min(n, left), 64 * 1024);
        Arrays.fill(into, offset, offset + count, (byte) 'x');
        left -= count;
        return count;
      }
    };
  }

  /** Counts bytes and remembers the largest single write. */
  private static final class Counting extends OutputStream {
    long count;
    int largestWrite;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
      largestWrite = Math.max(largestWrite, len);
    }
  }

  @Test
  void fixedBodyCopiesExactlyItsLength() throws IOException {
    HttpInput in = input("hello world");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FixedBody.copy(in, out, 5);
    assertEquals("hello", text(out.toByteArray()));
    assertEquals(" world", text(in.asStream().readAllBytes()));
  }

  @Test
  void fixedBodyOfZeroBytesCopiesNothing() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FixedBody.copy(input("next"), out, 0);
    assertEquals(0, out.size());
  }

  @Test
  void fixedBodyEndingEarlyIsAnEofExceptionThatSaysHowMuchArrived() {
    EOFException e =
        assertThrows(EOFException.class, () -> FixedBody.copy(input("abc"), new ByteArrayOutputStream(), 10));
    assertEquals("connection closed after 3 of 10 body bytes", e.getMessage());
  }

  @Test
  void fixedBodyReportsProgress() throws IOException {
    AtomicLong seen = new AtomicLong();
    FixedBody.copy(input("0123456789"), new ByteArrayOutputStream(), 10, seen::addAndGet);
    assertEquals(10, seen.get());
  }

  @Test
  void closeDelimitedBodyCopiesEverythingToTheEnd() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(9, CloseDelimitedBody.copy(input("until EOF"), out, n -> {}));
    assertEquals("until EOF", text(out.toByteArray()));
  }

  @Test
  @Timeout(60)
  void fiftyMebibyteFixedBodyStreamsInSmallPieces() throws IOException {
    HttpInput in = new HttpInput(new SequenceInputStream(generated(FIFTY_MIB), input("tail").asStream()));
    Counting out = new Counting();
    FixedBody.copy(in, out, FIFTY_MIB);
    assertEquals(FIFTY_MIB, out.count);
    assertTrue(out.largestWrite <= 16 * 1024, "largest write " + out.largestWrite);
    assertEquals("tail", text(in.asStream().readAllBytes()));
  }

  @Test
  @Timeout(60)
  void fiftyMebibyteChunkStreamsInSmallPieces() throws IOException {
    String size = Long.toHexString(FIFTY_MIB);
    InputStream wire =
        new SequenceInputStream(
            new SequenceInputStream(
                input(size + "\r\n").asStream(), generated(FIFTY_MIB)),
            input("\r\n0\r\n\r\n").asStream());
    Counting out = new Counting();
    long data = ChunkedBody.copy(new HttpInput(wire), out, HttpLimits.defaults());
    assertEquals(FIFTY_MIB, data);
    assertEquals(size.length() + 2 + FIFTY_MIB + 2 + 5, out.count);
    assertTrue(out.largestWrite <= 16 * 1024, "largest write " + out.largestWrite);
  }

  @Test
  void chunkedOutputIsFlushedBeforeWaitingForMoreInput() throws IOException {
    // The first chunk is all the input holds; a reader that blocks would leave it stuck in a buffer.
    InputStream first = input("5\r\nfirst\r\n").asStream();
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    StringBuilder seenAtSecondRead = new StringBuilder();
    BufferedOutputStream out = new BufferedOutputStream(sink, 1024);
    InputStream rest =
        new InputStream() {
          private final InputStream tail = input("0\r\n\r\n").asStream();
          private boolean noted;

          @Override
          public int read() throws IOException {
            return tail.read();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (!noted) {
              noted = true;
              seenAtSecondRead.append(sink.toString(StandardCharsets.ISO_8859_1));
            }
            return tail.read(b, off, len);
          }
        };
    ChunkedBody.copy(new HttpInput(new SequenceInputStream(first, rest)), out, HttpLimits.defaults());
    assertEquals("5\r\nfirst\r\n", seenAtSecondRead.toString());
    assertEquals("5\r\nfirst\r\n0\r\n\r\n", sink.toString(StandardCharsets.ISO_8859_1));
  }
}
