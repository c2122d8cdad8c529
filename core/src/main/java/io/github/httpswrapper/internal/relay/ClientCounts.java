package io.github.httpswrapper.internal.relay;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Open connections per client address, for the per-client limit. An IPv6 client is counted by its /64: one
 * host usually holds a whole /64 and can pick any address in it.
 */
final class ClientCounts {
  /** What {@link #acquire} returns when the client is at its limit. */
  static final Object FULL = new Object();

  private final int max;
  private final ConcurrentMap<Key, Integer> counts = new ConcurrentHashMap<>();

  /** An address, or the first 8 bytes of an IPv6 one. */
  private record Key(byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key && Arrays.equals(bytes, ((Key) o).bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }
  }

  ClientCounts(int max) {
    this.max = max;
  }

  /**
   * Counts one more connection from {@code address}.
   *
   * @return a token to pass to {@link #release}, or {@link #FULL} (nothing counted) when the client already has
   *     the most connections allowed
   */
  Object acquire(InetAddress address) {
    byte[] bytes = address.getAddress();
    Key key = new Key(address instanceof Inet6Address ? Arrays.copyOf(bytes, 8) : bytes);
    boolean[] full = new boolean[1];
    counts.compute(
        key,
        (k, count) -> {
          int now = count == null ? 0 : count;
          if (now >= max) {
            full[0] = true;
            return count;
          }
          return now + 1;
        });
    return full[0] ? FULL : key;
  }

  /** Gives back one connection counted by {@link #acquire}; {@code null} (a trusted proxy) is ignored. */
  void release(Object token) {
    if (token instanceof Key) {
      counts.computeIfPresent((Key) token, (k, count) -> count <= 1 ? null : count - 1);
    }
  }
}
