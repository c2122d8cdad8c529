package io.github.httpswrapper.cert.internal.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.Identity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the CA cannot be reached at renewal time, the stored certificate is served while it is valid, with a
 * warning that says when the next attempt will be; only without a stored certificate does loading fail. Each test
 * that needs a stored certificate obtains it from a {@link Pebble} of its own and then stops that pebble.
 */
@Timeout(120)
class RenewalFallbackTest {
  private static final Duration ALWAYS_DUE = Duration.ofDays(365 * 100);

  @TempDir Path dir;
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final SettableClock clock = new SettableClock();
  private final AcmeCertificates certificates = new AcmeCertificates(clock, warnings::add);

  /** A certificate stored from a pebble that is stopped afterwards; returns the configuration used. */
  private AcmeConfig storedFromAStoppedCa() throws Exception {
    Assumptions.assumeTrue(Pebble.installed(), "pebble is not installed (Debian package pebble)");
    try (ChallengeResponder responder = ChallengeResponder.start();
        Pebble pebble = Pebble.start(dir.resolve("pebble"), responder.port())) {
      responder.answerFrom(certificates::challengeResponse);
      AcmeConfig config = AcmeConfig.of(pebble.directory(), List.of("blog.example.org"))
          .withStateDirectory(dir.resolve("state"))
          .withTrustedRoots(pebble.apiCertificate())
          .withTermsOfServiceAccepted();
      certificates.load(config);
      return config;
    }
  }

  @Test
  void servesTheStoredCertificateWithAWarningWhenRenewalFails() throws Exception {
    AcmeConfig config = storedFromAStoppedCa();
    Identity stored = certificates.load(config);

    Identity served = certificates.load(config.withRenewBefore(ALWAYS_DUE));

    assertEquals(stored.sha256Fingerprint(), served.sha256Fingerprint());
    assertEquals(1, warnings.size(), warnings.toString());
    String warning = warnings.get(0);
    String left = AcmeCertificates.human(Duration.between(clock.instant(), stored.notAfter()));
    assertEquals(config.description() + ": could not renew the certificate (the stored one expires in " + left
        + ", at " + stored.notAfter() + "): cannot reach the ACME server at " + config.directory() + " (connection"
        + " refused): check the directory URL and that this machine can open HTTPS connections to it; serving the"
        + " stored one, valid until " + stored.notAfter() + "; next attempt in 1 min, at "
        + clock.instant().plusSeconds(60), warning);
  }

  @Test
  void asksTheCaAgainOnlyAfterABackOffThatDoubles() throws Exception {
    AcmeConfig due = storedFromAStoppedCa().withRenewBefore(ALWAYS_DUE);
    certificates.load(due);

    clock.advance(Duration.ofSeconds(59));
    certificates.load(due);
    assertEquals(1, warnings.size(), "no attempt within the first minute");

    clock.advance(Duration.ofSeconds(1));
    certificates.load(due);
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(1).endsWith("; next attempt in 2 min, at " + clock.instant().plusSeconds(120)),
        warnings.get(1));
  }

  @Test
  void failsWhenNoCertificateIsStoredAndTheCaCannotBeReached() throws Exception {
    URI nobodyListens = URI.create("https://127.0.0.1:" + Pebble.freePort() + "/dir");
    AcmeConfig config = AcmeConfig.of(nobodyListens, List.of("blog.example.org"))
        .withStateDirectory(dir)
        .withTermsOfServiceAccepted();

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, () -> certificates.load(config));

    assertEquals(config.description() + ": cannot reach the ACME server at " + nobodyListens + " (connection"
        + " refused): check the directory URL and that this machine can open HTTPS connections to it",
        e.getMessage());
    assertEquals(List.of(), warnings);
  }

  /** A clock that stands still until told to move. */
  private static final class SettableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
