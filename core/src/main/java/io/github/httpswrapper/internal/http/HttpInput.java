package io.github.httpswrapper.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One direction of an HTTP connection, read with a buffer that is kept for the connection's whole life.
 *
 * <p>A head has to be read in pieces larger than one byte to be fast, so the buffer usually ends up holding
 * some bytes that follow the head: the start of the body, or even the next pipelined request. Those bytes are
 * never lost: {@link #read(byte[], int, int)} and {@link #asStream()} hand them out first, before reading the
 * underlying stream again. That is why there must be exactly one {@code HttpInput} per connection direction,
 * and why, after a {@code 101 Switching Protocols}, the tunnel must copy from {@link #asStream()} rather than
 * from the socket.
 *
 * <p>The buffer starts at 8 KiB and grows only while a single line needs it, never beyond the line limit the
 * caller passes to {@link #readLine}. An input made with {@link #lendingBuffer} instead borrows a {@link Buffers}
 * buffer only while it holds unread bytes and gives it back before it waits for more, so a connection idle
 * between requests holds none. Not thread-safe: one thread reads a direction at a time.
 */
public final class HttpInput {
  /** The initial buffer size; a head smaller than this is usually read with one call to the stream. */
  public static final int DEFAULT_BUFFER_BYTES = 8 * 1024;

  private static final byte[] NONE = new byte[0];

  private final InputStream in;
  private final InputStream view = new View();
  private final boolean lending;
  private byte[] buffer;
  private int position;
  private int limit;
  private boolean eof;

  /** Reads {@code in} through a buffer of {@link #DEFAULT_BUFFER_BYTES}. */
  public HttpInput(InputStream in) {
    this(in, DEFAULT_BUFFER_BYTES);
  }

  /** Reads {@code in} through a buffer that starts at {@code bufferBytes} (at least 16). */
  public HttpInput(InputStream in, int bufferBytes) {
    this.in = Objects.requireNonNull(in, "in");
    if (bufferBytes < 16) {
      throw new IllegalArgumentException("bufferBytes must be at least 16, not " + bufferBytes);
    }
    this.buffer = new byte[bufferBytes];
    this.lending = false;
  }

  private HttpInput(InputStream in, boolean lending) {
    this.in = Objects.requireNonNull(in, "in");
    this.buffer = NONE;
    this.lending = lending;
  }

  /**
   * Reads {@code in} through a pooled buffer that is held only while unread bytes are in it. Before waiting
   * with nothing buffered, the buffer goes back to the pool and a single byte is awaited; for a TLS stream that
   * costs nothing extra (the rest of the record is already decrypted), for a plain socket one more read call.
   */
  public static HttpInput lendingBuffer(InputStream in) {
    return new HttpInput(in, true);
  }

  /** How many bytes are held in the buffer, readable without blocking. */
  public int buffered() {
    return limit - position;
  }

  /** The next byte without consuming it, or -1 at end of stream. Blocks until one arrives. */
  public int peek() throws IOException {
    if (position == limit && !refill()) {
      return -1;
    }
    return buffer[position] & 0xff;
  }

  /** Whether the stream has ended with nothing left in the buffer. Blocks until a byte or the end arrives. */
  public boolean atEof() throws IOException {
    return peek() < 0;
  }

  /** The next byte, or -1 at end of stream. */
  public int read() throws IOException {
    int b = peek();
    if (b >= 0) {
      position++;
    }
    return b;
  }

  /**
   * Reads body bytes: buffered ones first; when the buffer is empty, straight from the stream into {@code
   * into}, so large bodies are not copied twice.
   *
   * @return the number of bytes read (at least 1 when {@code length > 0}), or -1 at end of stream
   */
  public int read(byte[] into, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, into.length);
    if (length == 0) {
      return 0;
    }
    if (position < limit) {
      int n = Math.min(length, limit - position);
      System.arraycopy(buffer, position, into, offset, n);
      position += n;
      giveBack();
      return n;
    }
    if (eof) {
      return -1;
    }
    giveBack();
    int n;
    do {
      n = in.read(into, offset, length);
    } while (n == 0);
    if (n < 0) {
      eof = true;
    }
    return n;
  }

  /**
   * This input as an {@code InputStream}, buffered bytes first. Use it to hand the connection to code that
   * wants a stream, such as the byte tunnel after an upgrade. Closing the view closes the underlying stream.
   */
  public InputStream asStream() {
    return view;
  }

  /**
   * Reads one line that must end in CRLF, and returns it without the CRLF, one char per byte (ISO-8859-1), so
   * callers can check every byte.
   *
   * @param maxBytes the longest line allowed, CRLF not counted; the buffer grows to hold at most this much
   * @param tooLongStatus the status of the {@link HttpException} thrown for a longer line
   * @param tooLongMessage its message
   * @return the line, or {@code null} if the stream ended before the line's first byte
   * @throws HttpException 400 for a bare LF or a CR not followed by LF (RFC 9112 section 2.2 allows refusing
   *     both, and some servers accept them: a line break one side sees and the other does not is a classic
   *     smuggling vector); {@code tooLongStatus} for a line longer than {@code maxBytes}
   * @throws EOFException if the stream ends inside the line
   */
  public String readLine(int maxBytes, int tooLongStatus, String tooLongMessage) throws IOException {
    int end = lineEnd(maxBytes, tooLongStatus, tooLongMessage);
    if (end < 0) {
      return null;
    }
    String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
    position = end + 2;
    return line;
  }

  /**
   * Reads until a whole line is buffered, as {@link #readLine} does, without taking it: the line is {@link
   * #bufferBytes()} from {@link #linePosition()} up to the index returned, and {@link #skipLine} takes it.
   *
   * @return the index of the line's CR, or -1 if the stream ended before the line started
   */
  int lineEnd(int maxBytes, int tooLongStatus, String tooLongMessage) throws IOException {
    int scanned = 0;
    while (true) {
      int i = position + scanned;
      while (i < limit) {
        byte b = buffer[i];
        if (b == '\r') {
          if (i + 1 == limit) {
            break; // the LF may still be on its way
          }
          if (buffer[i + 1] != '\n') {
            throw new HttpException(400, "bare CR in a line: lines must end with CRLF");
          }
          return i;
        }
        if (b == '\n') {
          throw new HttpException(400, "bare LF in a line: lines must end with CRLF");
        }
        if (i - position >= maxBytes) {
          throw new HttpException(tooLongStatus, tooLongMessage);
        }
        i++;
      }
      scanned = i - position;
      if (!fillForLine(maxBytes)) {
        if (position == limit) {
          return -1;
        }
        throw new EOFException("connection closed in the middle of a line");
      }
    }
  }

  /** The buffer a line found by {@link #lineEnd} is in; valid until the next read. */
  byte[] bufferBytes() {
    return buffer;
  }

  /** Where a line found by {@link #lineEnd} starts. */
  int linePosition() {
    return position;
  }

  /** Takes the line that ends at {@code end} (a result of {@link #lineEnd}) and its CRLF. */
  void skipLine(int end) {
    position = end + 2;
  }

  /** Makes room (compacting first, then growing up to one line plus CRLF) and reads once more. */
  private boolean fillForLine(int maxBytes) throws IOException {
    if (eof) {
      return false;
    }
    if (position == limit) {
      return refill();
    }
    if (limit == buffer.length) {
      if (position > 0) {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
      } else {
        // The scan above guarantees limit <= maxBytes + 1 here, so the new size is always larger.
        int size = (int) Math.min(2L * buffer.length, maxBytes + 2L);
        byte[] larger = new byte[size];
        System.arraycopy(buffer, 0, larger, 0, limit);
        if (lending) {
          Buffers.give(buffer);
        }
        buffer = larger;
      }
    }
    return readMore();
  }

  private boolean refill() throws IOException {
    position = 0;
    limit = 0;
    if (eof) {
      return false;
    }
    if (!lending) {
      return readMore();
    }
    giveBack();
    int first = in.read();
    if (first < 0) {
      eof = true;
      return false;
    }
    buffer = Buffers.take();
    buffer[0] = (byte) first;
    limit = 1;
    return true;
  }

  /** Whether a buffer is held now (for tests of lending mode). */
  boolean holdsBuffer() {
    return buffer != NONE;
  }

  /** In lending mode, with nothing buffered: the buffer goes back to the pool before a read that may wait. */
  private void giveBack() {
    if (lending && buffer != NONE && position == limit) {
      Buffers.give(buffer);
      buffer = NONE;
      position = 0;
      limit = 0;
    }
  }

  private boolean readMore() throws IOException {
    int n;
    do {
      n = in.read(buffer, limit, buffer.length - limit);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  private final class View extends InputStream {
    @Override
    public int read() throws IOException {
      return HttpInput.this.read();
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      return HttpInput.this.read(into, offset, length);
    }

    @Override
    public int available() throws IOException {
      int buffered = buffered();
      return buffered > 0 || eof ? buffered : in.available();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
