package io.github.httpswrapper.cert.internal.acme;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.Identity;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, at each load, whether the stored ACME certificate will do or a new one is needed, and keeps the state
 * that outlives one load: the challenges being validated and when to try a failed renewal again.
 *
 * <p>The stored certificate is reused while it is valid, names exactly the configured domains and is not yet due
 * for renewal. Otherwise a new one is obtained. If that fails while the stored one is still valid, the stored one
 * is served, a warning says what went wrong and when the next attempt will be (see {@link RenewalBackoff}), and
 * loads before then do not ask the CA again. Only when no usable certificate exists does a failure reach the
 * caller.
 */
public final class AcmeCertificates {
  private static final Logger log = LoggerFactory.getLogger(AcmeCertificates.class);

  private final ChallengeTable challenges = new ChallengeTable();
  private final RenewalBackoff backoff = new RenewalBackoff();
  private final Clock clock;
  private final Consumer<String> warnings;

  /** With the system clock, logging warnings at WARN. */
  public AcmeCertificates() {
    this(Clock.systemUTC(), log::warn);
  }

  AcmeCertificates(Clock clock, Consumer<String> warnings) {
    this.clock = clock;
    this.warnings = warnings;
  }

  /** The key authorization for an HTTP-01 token being validated right now, else empty. */
  public Optional<String> challengeResponse(String token) {
    return challenges.response(token);
  }

  /**
   * The stored certificate, or a new one.
   *
   * @throws CertificateMaterialException when there is no usable certificate and none could be obtained
   */
  public Identity load(AcmeConfig config) {
    AcmeStore store = AcmeStore.of(config);
    return store.locked(() -> load(config, store));
  }

  private Identity load(AcmeConfig config, AcmeStore store) throws IOException {
    Identity stored = null;
    String reason;
    try {
      stored = store.readCertificate();
      reason = reasonToRenew(stored, config);
    } catch (CertificateMaterialException e) {
      reason = e.getMessage();
    }
    if (reason == null) {
      log.debug("{}: reusing {}", config.description(), store.certificateFile);
      return stored;
    }
    Instant now = clock.instant();
    if (stored != null && !backoff.mayTry(now)) {
      log.debug("{}: {}, but the last attempt failed: serving the stored one until {}",
          config.description(), reason, backoff.nextAttempt());
      return stored;
    }
    try {
      Identity fresh = new AcmeIssuer(config, store, challenges, clock).issue();
      backoff.succeeded();
      log.info("{}: obtained a new certificate ({}), valid until {}, SHA-256 {}",
          config.description(), reason, fresh.notAfter(), fresh.sha256Fingerprint());
      return fresh;
    } catch (CertificateMaterialException e) {
      if (stored == null) {
        throw e;
      }
      Duration wait = backoff.failed(now);
      String prefix = config.description() + ": ";
      String error = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
      warnings.accept(prefix + "could not renew the certificate (" + reason + "): " + error + "; serving the stored"
          + " one, valid until " + stored.notAfter() + "; next attempt in " + human(wait) + ", at "
          + backoff.nextAttempt());
      return stored;
    }
  }

  /** Why the stored certificate must be replaced, or {@code null} if it will do. */
  private String reasonToRenew(Identity stored, AcmeConfig config) {
    Set<String> names = new LinkedHashSet<>();
    stored.names().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
    if (!names.equals(new LinkedHashSet<>(config.domains()))) {
      return "the stored one is for " + names + ", not " + config.domains();
    }
    Duration lifetime = Duration.between(stored.notBefore(), stored.notAfter());
    Duration left = Duration.between(clock.instant(), stored.notAfter());
    if (left.compareTo(config.renewBefore(lifetime)) < 0) {
      return "the stored one expires in " + human(left) + ", at " + stored.notAfter();
    }
    return null;
  }

  /** {@code 45 s}, {@code 2 min}, {@code 4 h 16 min}, {@code 59 days}. */
  static String human(Duration duration) {
    if (duration.toDays() >= 2) {
      return duration.toDays() + " days";
    }
    if (duration.toHours() >= 1) {
      long minutes = duration.toMinutesPart();
      return duration.toHours() + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
    if (duration.toMinutes() >= 1) {
      return duration.toMinutes() + " min";
    }
    return Math.max(0, duration.toSeconds()) + " s";
  }
}
