package io.github.httpswrapper.cert.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The checks every identity passes, and what people are told about a certificate. */
class IdentityChecksTest {
  @TempDir Path dir;

  @Test
  @Timeout(60)
  void fingerprintIsTheOneOpensslPrints() throws Exception {
    Identity identity = CertificateSource.selfSigned().stateDirectory(dir).load();
    Path certificate = identity.certificateFile().orElseThrow();

    Process openssl = new ProcessBuilder(
        "openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", certificate.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("fingerprint.txt").toFile())
        .start();
    openssl.waitFor(30, TimeUnit.SECONDS);

    // OpenSSL 3 prints "sha256 Fingerprint=AB:CD:..."; older versions "SHA256 Fingerprint=...".
    String printed = Files.readString(dir.resolve("fingerprint.txt")).trim();
    assertEquals(printed.substring(printed.indexOf('=') + 1), identity.sha256Fingerprint());
  }

  @Test
  void expiredCertificateIsRefusedWithItsExpiryDate() throws Exception {
    KeyPair pair = TestCertificates.ecKeyPair();
    X509Certificate expired = TestCertificates.selfSigned(pair, "old.example",
        Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class,
        () -> Identity.of(pair.getPrivate(), List.of(expired), "PEM old.pem"));

    assertEquals("PEM old.pem: the certificate (CN=old.example) expired on 2025-01-01T00:00:00Z: renew it, or use"
        + " a generated certificate", e.getMessage());
  }

  @Test
  void certificateNotValidYetIsRefusedWithItsStartDate() throws Exception {
    KeyPair pair = TestCertificates.ecKeyPair();
    X509Certificate future = TestCertificates.selfSigned(pair, "future.example",
        Instant.parse("2999-01-01T00:00:00Z"), Instant.parse("2999-12-31T00:00:00Z"));

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class,
        () -> Identity.of(pair.getPrivate(), List.of(future), "PEM future.pem"));

    assertEquals("PEM future.pem: the certificate (CN=future.example) is not valid until 2999-01-01T00:00:00Z:"
        + " check this machine's clock, or wait until then", e.getMessage());
  }

  @Test
  void certificateExpiringSoonStillLoads() throws Exception {
    KeyPair pair = TestCertificates.ecKeyPair();
    X509Certificate soon = TestCertificates.selfSigned(pair, "soon.example",
        Instant.now().minus(Duration.ofDays(80)), Instant.now().plus(Duration.ofDays(3)));

    Identity identity = Identity.of(pair.getPrivate(), List.of(soon), "PEM soon.pem");

    assertEquals(2, identity.expiresIn().toDays());
  }

  @Test
  void keyMatchingNoCertificateIsRefused() throws Exception {
    X509Certificate other = TestCertificates.selfSigned(TestCertificates.ecKeyPair(), "other.example",
        Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class,
        () -> Identity.of(TestCertificates.ecKeyPair().getPrivate(), List.of(other), "in-memory"));

    assertEquals("in-memory: the private key does not match the certificate: use the certificate that was issued"
        + " for this key", e.getMessage());
  }

  @Test
  void emptyChainIsRefused() throws Exception {
    CertificateMaterialException e = assertThrows(CertificateMaterialException.class,
        () -> Identity.of(TestCertificates.ecKeyPair().getPrivate(), List.of(), "in-memory"));

    assertEquals("in-memory holds no certificate: a private key needs its certificate", e.getMessage());
  }

  @Test
  void namesAreDnsNamesAndCanonicalIpAddressesInCertificateOrder() throws Exception {
    X509Certificate certificate = TestCertificates.selfSigned(TestCertificates.ecKeyPair(), "x",
        Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)),
        new GeneralName(GeneralName.dNSName, "Example.com"),
        new GeneralName(GeneralName.iPAddress, "0:0:0:0:0:0:0:1"),
        new GeneralName(GeneralName.rfc822Name, "admin@example.com"),
        new GeneralName(GeneralName.iPAddress, "10.0.0.1"));

    assertEquals(List.of("Example.com", "::1", "10.0.0.1"), IdentityChecks.subjectAlternativeNames(certificate));
  }
}
