package io.github.httpswrapper.internal.auth;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of an htpasswd file, read again when the file changes. The file's time, size and identity are
 * looked at most once per interval, by whichever request comes first; the others go on with the users they
 * have. A rewrite that cannot be used keeps the previous users and is reported once.
 */
final class HtpasswdWatch implements Supplier<UserTable> {
  private static final Logger LOG = LoggerFactory.getLogger(HtpasswdWatch.class);

  private final Path file;
  private final boolean plaintextAllowed;
  private final long intervalNanos;
  private final LongSupplier nanos;
  private final Consumer<String> errorLog;
  private final AtomicLong nextCheck;
  private volatile UserTable table;
  private HtpasswdFile.Stamp loadedStamp;
  private HtpasswdFile.Stamp failedStamp;

  HtpasswdWatch(
      Path file,
      HtpasswdFile.Snapshot loaded,
      boolean plaintextAllowed,
      long intervalNanos,
      LongSupplier nanos,
      Consumer<String> errorLog) {
    this.file = file;
    this.table = loaded.table();
    this.loadedStamp = loaded.stamp();
    this.plaintextAllowed = plaintextAllowed;
    this.intervalNanos = intervalNanos;
    this.nanos = nanos;
    this.errorLog = errorLog;
    this.nextCheck = new AtomicLong(nanos.getAsLong());
  }

  @Override
  public UserTable get() {
    long now = nanos.getAsLong();
    long due = nextCheck.get();
    if (now - due >= 0 && nextCheck.compareAndSet(due, now + intervalNanos)) {
      checkForChange();
    }
    return table;
  }

  private synchronized void checkForChange() {
    HtpasswdFile.Stamp stamp = HtpasswdFile.Stamp.of(file);
    if (stamp.equals(loadedStamp) || stamp.equals(failedStamp)) {
      return;
    }
    UserTable before = table;
    try {
      HtpasswdFile.Snapshot snapshot = HtpasswdFile.load(file, false);
      if (!plaintextAllowed && snapshot.table().plaintextRefusal() != null) {
        throw new IllegalArgumentException(snapshot.table().plaintextRefusal());
      }
      table = snapshot.table();
      loadedStamp = snapshot.stamp();
      failedStamp = null;
      if (table.size() == 0) {
        LOG.warn("htpasswd file {} changed and has no users now: every login fails", file);
      } else {
        LOG.info("htpasswd file {} changed: {} users now", file, table.size());
      }
    } catch (IllegalArgumentException e) {
      failedStamp = stamp;
      errorLog.accept(
          "htpasswd file " + file + " changed but cannot be used, so its previous " + before.size()
              + " users stay in service: " + e.getMessage());
    }
  }
}
