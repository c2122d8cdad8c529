package io.github.httpswrapper.internal.tls;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One certificate source and the identity it serves now, replaced when the source's files change, when the
 * certificate is due for renewal, or when asked.
 *
 * <p>A file change is loaded only once it has been seen unchanged by two polls in a row, so a file that is still
 * being written is not read half-way. Material that fails to load is reported once and leaves the current
 * identity in service; the same files are not tried again until they change again.
 */
final class IdentitySlot {
  private static final Logger log = LoggerFactory.getLogger(IdentitySlot.class);
  /** After a renewal load that brought nothing newer, the next try waits this long. */
  static final Duration RENEWAL_RETRY = Duration.ofHours(1);

  private final ServerNamePattern serverName;
  private final CertificateSource source;
  private final FileChanges files;
  private final LongSupplier generations;
  private volatile Served served;
  private volatile Served previous;
  private Instant nextRenewal = Instant.MIN;

  /**
   * Loads {@code source} for the first time.
   *
   * @param serverName the SNI pattern this slot answers, or {@code null} for the default identity
   * @throws CertificateMaterialException when the material cannot be used
   */
  IdentitySlot(
      ServerNamePattern serverName, CertificateSource source, LongSupplier generations, String logName) {
    this.serverName = serverName;
    this.source = source;
    this.files = new FileChanges(source.watchedFiles(), true);
    this.generations = generations;
    this.served = Served.of(source.load(), generations.getAsLong());
    warnWhenNamesDoNotCover(served.identity(), logName);
  }

  ServerNamePattern serverName() {
    return serverName;
  }

  Served served() {
    return served;
  }

  /** The identity served before the current one, whose handshakes may still be under way; or {@code null}. */
  Served previous() {
    return previous;
  }

  /**
   * One look by the watcher: loads again when the files have changed and then stayed the same for one poll, or
   * when the certificate is due for renewal.
   *
   * @param watchFiles whether to look at the files at all
   * @return the identity swapped out, or {@code null} when nothing changed
   */
  synchronized Served poll(Instant now, boolean watchFiles, String logName) {
    if (watchFiles && files.settledChange()) {
      return reload("its files changed", logName, false);
    }
    if (RenewalTime.due(served.identity(), now) && !now.isBefore(nextRenewal)) {
      nextRenewal = now.plus(RENEWAL_RETRY);
      return reload("due for renewal: expires " + served.identity().notAfter(), logName, false);
    }
    return null;
  }

  /**
   * Loads the source now and serves what it gives.
   *
   * @return the identity swapped out, or {@code null} when the source gave the same certificate again
   * @throws CertificateMaterialException when the material cannot be used; the current identity stays
   */
  synchronized Served reloadNow(String logName) {
    return reload("reloadCertificates()", logName, true);
  }

  private Served reload(String reason, String logName, boolean rethrow) {
    FileStamps stamps = files.stamp();
    Identity old = served.identity();
    Identity loaded;
    try {
      loaded = source.load();
    } catch (CertificateMaterialException e) {
      files.failed(stamps);
      log.error(
          "{} cannot use the new certificate{} from {} ({}), so the current one (SHA-256 {}, expires {})"
              + " stays in service: {}",
          logName, forWhom(), source.description(), reason, old.sha256Fingerprint(), old.notAfter(),
          e.getMessage());
      if (rethrow) {
        throw e;
      }
      return null;
    }
    files.loaded(stamps);
    if (sameMaterial(old, loaded)) {
      if (rethrow) {
        log.info("{} certificate{} loaded again from {}: unchanged, SHA-256 {}",
            logName, forWhom(), source.description(), old.sha256Fingerprint());
      } else {
        log.debug("{} certificate{} loaded again ({}): unchanged", logName, forWhom(), reason);
      }
      return null;
    }
    Served before = served;
    previous = before;
    served = Served.of(loaded, generations.getAsLong());
    nextRenewal = Instant.MIN;
    log.info(
        "{} certificate{} replaced ({}): SHA-256 {} -> {}, {}, expires {} (in {} days), from {}",
        logName, forWhom(), reason, old.sha256Fingerprint(), loaded.sha256Fingerprint(), loaded.subject(),
        loaded.notAfter(), loaded.expiresIn().toDays(), loaded.origin());
    warnWhenNamesDoNotCover(loaded, logName);
    return before;
  }

  private static boolean sameMaterial(Identity a, Identity b) {
    return a.chain().equals(b.chain()) && a.privateKey().equals(b.privateKey());
  }

  private void warnWhenNamesDoNotCover(Identity identity, String logName) {
    if (serverName != null && !serverName.coveredBy(identity.names())) {
      log.warn(
          "{} the certificate for server name {} from {} names only {}: clients asking for {} will refuse it",
          logName, serverName, source.description(), identity.names(), serverName);
    }
  }

  private String forWhom() {
    return serverName == null ? "" : " for " + serverName;
  }

  /** For the start line: {@code a.test: SHA-256 AB:..., expires 2026-01-01T00:00:00Z}. */
  String describe() {
    Identity identity = served.identity();
    return (serverName == null ? "default" : serverName.text()) + ": SHA-256 " + identity.sha256Fingerprint()
        + ", expires " + identity.notAfter() + ", from " + source.description();
  }
}
