package io.github.httpswrapper.internal.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reloading one PEM source, driven by hand with a "now" of the test's choosing instead of the watcher thread. */
@Timeout(60)
class IdentityReloadTest {
  @TempDir Path dir;
  private Path certificate;
  private Path key;
  private Path secondCertificate;
  private Path secondKey;
  private ServerIdentities identities;
  private Identity first;
  private Identity second;

  @BeforeEach
  void twoCertificates() throws Exception {
    certificate = dir.resolve("cert.pem");
    key = dir.resolve("key.pem");
    secondCertificate = dir.resolve("second-cert.pem");
    secondKey = dir.resolve("second-key.pem");
    TestPki.certificate(certificate, key, "localhost", "127.0.0.1");
    TestPki.certificate(secondCertificate, secondKey, "localhost", "127.0.0.1");
    first = CertificateSource.pem(certificate, key).load();
    second = CertificateSource.pem(secondCertificate, secondKey).load();
    identities =
        ServerIdentities.load(
            new CertificateSettings(CertificateSource.pem(certificate, key), List.of(), Duration.ZERO), "test");
  }

  private String served() {
    return identities.defaultIdentity().sha256Fingerprint();
  }

  private void renew() throws Exception {
    TestPki.replace(certificate, secondCertificate);
    TestPki.replace(key, secondKey);
  }

  @Test
  void changedFilesAreLoadedOnlyAfterStayingTheSameForOnePoll() throws Exception {
    Instant now = Instant.now();
    renew();
    identities.poll(now, true);
    assertEquals(first.sha256Fingerprint(), served(), "first poll after the change only notes it");
    identities.poll(now, true);
    assertEquals(second.sha256Fingerprint(), served());
  }

  @Test
  void filesStillChangingAreNotLoaded() throws Exception {
    Instant now = Instant.now();
    TestPki.replace(certificate, secondCertificate);
    identities.poll(now, true);
    TestPki.replace(key, secondKey);
    identities.poll(now, true);
    assertEquals(first.sha256Fingerprint(), served(), "the key changed since the last poll");
    identities.poll(now, true);
    assertEquals(second.sha256Fingerprint(), served());
  }

  @Test
  void filesAreNotLookedAtWhenWatchingIsOff() throws Exception {
    Instant now = Instant.now();
    renew();
    identities.poll(now, false);
    identities.poll(now, false);
    assertEquals(first.sha256Fingerprint(), served());
  }

  @Test
  void unusableRewriteKeepsTheCurrentIdentityUntilTheFilesChangeAgain() throws Exception {
    Instant now = Instant.now();
    TestPki.replace(key, "not a key".getBytes(StandardCharsets.US_ASCII));
    identities.poll(now, true);
    identities.poll(now, true);
    identities.poll(now, true);
    assertEquals(first.sha256Fingerprint(), served());
    renew();
    identities.poll(now, true);
    identities.poll(now, true);
    assertEquals(second.sha256Fingerprint(), served());
  }

  @Test
  void certificateDueForRenewalIsLoadedAgain() throws Exception {
    renew();
    Instant due = RenewalTime.of(first);
    identities.poll(due.minusSeconds(1), false);
    assertEquals(first.sha256Fingerprint(), served(), "not due yet");
    identities.poll(due, false);
    assertEquals(second.sha256Fingerprint(), served());
  }

  @Test
  void renewalThatBringsNothingNewIsTriedAgainAfterAnHour() throws Exception {
    Instant due = RenewalTime.of(first);
    identities.poll(due, false);
    assertEquals(first.sha256Fingerprint(), served());
    renew();
    identities.poll(due.plus(Duration.ofMinutes(59)), false);
    assertEquals(first.sha256Fingerprint(), served(), "retried within the hour");
    identities.poll(due.plus(IdentitySlot.RENEWAL_RETRY), false);
    assertEquals(second.sha256Fingerprint(), served());
  }

  @Test
  void reloadAllServesNewMaterialAtOnce() throws Exception {
    renew();
    identities.reloadAll();
    assertEquals(second.sha256Fingerprint(), served());
  }

  @Test
  void reloadAllWithAMismatchedKeyThrowsNamingTheFilesAndKeepsTheCurrentIdentity() throws Exception {
    TestPki.replace(certificate, secondCertificate);
    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, identities::reloadAll);
    assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
    assertEquals(first.sha256Fingerprint(), served());
  }

  @Test
  void replacedIdentityAnsweredUnderItsOldAliasKeepsItsOwnChainAndKey() throws Exception {
    ReloadingKeyManager keys = new ReloadingKeyManager(identities);
    String before = keys.chooseServerAlias("EC", null, null);
    renew();
    identities.reloadAll();
    String after = keys.chooseServerAlias("EC", null, null);
    assertNotEquals(before, after);
    assertArrayEquals(first.chain().toArray(), keys.getCertificateChain(before));
    assertEquals(first.privateKey(), keys.getPrivateKey(before));
    assertArrayEquals(second.chain().toArray(), keys.getCertificateChain(after));
    assertEquals(second.privateKey(), keys.getPrivateKey(after));
  }

  @Test
  void identityOfAnotherKeyTypeIsNotOffered() {
    ReloadingKeyManager keys = new ReloadingKeyManager(identities);
    assertEquals(null, keys.chooseServerAlias("RSA", null, null));
    assertEquals(null, keys.getServerAliases("RSA", null));
  }
}
