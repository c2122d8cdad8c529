package io.github.httpswrapper.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.internal.client.CertificateMatcher.Kind;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class CertificateMatcherTest {
  @TempDir static Path dir;
  static Pki pki;
  static Path root;
  static Path intermediate;
  static X509Certificate alice;
  static X509Certificate bob;
  static X509Certificate carol;
  static X509Certificate mallory;
  static X509Certificate tricky;
  static CertificateMatcher fromRoot;

  @BeforeAll
  static void makeCertificates() {
    pki = new Pki(dir);
    root = pki.rootCa("clients-ca");
    intermediate = pki.intermediateCa("issuing-ca", root);
    alice = Pki.read(pki.client("alice", "/CN=alice/OU=ops/O=Example", root,
        "subjectAltName=DNS:Alice.Example.com,URI:spiffe://example.org/alice,IP:192.0.2.7,IP:2001:db8::7"));
    bob = Pki.read(pki.client("bob", "/CN=bob/OU=dev", root));
    carol = Pki.read(pki.client("carol", "/CN=carol", intermediate));
    Path otherCa = pki.rootCa("other-ca");
    mallory = Pki.read(pki.client("mallory", "/CN=alice/OU=ops", otherCa));
    // openssl -subj splits on '/', so this common name is literally "alice,OU=ops".
    tricky = Pki.read(pki.client("tricky", "/CN=alice,OU=ops", root));
    fromRoot = CertificateMatcher.issuedBy(Pki.chain(root), "clients-ca.pem");
  }

  @Test
  void anyCertificateFromTheCaMatchesWhenNotNarrowed() {
    assertTrue(fromRoot.matches(alice));
    assertTrue(fromRoot.matches(bob));
    assertFalse(fromRoot.narrowed());
  }

  @Test
  void certificateFromAnotherCaIsRefusedEvenWithTheRightName() {
    CertificateMatcher rule = fromRoot.with(Kind.COMMON_NAME, "alice");

    String refusal = rule.refusal(mallory);

    assertEquals("the client certificate OU=ops,CN=alice does not chain to a CA in clients-ca.pem (unable to find"
        + " valid certification path to requested target)", refusal);
  }

  @Test
  void commonNameMatchesExactly() {
    CertificateMatcher rule = fromRoot.with(Kind.COMMON_NAME, "alice");

    assertTrue(rule.matches(alice));
    assertFalse(rule.matches(bob));
    assertFalse(fromRoot.with(Kind.COMMON_NAME, "Alice").matches(alice));
  }

  @Test
  void escapedCommaInACommonNameIsNotAnotherAttribute() {
    assertFalse(fromRoot.with(Kind.COMMON_NAME, "alice").matches(tricky));
    assertFalse(fromRoot.with(Kind.ORGANIZATIONAL_UNIT, "ops").matches(tricky));
    assertTrue(fromRoot.with(Kind.COMMON_NAME, "alice,OU=ops").matches(tricky));
  }

  @Test
  void organizationalUnitMatches() {
    CertificateMatcher rule = fromRoot.with(Kind.ORGANIZATIONAL_UNIT, "ops");

    assertTrue(rule.matches(alice));
    assertFalse(rule.matches(bob));
  }

  @Test
  void dnsNameMatchesIgnoringCase() {
    assertTrue(fromRoot.with(Kind.DNS_NAME, "alice.example.COM").matches(alice));
    assertFalse(fromRoot.with(Kind.DNS_NAME, "example.com").matches(alice));
  }

  @Test
  void uriMatchesExactly() {
    assertTrue(fromRoot.with(Kind.URI, "spiffe://example.org/alice").matches(alice));
    assertFalse(fromRoot.with(Kind.URI, "spiffe://example.org/Alice").matches(alice));
  }

  @Test
  void ipAddressMatchesByValue() {
    assertTrue(fromRoot.with(Kind.IP_ADDRESS, "192.0.2.7").matches(alice));
    assertTrue(fromRoot.with(Kind.IP_ADDRESS, "2001:DB8:0:0::7").matches(alice));
    assertFalse(fromRoot.with(Kind.IP_ADDRESS, "192.0.2.8").matches(alice));
  }

  @Test
  void listedValuesOfAllKindsFormOneAllowList() {
    CertificateMatcher rule = fromRoot.with(Kind.COMMON_NAME, "carol").with(Kind.ORGANIZATIONAL_UNIT, "ops");

    assertTrue(rule.matches(alice));
    assertFalse(rule.matches(bob));
  }

  @Test
  void callingAgainAddsToTheList() {
    CertificateMatcher rule = fromRoot.with(Kind.COMMON_NAME, "alice").with(Kind.COMMON_NAME, "bob");

    assertTrue(rule.matches(alice));
    assertTrue(rule.matches(bob));
  }

  @Test
  void pinPrintedByOpensslMatches() {
    String pin = pki.shell("openssl x509 -in alice.pem -pubkey -noout | openssl pkey -pubin -outform der"
        + " | openssl dgst -sha256 -binary | base64");

    assertEquals(pin, CertificateMatcher.spkiSha256(alice));
    assertTrue(fromRoot.with(Kind.SPKI_SHA256, pin).matches(alice));
    assertTrue(fromRoot.with(Kind.SPKI_SHA256, "sha256//" + pin).matches(alice));
    assertFalse(fromRoot.with(Kind.SPKI_SHA256, pin).matches(bob));
  }

  @Test
  void chainThroughAnIntermediateMatchesWhenTheChainIsGiven() {
    X509Certificate issuing = Pki.read(intermediate);

    assertTrue(fromRoot.matches(carol, issuing));
  }

  @Test
  void leafAloneFromAnIntermediateIsRefusedUnlessTheBundleHoldsIt() {
    assertFalse(fromRoot.matches(carol));
    assertTrue(CertificateMatcher.issuedBy(Pki.chain(root, intermediate), "bundle.pem").matches(carol));
  }

  @Test
  void refusalNamesTheCertificateAndTheAcceptedIdentities() {
    CertificateMatcher rule = fromRoot.with(Kind.COMMON_NAME, "carol", "dave").with(Kind.DNS_NAME, "x.example");

    assertEquals("the client certificate OU=dev,CN=bob carries none of the accepted identities: CN carol or"
        + " CN dave or DNS x.example", rule.refusal(bob));
    assertNull(fromRoot.refusal(bob));
  }

  @Test
  void missingCertificateIsRefused() {
    assertEquals("no client certificate was presented", fromRoot.refusal());
  }

  @Test
  void describesItselfForTheLog() {
    assertEquals("issued by clients-ca.pem (CN=clients-ca) with CN alice or OU ops",
        fromRoot.with(Kind.COMMON_NAME, "alice").with(Kind.ORGANIZATIONAL_UNIT, "ops").toString());
  }

  @Test
  void narrowingWithNothingIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fromRoot.with(Kind.URI));

    assertEquals("uri() needs at least one value: a rule that names nothing would accept nothing", e.getMessage());
  }

  @Test
  void blankValueIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fromRoot.with(Kind.COMMON_NAME, " "));

    assertEquals("commonName(): a value is empty: pass the CN to accept", e.getMessage());
  }

  @Test
  void hostNameAsIpAddressIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fromRoot.with(Kind.IP_ADDRESS, "localhost"));

    assertEquals("ipAddress(\"localhost\"): not an IP address: use a literal such as 192.0.2.7 or 2001:db8::7"
        + " (host names are not accepted)", e.getMessage());
  }

  @Test
  void badDnsNameIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> fromRoot.with(Kind.DNS_NAME, "a b.example"));
  }

  @Test
  void uriWithSpacesIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> fromRoot.with(Kind.URI, "spiffe://a b"));
  }

  @Test
  void pinThatIsNotBase64Of32BytesIsRefusedWithTheCommand() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fromRoot.with(Kind.SPKI_SHA256, "abc"));

    assertEquals("spkiSha256(\"abc\"): not a SHA-256 public key pin: expected 44 characters of base64, as printed"
        + " by openssl x509 -in client.pem -pubkey -noout | openssl pkey -pubin -outform der"
        + " | openssl dgst -sha256 -binary | base64", e.getMessage());
  }

  @Test
  void hexFingerprintInsteadOfAPinGetsAHint() {
    String hex = "AB:".repeat(31) + "AB";

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> fromRoot.with(Kind.SPKI_SHA256, hex));

    assertTrue(e.getMessage().contains("this looks like a hex certificate fingerprint"), e.getMessage());
  }

  @Test
  void issuersAreTheBundle() {
    assertEquals(List.of(Pki.read(root)), fromRoot.issuers());
  }
}
