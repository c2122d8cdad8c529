package io.github.httpswrapper.internal.auth;

import io.github.httpswrapper.internal.access.Addresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing from one place. Thread-safe.
 *
 * <p>Each client gets {@link #DEFAULT_FREE_FAILURES} failed logins for free. Every failure after those blocks
 * the client for a period that starts at one second and doubles with each further failure (1 s, 2 s, 4 s, ...)
 * up to {@link #DEFAULT_MAX_BLOCK}. While blocked, {@link #retryAfterSeconds} is positive: the relay answers
 * {@code 429 Too Many Requests} with {@code Retry-After} and checks no password. A successful login clears the
 * client's record; so does {@code maxBlock} without failures.
 *
 * <p>A client is an IPv4 address, or an IPv6 {@code /64}: one customer usually gets a whole {@code /64}, so
 * counting single IPv6 addresses would give an attacker 2^64 fresh starts.
 *
 * <p>At most {@link #DEFAULT_MAX_CLIENTS} clients are remembered; beyond that the one whose last failure is oldest
 * is forgotten, so rotating addresses costs an attacker their own progress, not the wrapper's memory.
 *
 * <p>Logging: one WARN line each time a client becomes blocked, with the address and the count of failures,
 * not one per failure.
 */
public final class LoginThrottle {
  public static final int DEFAULT_FREE_FAILURES = 5;
  public static final Duration DEFAULT_MAX_BLOCK = Duration.ofMinutes(15);
  public static final int DEFAULT_MAX_CLIENTS = 100_000;
  private static final long FIRST_BLOCK_NANOS = Duration.ofSeconds(1).toNanos();
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private final int freeFailures;
  private final long maxBlockNanos;
  private final int maxClients;
  private final LongSupplier nanos;
  private final Consumer<String> warnLog;
  /** In the order of each client's last failure, so expired and evicted clients are at the front. */
  private final LinkedHashMap<Client, Record> records = new LinkedHashMap<>();

  private static final class Record {
    int failures;
    long lastFailure;
    long blockedUntil;
  }

  /** A throttle with the defaults: 5 free failures, blocks from 1 second up to 15 minutes, 100,000 clients. */
  public LoginThrottle() {
    this("");
  }

  /**
   * A throttle with the defaults, whose log lines start with {@code logPrefix} (e.g. the wrapper's name).
   */
  public LoginThrottle(String logPrefix) {
    this(DEFAULT_FREE_FAILURES, DEFAULT_MAX_BLOCK, DEFAULT_MAX_CLIENTS, System::nanoTime,
        message -> LOG.warn("{}{}", logPrefix.isEmpty() ? "" : logPrefix + " ", message));
  }

  private LoginThrottle(
      int freeFailures, Duration maxBlock, int maxClients, LongSupplier nanos, Consumer<String> warnLog) {
    this.freeFailures = freeFailures;
    this.maxBlockNanos = maxBlock.toNanos();
    this.maxClients = maxClients;
    this.nanos = nanos;
    this.warnLog = warnLog;
  }

  /** A throttle with every setting given; for tests, with a fake clock and a log that counts. */
  static LoginThrottle of(
      int freeFailures, Duration maxBlock, int maxClients, LongSupplier nanos, Consumer<String> warnLog) {
    if (freeFailures < 0 || maxClients < 1 || maxBlock.toNanos() < FIRST_BLOCK_NANOS) {
      throw new IllegalArgumentException("free failures >= 0, max clients >= 1, max block >= 1 s");
    }
    return new LoginThrottle(freeFailures, maxBlock, maxClients, nanos, warnLog);
  }

  /**
   * Seconds the client must wait before trying a password again (rounded up); {@code 0} when it may try now.
   */
  public synchronized long retryAfterSeconds(InetAddress address) {
    long now = nanos.getAsLong();
    forgetQuietClients(now);
    Record record = records.get(Client.of(address));
    if (record == null || record.blockedUntil - now <= 0) {
      return 0;
    }
    long waitNanos = record.blockedUntil - now;
    return (waitNanos + 999_999_999L) / 1_000_000_000L;
  }

  /** Counts a failed login from {@code address}, blocking it when its free failures are used up. */
  public synchronized void failed(InetAddress address) {
    long now = nanos.getAsLong();
    forgetQuietClients(now);
    Client client = Client.of(address);
    Record record = records.remove(client);
    if (record == null) {
      record = new Record();
    }
    records.put(client, record);
    record.failures++;
    record.lastFailure = now;
    int beyondFree = record.failures - freeFailures;
    if (beyondFree > 0) {
      boolean wasBlocked = record.blockedUntil - now > 0;
      long block = blockNanos(beyondFree);
      if (now + block - record.blockedUntil > 0) {
        record.blockedUntil = now + block;
      }
      if (!wasBlocked) {
        warnLog.accept(
            "blocking logins from " + client + " for " + Duration.ofNanos(block).toSeconds() + " s after "
                + record.failures + " failed logins");
      }
    }
    if (records.size() > maxClients) {
      Iterator<Client> oldest = records.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  /** Clears the record of {@code address} after a successful login. */
  public synchronized void succeeded(InetAddress address) {
    records.remove(Client.of(address));
  }

  /** How many clients are remembered now. */
  synchronized int size() {
    return records.size();
  }

  private long blockNanos(int beyondFree) {
    // 1 s doubled (beyondFree - 1) times, without overflowing on a long attack.
    int doublings = Math.min(beyondFree - 1, 62);
    long block = FIRST_BLOCK_NANOS;
    for (int i = 0; i < doublings && block < maxBlockNanos; i++) {
      block *= 2;
    }
    return Math.min(block, maxBlockNanos);
  }

  private void forgetQuietClients(long now) {
    Iterator<Record> oldest = records.values().iterator();
    while (oldest.hasNext()) {
      Record record = oldest.next();
      if (now - record.lastFailure - maxBlockNanos < 0) {
        break;
      }
      oldest.remove();
    }
  }

  /** An IPv4 address or an IPv6 /64. */
  private static final class Client {
    private final byte[] bytes;

    private Client(byte[] bytes) {
      this.bytes = bytes;
    }

    static Client of(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (address instanceof Inet6Address) {
        Arrays.fill(bytes, 8, 16, (byte) 0);
      }
      return new Client(bytes);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Client && Arrays.equals(((Client) other).bytes, bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      try {
        String text = Addresses.format(InetAddress.getByAddress(bytes));
        return bytes.length == 16 ? text + "/64" : text;
      } catch (UnknownHostException e) {
        throw new AssertionError(e);
      }
    }
  }
}
