package io.github.httpswrapper.internal.tls;

import io.github.httpswrapper.cert.Identity;
import java.time.Duration;
import java.time.Instant;

/**
 * When a served certificate is loaded again because it is getting old: 14 days before it expires, or a third of
 * its lifetime before, if that is shorter (a one-day certificate is renewed with 8 hours left). This is the rule
 * generated certificates are made again by, so a generated source's {@code load()} makes a new one exactly when
 * the wrapper asks; for a certificate from files, the load reads the files, which a renewal tool may have
 * replaced in a way the file watch missed (or with watching turned off).
 */
final class RenewalTime {
  static final Duration RENEW_BEFORE = Duration.ofDays(14);

  private RenewalTime() {}

  /** The moment from which {@code identity} is due for renewal. */
  static Instant of(Identity identity) {
    Duration lifetime = Duration.between(identity.notBefore(), identity.notAfter());
    Duration third = lifetime.dividedBy(3);
    return identity.notAfter().minus(third.compareTo(RENEW_BEFORE) < 0 ? third : RENEW_BEFORE);
  }

  /** Whether {@code identity} is due for renewal at {@code now}. */
  static boolean due(Identity identity, Instant now) {
    return !now.isBefore(of(identity));
  }
}
