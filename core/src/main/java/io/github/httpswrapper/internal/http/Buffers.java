package io.github.httpswrapper.internal.http;

import java.util.concurrent.locks.ReentrantLock;

/**
 * 16 KiB buffers lent to connections while they move bytes and given back before they wait, so that a
 * connection idle between requests (or one that has sent nothing yet) holds no buffer of its own: with
 * thousands of open connections that is most of their memory. A buffer is one TLS record's worth of plain
 * text.
 *
 * <p>{@value #STRIPES} stacks of at most {@value #PER_STRIPE} buffers each (8 MiB in all), each behind its own
 * lock, held only to push or pop; a thread always uses the stack its id picks, so threads seldom meet. A stack
 * holds many buffers so that a thread that has never given one back (on Java 21+ every connection is a new
 * virtual thread) still finds one: a pool of single slots spread by thread finds almost nothing for a new
 * thread, and every miss was a new 16 KiB array and, with thousands of handshakes, heap growth. When a stack is
 * empty a new buffer is made; when it is full a returned buffer is left to the garbage collector. Lent buffers
 * hold bytes of earlier connections: every user reads only the range it wrote itself.
 */
public final class Buffers {
  /** The size of every pooled buffer. */
  public static final int SIZE = 16 * 1024;

  private static final int STRIPES = 16;
  private static final int PER_STRIPE = 32;
  private static final Stripe[] stripes = new Stripe[STRIPES];

  static {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  private Buffers() {}

  /** One stack of buffers and its lock. */
  private static final class Stripe {
    private final ReentrantLock lock = new ReentrantLock();
    private final byte[][] buffers = new byte[PER_STRIPE][];
    private int size;

    byte[] pop() {
      lock.lock();
      try {
        if (size == 0) {
          return null;
        }
        byte[] buffer = buffers[--size];
        buffers[size] = null;
        return buffer;
      } finally {
        lock.unlock();
      }
    }

    void push(byte[] buffer) {
      lock.lock();
      try {
        if (size < PER_STRIPE) {
          buffers[size++] = buffer;
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private static Stripe stripe() {
    // By thread id: cheap and stable. (ThreadLocalRandom showed up in profiles: on a virtual thread, current()
    // is far from free.)
    long id = Thread.currentThread().getId();
    return stripes[(int) (id ^ (id >>> 4)) & (STRIPES - 1)];
  }

  /** A buffer of {@link #SIZE} bytes, from the pool or new. Its content is undefined. */
  public static byte[] take() {
    byte[] buffer = stripe().pop();
    return buffer != null ? buffer : new byte[SIZE];
  }

  /** Gives {@code buffer} back; it must not be used afterwards. Buffers of another size are ignored. */
  public static void give(byte[] buffer) {
    if (buffer == null || buffer.length != SIZE) {
      return;
    }
    stripe().push(buffer);
  }
}
