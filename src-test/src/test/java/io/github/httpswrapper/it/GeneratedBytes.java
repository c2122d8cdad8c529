package io.github.httpswrapper.it;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stream of {@code length} pseudo-random bytes made on the fly from a seed, so that large bodies never sit in
 * memory. The bytes do not repeat with any short period, so a relay that drops, repeats or reorders a block
 * changes the hash.
 */
final class GeneratedBytes extends InputStream {
  static final long MIB = 1024L * 1024;

  private final long length;
  private long state;
  private long position;
  private final byte[] block = new byte[16 * 1024];
  private int blockPosition = block.length;

  GeneratedBytes(long seed, long length) {
    this.state = seed;
    this.length = length;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (position >= length) {
      return -1;
    }
    if (blockPosition == block.length) {
      refill();
    }
    int n = (int) Math.min(Math.min(len, block.length - blockPosition), length - position);
    System.arraycopy(block, blockPosition, b, off, n);
    blockPosition += n;
    position += n;
    return n;
  }

  @Override
  public int available() {
    return (int) Math.min(block.length - blockPosition, length - position);
  }

  private void refill() {
    for (int i = 0; i < block.length; i += 8) {
      long z = (state += 0x9E3779B97F4A7C15L); // splitmix64
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z ^= z >>> 31;
      for (int j = 0; j < 8; j++) {
        block[i + j] = (byte) (z >>> (8 * j));
      }
    }
    blockPosition = 0;
  }

  /** SHA-256, as lowercase hex, and byte count of everything read from {@code in} until its end. */
  static Digest digest(InputStream in) throws IOException {
    MessageDigest sha256 = sha256();
    byte[] buffer = new byte[64 * 1024];
    long count = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      sha256.update(buffer, 0, n);
      count += n;
    }
    return new Digest(HexFormat.of().formatHex(sha256.digest()), count);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A body's SHA-256 (hex) and length. */
  record Digest(String sha256, long length) {}
}
