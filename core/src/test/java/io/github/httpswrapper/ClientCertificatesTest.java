package io.github.httpswrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.internal.client.CertificateMatcher;
import io.github.httpswrapper.internal.client.Pki;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ClientCertificatesTest {
  @TempDir static Path dir;
  static Pki pki;
  static Path ca;
  static X509Certificate alice;
  static X509Certificate bob;

  @BeforeAll
  static void makeCertificates() {
    pki = new Pki(dir);
    ca = pki.rootCa("clients-ca");
    alice = Pki.read(pki.client("alice", "/CN=alice/OU=ops", ca, "subjectAltName=DNS:alice.example"));
    bob = Pki.read(pki.client("bob", "/CN=bob/OU=dev", ca));
  }

  private static boolean accepts(ClientCertificates certificates, X509Certificate leaf) {
    return CertificateMatcher.matches(certificates, leaf);
  }

  @Test
  void issuedByAcceptsEveryCertificateOfTheCa() {
    ClientCertificates certificates = ClientCertificates.issuedBy(ca);

    assertTrue(accepts(certificates, alice));
    assertTrue(accepts(certificates, bob));
  }

  @Test
  void narrowingReturnsANewRuleAndLeavesTheOldOneAlone() {
    ClientCertificates any = ClientCertificates.issuedBy(ca);
    ClientCertificates onlyAlice = any.commonName("alice");

    assertNotSame(any, onlyAlice);
    assertTrue(accepts(any, bob));
    assertFalse(accepts(onlyAlice, bob));
  }

  @Test
  void valuesOfDifferentKindsAreAlternatives() {
    ClientCertificates rule = ClientCertificates.issuedBy(ca).commonName("carol").organizationalUnit("dev");

    assertTrue(accepts(rule, bob));
    assertFalse(accepts(rule, alice));
  }

  @Test
  void everyNarrowingKindIsReachable() {
    String pin = pki.shell("openssl x509 -in alice.pem -pubkey -noout | openssl pkey -pubin -outform der"
        + " | openssl dgst -sha256 -binary | base64");
    ClientCertificates base = ClientCertificates.issuedBy(ca);

    assertTrue(accepts(base.dnsName("alice.example"), alice));
    assertTrue(accepts(base.spkiSha256(pin), alice));
    assertFalse(accepts(base.uri("spiffe://example.org/alice"), alice));
    assertFalse(accepts(base.ipAddress("192.0.2.7"), alice));
  }

  @Test
  void internalFormGivesTheIssuersForTheTlsLayer() {
    assertEquals(List.of(Pki.read(ca)), CertificateMatcher.of(ClientCertificates.issuedBy(ca)).issuers());
  }

  @Test
  void missingBundleFailsAtOnceNamingTheFile() {
    Path missing = dir.resolve("nope.pem");

    CertificateMaterialException e =
        assertThrows(CertificateMaterialException.class, () -> ClientCertificates.issuedBy(missing));

    assertEquals(missing + " does not exist: check the path", e.getMessage());
  }

  @Test
  void bundleWithAPrivateKeyIsRefused() throws Exception {
    Path both = dir.resolve("both.pem");
    Files.writeString(both, Files.readString(ca) + Files.readString(dir.resolve("clients-ca.key")));

    CertificateMaterialException e =
        assertThrows(CertificateMaterialException.class, () -> ClientCertificates.issuedBy(both));

    assertTrue(e.getMessage().startsWith(both + " holds a PRIVATE KEY block: a CA bundle holds only CERTIFICATE"
        + " blocks"), e.getMessage());
  }

  @Test
  void describesItselfForTheLog() {
    assertEquals("issued by " + ca + " (CN=clients-ca) with CN alice or OU ops",
        ClientCertificates.issuedBy(ca).commonName("alice").organizationalUnit("ops").toString());
  }

  @Test
  void publicSurfaceIsFactoriesAndNarrowingOnly() {
    Set<String> methods = Arrays.stream(ClientCertificates.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()))
        .map(m -> m.getName())
        .collect(Collectors.toSet());

    assertEquals(Set.of("issuedBy", "commonName", "organizationalUnit", "dnsName", "uri", "ipAddress",
        "spkiSha256", "toString"), methods);
  }
}
