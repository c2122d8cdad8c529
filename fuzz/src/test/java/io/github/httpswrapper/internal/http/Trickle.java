package io.github.httpswrapper.internal.http;

import java.io.InputStream;

/**
 * Fuzz input as a stream that hands out at most a few bytes per read, the way a slow network does, so the
 * parsers' buffer boundaries (a CR at the end of one read, its LF in the next) are exercised too.
 */
final class Trickle extends InputStream {
  private final byte[] data;
  private int position;

  Trickle(byte[] data) {
    this.data = data;
  }

  @Override
  public int read() {
    return position < data.length ? data[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] into, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (position == data.length) {
      return -1;
    }
    // Piece sizes cycle through 1 to 7, driven by the position, so every run of an input reads the same way.
    int n = Math.min(Math.min(length, 1 + position % 7), data.length - position);
    System.arraycopy(data, position, into, offset, n);
    position += n;
    return n;
  }

  /** How many bytes have been handed out. */
  int consumed() {
    return position;
  }
}
