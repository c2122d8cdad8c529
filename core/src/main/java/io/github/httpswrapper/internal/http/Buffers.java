package io.github.httpswrapper.internal.http;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * 16 KiB buffers lent to connections while they move bytes and given back before they wait, so that a
 * connection idle between requests (or one that has sent nothing yet) holds no buffer of its own: with
 * thousands of open connections that is most of their memory. A buffer is one TLS record's worth of plain
 * text.
 *
 * <p>A fixed array of slots, taken and given with one atomic swap each and no allocation; when every slot is
 * empty a new buffer is made, and when every slot looked at is full a returned buffer is left to the garbage
 * collector. The pool keeps at most {@value #SLOTS} buffers (8 MiB). Lent buffers hold bytes of earlier
 * connections: every user reads only the range it wrote itself.
 */
public final class Buffers {
  /** The size of every pooled buffer. */
  public static final int SIZE = 16 * 1024;

  private static final int SLOTS = 512;
  private static final int PROBES = 8;
  private static final AtomicReferenceArray<byte[]> slots = new AtomicReferenceArray<>(SLOTS);

  private Buffers() {}

  private static int spread(int hash) {
    return (hash ^ (hash >>> 16)) * 0x9E3779B9 >>> 23;
  }

  /** A buffer of {@link #SIZE} bytes, from the pool or new. Its content is undefined. */
  public static byte[] take() {
    // Where to look first: spread by thread, so that threads seldom meet on a slot. (ThreadLocalRandom showed up
    // in profiles: on a virtual thread, current() is far from free.)
    int start = spread(System.identityHashCode(Thread.currentThread()));
    for (int i = 0; i < PROBES; i++) {
      int slot = (start + i) & (SLOTS - 1);
      if (slots.get(slot) != null) {
        byte[] buffer = slots.getAndSet(slot, null);
        if (buffer != null) {
          return buffer;
        }
      }
    }
    return new byte[SIZE];
  }

  /** Gives {@code buffer} back; it must not be used afterwards. Buffers of another size are ignored. */
  public static void give(byte[] buffer) {
    if (buffer == null || buffer.length != SIZE) {
      return;
    }
    int start = spread(System.identityHashCode(Thread.currentThread()));
    for (int i = 0; i < PROBES; i++) {
      int slot = (start + i) & (SLOTS - 1);
      if (slots.get(slot) == null && slots.compareAndSet(slot, null, buffer)) {
        return;
      }
    }
  }
}
