package io.github.httpswrapper.internal.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class RenewalTimeTest {
  @TempDir Path dir;

  @Test
  void longLivedCertificateIsDueFourteenDaysBeforeItExpires() {
    Identity identity =
        CertificateSource.selfSigned().stateDirectory(dir).validity(Duration.ofDays(397)).load();
    assertEquals(identity.notAfter().minus(Duration.ofDays(14)), RenewalTime.of(identity));
  }

  @Test
  void shortLivedCertificateIsDueWithAThirdOfItsLifetimeLeft() {
    Identity identity = CertificateSource.selfSigned().stateDirectory(dir).validity(Duration.ofDays(3)).load();
    Duration lifetime = Duration.between(identity.notBefore(), identity.notAfter());
    assertEquals(identity.notAfter().minus(lifetime.dividedBy(3)), RenewalTime.of(identity));
  }

  @Test
  void certificateIsDueFromItsRenewalTimeOn() {
    Identity identity = CertificateSource.selfSigned().stateDirectory(dir).validity(Duration.ofDays(3)).load();
    assertFalse(RenewalTime.due(identity, RenewalTime.of(identity).minusSeconds(1)));
    assertTrue(RenewalTime.due(identity, RenewalTime.of(identity)));
    assertTrue(RenewalTime.due(identity, identity.notAfter().plusSeconds(1)));
  }
}
