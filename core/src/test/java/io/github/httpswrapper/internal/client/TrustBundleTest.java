package io.github.httpswrapper.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.internal.client.CertificateMatcher.Kind;
import io.github.httpswrapper.internal.tls.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A CA bundle read again: what rules see, and what a connection's snapshot keeps. */
@Timeout(120)
class TrustBundleTest {
  @TempDir static Path pkiDir;
  static Path ca1;
  static Path ca2;
  static X509Certificate client1;
  static X509Certificate client2;

  @TempDir Path dir;
  private Path file;
  private CertificateMatcher rule;

  @BeforeAll
  static void makeCertificates() {
    Pki pki = new Pki(pkiDir);
    ca1 = pki.rootCa("ca-1");
    ca2 = pki.rootCa("ca-2");
    client1 = Pki.read(pki.client("client-1", "/CN=client-1", ca1));
    client2 = Pki.read(pki.client("client-2", "/CN=client-2", ca2));
  }

  @BeforeEach
  void bundleOfCa1() throws Exception {
    file = dir.resolve("clients-ca.pem");
    Files.copy(ca1, file);
    rule = CertificateMatcher.issuedBy(file);
  }

  @Test
  void reloadedBundleChangesTheIssuersOfEveryRuleNarrowedFromIt() throws Exception {
    CertificateMatcher narrowed = rule.with(Kind.COMMON_NAME, "client-2");
    TestPki.replace(file, ca2);

    assertTrue(rule.bundle().reload());

    assertEquals(List.of(Pki.read(ca2)), narrowed.issuers());
    assertNull(narrowed.refusal(client2));
    assertTrue(rule.refusal(client1).startsWith("the client certificate CN=client-1 does not chain to a CA in "
        + file), rule.refusal(client1));
    assertEquals("issued by " + file + " (CN=ca-2)", rule.toString());
  }

  @Test
  void sameContentReadAgainIsNoChange() throws Exception {
    TrustBundle.Issuers before = rule.bundle().current();
    TestPki.replace(file, ca1);

    assertFalse(rule.bundle().reload());
    assertSame(before, rule.bundle().current());
  }

  @Test
  void brokenContentIsRefusedAndTheCasReadBeforeStay() throws Exception {
    TestPki.replace(file, "garbage".getBytes(StandardCharsets.US_ASCII));

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, rule.bundle()::reload);

    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertEquals(List.of(Pki.read(ca1)), rule.issuers());
    assertNull(rule.refusal(client1));
  }

  @Test
  void snapshotKeepsJudgingByTheCasItWasTakenWith() throws Exception {
    ClientTrust.Snapshot before = ClientTrust.Snapshot.of(List.of(rule.bundle()));
    TestPki.replace(file, ca2);
    rule.bundle().reload();

    assertNull(rule.refusal(new X509Certificate[] {client1}, before));
    assertTrue(rule.refusal(new X509Certificate[] {client2}, before) != null);
    assertTrue(rule.refusal(new X509Certificate[] {client1}, null) != null);
    assertNull(rule.refusal(new X509Certificate[] {client2}, null));
  }

  @Test
  void fixedIssuersWatchNoFileAndNeverChange() {
    CertificateMatcher fixed = CertificateMatcher.issuedBy(List.of(Pki.read(ca1)), "inline");

    assertEquals(List.of(), fixed.bundle().watchedFiles());
    assertFalse(fixed.bundle().reload());
  }
}
