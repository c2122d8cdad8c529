package io.github.httpswrapper.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An input made with {@link HttpInput#lendingBuffer} reads exactly what a buffered one reads, and holds no buffer
 * whenever it waits for the stream with nothing unread.
 */
class LendingHttpInputTest {
  /** Hands out its bytes a few at a time and notes, at each read, whether the input held a buffer. */
  private static final class Watched extends InputStream {
    private final InputStream bytes;
    private final int piece;
    private final List<Boolean> heldWhileEmpty = new ArrayList<>();
    private HttpInput input;

    Watched(String latin1, int piece) {
      this.bytes = new ByteArrayInputStream(latin1.getBytes(StandardCharsets.ISO_8859_1));
      this.piece = piece;
    }

    @Override
    public int read() throws IOException {
      note();
      return bytes.read();
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      note();
      return bytes.read(into, offset, Math.min(length, piece));
    }

    private void note() {
      if (input.buffered() == 0) {
        heldWhileEmpty.add(input.holdsBuffer());
      }
    }
  }

  private static Watched watched(String latin1, int piece) {
    Watched stream = new Watched(latin1, piece);
    stream.input = HttpInput.lendingBuffer(stream);
    return stream;
  }

  @Test
  void readsLinesAcrossPiecesLikeABufferedInput() throws IOException {
    Watched stream = watched("GET / HTTP/1.1\r\nHost: a\r\n\r\n", 3);

    assertEquals("GET / HTTP/1.1", stream.input.readLine(100, 414, "long"));
    assertEquals("Host: a", stream.input.readLine(100, 431, "long"));
    assertEquals("", stream.input.readLine(100, 431, "long"));
    assertNull(stream.input.readLine(100, 414, "long"));
  }

  @Test
  void holdsNoBufferWhileWaitingWithNothingUnread() throws IOException {
    Watched stream = watched("GET /one HTTP/1.1\r\n\r\nGET /two HTTP/1.1\r\n\r\n", 64);

    stream.input.readLine(100, 414, "long");
    stream.input.readLine(100, 431, "long");
    stream.input.readLine(100, 414, "long");
    stream.input.readLine(100, 431, "long");
    assertTrue(stream.input.atEof());

    assertFalse(stream.heldWhileEmpty.isEmpty());
    assertFalse(stream.heldWhileEmpty.contains(true), stream.heldWhileEmpty.toString());
  }

  @Test
  void bytesAfterAHeadAreKeptForTheBody() throws IOException {
    Watched stream = watched("POST / HTTP/1.1\r\n\r\nhello world", 1024);
    stream.input.readLine(100, 414, "long");
    stream.input.readLine(100, 431, "long");

    byte[] body = new byte[11];
    int n = 0;
    while (n < body.length) {
      n += stream.input.read(body, n, body.length - n);
    }

    assertArrayEquals("hello world".getBytes(StandardCharsets.US_ASCII), body);
    assertFalse(stream.input.holdsBuffer());
  }

  @Test
  void aLineLongerThanOneBufferStillArrivesWhole() throws IOException {
    String value = "x".repeat(Buffers.SIZE + 100);
    Watched stream = watched("X-Long: " + value + "\r\nnext\r\n", 4096);

    assertEquals("X-Long: " + value, stream.input.readLine(64 * 1024, 431, "long"));
    assertEquals("next", stream.input.readLine(100, 431, "long"));
  }
}
