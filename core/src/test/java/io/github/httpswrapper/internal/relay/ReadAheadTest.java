package io.github.httpswrapper.internal.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
  /** Counts the reads that reach the socket's stream. */
  private static final class CountingInput extends FilterInputStream {
    int reads;

    CountingInput(byte[] bytes) {
      super(new ByteArrayInputStream(bytes));
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      reads++;
      return super.read(b, off, len);
    }
  }

  private static byte[] bytes(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (i * 7);
    }
    return out;
  }

  @Test
  void theByteAlreadyReadComesFirst() throws IOException {
    InputStream in = new ReadAhead(new ByteArrayInputStream(new byte[] {2, 3}), 0x16);
    assertEquals(0x16, in.read());
    assertEquals(2, in.read());
    assertEquals(3, in.read());
    assertEquals(-1, in.read());
  }

  @Test
  void aRecordHeaderAndASmallBodyComeFromOneSocketRead() throws IOException {
    byte[] record = bytes(300);
    CountingInput socket = new CountingInput(Arrays.copyOfRange(record, 1, record.length));
    InputStream in = new ReadAhead(socket, record[0] & 0xff);
    byte[] header = in.readNBytes(5);
    byte[] body = in.readNBytes(295);
    assertArrayEquals(Arrays.copyOfRange(record, 0, 5), header);
    assertArrayEquals(Arrays.copyOfRange(record, 5, 300), body);
    assertEquals(1, socket.reads);
  }

  @Test
  void largeReadsGoStraightToTheSocketOnceTheBufferIsEmpty() throws IOException {
    byte[] data = bytes(1 + 3 * ReadAhead.SIZE);
    CountingInput socket = new CountingInput(Arrays.copyOfRange(data, 1, data.length));
    InputStream in = new ReadAhead(socket, data[0] & 0xff);
    assertEquals(data[0], (byte) in.read());
    byte[] rest = new byte[3 * ReadAhead.SIZE];
    assertEquals(rest.length, in.read(rest, 0, rest.length));
    assertArrayEquals(Arrays.copyOfRange(data, 1, data.length), rest);
    assertEquals(1, socket.reads);
    assertEquals(-1, in.read(rest, 0, rest.length));
  }

  @Test
  void availableCountsBufferedBytes() throws IOException {
    InputStream in = new ReadAhead(new ByteArrayInputStream(bytes(10)), 1);
    assertEquals(1, in.available());
    in.read();
    in.read(new byte[2], 0, 2);
    assertEquals(8, in.available());
  }
}
