package io.github.httpswrapper.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;

/**
 * Copies a chunked body (RFC 9112 section 7.1), checking every chunk and writing it out in canonical form:
 * {@code hex-size CRLF data CRLF} with chunk extensions dropped, then {@code 0 CRLF CRLF}.
 *
 * <p>Re-encoding instead of copying bytes through means the receiver only ever sees framing the wrapper itself
 * understood: an odd chunk size or extension that the receiver might read differently never reaches it.
 * Trailer fields are checked like header fields and then dropped, because some servers merge trailers into
 * the headers, which would let a client add fields (such as X-Forwarded-For) after the wrapper set them.
 *
 * <p>Data is streamed through a 16 KiB buffer, whatever the chunk size. Output is flushed whenever the next
 * read may block, so a slowly streamed body (server-sent events) is not held back.
 *
 * <p>Refused with {@link HttpException} 400: an empty chunk size, one with characters other than hex digits
 * ({@code -1}, {@code 0x5}, {@code +5}, {@code  5}), whitespace after the size that does not lead to a {@code
 * ;} extension ({@code 5 }), more than 16 hex digits or a size over 2^63-1, a control character in an
 * extension, a chunk-size line over {@value #MAX_CHUNK_LINE_BYTES} bytes, chunk data not followed by CRLF, a
 * bare CR or LF, and invalid or oversized trailers (431 for the size). A bad size line is refused before any
 * byte of its chunk is written; data not followed by CRLF has been written by then, so the receiver holds an
 * unfinished chunk and the connection to it must be closed (as after any exception here).
 */
public final class ChunkedBody {
  /** The longest chunk-size line, extensions included. Real extensions are rare and short. */
  public static final int MAX_CHUNK_LINE_BYTES = 4096;

  private static final int BUFFER_BYTES = 16 * 1024;
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final HttpInput in;
  private final OutputStream out;
  private final LongConsumer progress;
  private final long maxDataBytes;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int used;
  private boolean unflushed;

  private ChunkedBody(HttpInput in, OutputStream out, LongConsumer progress, long maxDataBytes) {
    this.in = in;
    this.out = out;
    this.progress = progress;
    this.maxDataBytes = maxDataBytes;
  }

  /** {@link #copy(HttpInput, OutputStream, HttpLimits, LongConsumer)} without progress reports. */
  public static long copy(HttpInput in, OutputStream out, HttpLimits limits) throws IOException {
    return copy(in, out, limits, bytes -> {});
  }

  /**
   * Copies one chunked body from {@code in} to {@code out}, leaving {@code in} at the first byte after it.
   *
   * @param limits bound the trailer section
   * @param progress told the number of bytes just consumed from {@code in} after every step (for an idle
   *     timer); called on this thread
   * @return the number of data bytes copied (framing not counted)
   * @throws HttpException as listed on this class
   * @throws EOFException if {@code in} ends before the last chunk's final CRLF
   */
  public static long copy(HttpInput in, OutputStream out, HttpLimits limits, LongConsumer progress)
      throws IOException {
    return copy(in, out, limits, progress, Long.MAX_VALUE);
  }

  /**
   * {@link #copy(HttpInput, OutputStream, HttpLimits, LongConsumer)} for a body that may hold at most {@code
   * maxDataBytes} data bytes.
   *
   * @throws HttpException 413, before any byte of the chunk that would pass the limit is written (the chunks
   *     before it have been, so the connection to the receiver must be closed)
   */
  public static long copy(
      HttpInput in, OutputStream out, HttpLimits limits, LongConsumer progress, long maxDataBytes)
      throws IOException {
    return new ChunkedBody(in, out, progress, maxDataBytes).copy(limits);
  }

  private long copy(HttpLimits limits) throws IOException {
    long total = 0;
    while (true) {
      long size = readSize();
      if (size == 0) {
        break;
      }
      if (size > maxDataBytes - total) {
        throw new HttpException(413, "chunked body larger than " + maxDataBytes + " bytes");
      }
      stage((Long.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      for (long remaining = size; remaining > 0; ) {
        if (used == buffer.length) {
          send(false);
        }
        flushIfReadBlocks();
        int n = in.read(buffer, used, (int) Math.min(remaining, buffer.length - used));
        if (n < 0) {
          throw new EOFException("connection closed inside a chunk");
        }
        used += n;
        remaining -= n;
        total += n;
        progress.accept(n);
      }
      flushIfReadBlocks();
      String end = in.readLine(0, 400, "chunk data is not followed by CRLF");
      if (end == null) {
        throw new EOFException("connection closed after chunk data, before its CRLF");
      }
      progress.accept(2);
      stage(CRLF);
    }
    flushIfReadBlocks();
    HeaderLines.read(in, limits); // trailers: checked, then dropped (see the class comment)
    stage(LAST_CHUNK);
    send(true);
    return total;
  }

  private long readSize() throws IOException {
    flushIfReadBlocks();
    String line =
        in.readLine(MAX_CHUNK_LINE_BYTES, 400, "chunk size line longer than " + MAX_CHUNK_LINE_BYTES + " bytes");
    if (line == null) {
      throw new EOFException("connection closed before the last chunk");
    }
    progress.accept(line.length() + 2L);
    return parseSize(line);
  }

  /** The size in a chunk-size line {@code 1*HEXDIG [ BWS ";" extension ]}, checked as the class describes. */
  static long parseSize(String line) throws HttpException {
    int digits = 0;
    while (digits < line.length() && Syntax.isHexDigit(line.charAt(digits))) {
      digits++;
    }
    if (digits == 0) {
      throw new HttpException(400, "chunk size is not a hexadecimal number");
    }
    if (digits > 16) {
      throw new HttpException(400, "chunk size has more than 16 hex digits");
    }
    long size = Long.parseUnsignedLong(line.substring(0, digits), 16);
    if (size < 0) {
      throw new HttpException(400, "chunk size is larger than 2^63-1");
    }
    int i = digits;
    while (i < line.length() && Syntax.isOws(line.charAt(i))) {
      i++;
    }
    if (i < line.length() && line.charAt(i) != ';' || i == line.length() && i > digits) {
      throw new HttpException(400, "unexpected character after the chunk size");
    }
    for (; i < line.length(); i++) {
      if (!Syntax.isFieldChar(line.charAt(i))) {
        throw new HttpException(400, "control character in a chunk extension");
      }
    }
    return size;
  }

  /** Adds framing bytes to the buffer, sending it first if they do not fit. */
  private void stage(byte[] bytes) throws IOException {
    if (used + bytes.length > buffer.length) {
      send(false);
    }
    System.arraycopy(bytes, 0, buffer, used, bytes.length);
    used += bytes.length;
  }

  /** Sends what is buffered before a read that may block, so the receiver is not kept waiting for it. */
  private void flushIfReadBlocks() throws IOException {
    if (in.buffered() == 0) {
      send(true);
    }
  }

  private void send(boolean flush) throws IOException {
    if (used > 0) {
      out.write(buffer, 0, used);
      used = 0;
      unflushed = true;
    }
    if (flush && unflushed) {
      out.flush();
      unflushed = false;
    }
  }
}
