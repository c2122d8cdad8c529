package io.github.httpswrapper.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A generated certificate is made once, kept in the state directory, and reused while it still fits. */
@Timeout(120)
class SelfSignedTest {
  @TempDir Path dir;

  private CertificateSource.SelfSigned source() {
    return CertificateSource.selfSigned().stateDirectory(dir);
  }

  @Test
  void defaultNamesAreLocalhostAndLoopbackAddresses() {
    Identity identity = source().load();

    assertTrue(identity.names().containsAll(List.of("localhost", "127.0.0.1", "::1")), identity.names().toString());
    assertEquals("CN=localhost,O=https-wrapper self-signed", identity.subject());
    assertEquals("EC", identity.privateKey().getAlgorithm());
  }

  @Test
  void extraNamesAreAddedAsDnsNamesAndIpAddresses() throws Exception {
    Identity identity = source().names("blog.home.arpa", "192.168.1.10", "FD00:0:0::10").load();

    assertTrue(identity.names().containsAll(List.of("blog.home.arpa", "192.168.1.10", "fd00::10")));
    assertEquals("CN=blog.home.arpa,O=https-wrapper self-signed", identity.subject());
    Set<String> ipAddresses = identity.certificate().getSubjectAlternativeNames().stream()
        .filter(name -> (Integer) name.get(0) == 7)
        .map(name -> (String) name.get(1))
        .collect(Collectors.toSet());
    assertTrue(ipAddresses.contains("192.168.1.10"), ipAddresses.toString());
  }

  @Test
  void isAServerLeafCertificate() throws Exception {
    X509Certificate certificate = source().load().certificate();

    assertEquals(-1, certificate.getBasicConstraints());
    assertTrue(certificate.getCriticalExtensionOIDs().contains("2.5.29.19"));
    assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage());
    assertTrue(certificate.getKeyUsage()[0]);
    assertEquals(128, certificate.getSerialNumber().bitLength());
    assertTrue(certificate.getNotBefore().toInstant().isBefore(Instant.now().minus(Duration.ofMinutes(59))));
  }

  @Test
  void isPersistedAndReusedOnTheNextLoad() {
    Identity first = source().load();
    Identity second = source().load();

    assertEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
    assertEquals(first.privateKey(), second.privateKey());
  }

  @Test
  void reportsTheStoredCertificateFile() throws Exception {
    Identity identity = source().load();

    Path file = dir.resolve("self-signed").resolve("certificate.pem");
    assertEquals(Optional.of(file), identity.certificateFile());
    assertEquals(identity.certificatePem(), Files.readString(file));
  }

  @Test
  void reuseIgnoresTheOrderOfNames() {
    Identity first = source().names("a.example", "b.example").load();
    Identity second = source().names("B.example", "a.example.").load();

    assertEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
  }

  @Test
  void isRegeneratedWhenNamesChange() {
    Identity first = source().names("a.example").load();
    Identity second = source().names("a.example", "b.example").load();

    assertNotEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
    assertTrue(second.names().contains("b.example"));
  }

  @Test
  void isRegeneratedWhenKeyAlgorithmChanges() {
    Identity first = source().load();
    Identity second = source().keyAlgorithm(KeyAlgorithm.RSA_2048).load();

    assertNotEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
    assertEquals("RSA", second.privateKey().getAlgorithm());
  }

  @Test
  void isRegeneratedWhenItExpiresWithinTwoWeeks() {
    Identity first = source().validity(Duration.ofDays(13)).load();
    Identity second = source().load();

    assertNotEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
    assertTrue(second.expiresIn().compareTo(Duration.ofDays(300)) > 0);
  }

  @Test
  void shortLivedCertificateIsReusedUntilAThirdOfItsValidityRemains() {
    Identity first = source().validity(Duration.ofDays(3)).load();
    Identity second = source().validity(Duration.ofDays(3)).load();

    assertEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
  }

  @Test
  void isRegeneratedWhenTheStoredFilesAreDamaged() throws Exception {
    Identity first = source().load();
    Files.writeString(dir.resolve("self-signed").resolve("key.pem"), "garbage");

    Identity second = source().load();

    assertNotEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
  }

  @Test
  void rsaKeysAreRsa2048WhenAskedFor() {
    Identity identity = source().keyAlgorithm(KeyAlgorithm.RSA_2048).load();

    assertEquals(2048, ((java.security.interfaces.RSAKey) identity.privateKey()).getModulus().bitLength());
    assertEquals("SHA256withRSA", identity.certificate().getSigAlgName());
  }

  @Test
  void keyFileIsReadableByItsOwnerOnly() throws Exception {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    source().load();

    Path key = dir.resolve("self-signed").resolve("key.pem");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    assertEquals("rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("self-signed"))));
  }

  @Test
  void keyIsStoredAsUnencryptedPkcs8() throws Exception {
    source().load();

    String key = Files.readString(dir.resolve("self-signed").resolve("key.pem"));
    assertTrue(key.startsWith("-----BEGIN PRIVATE KEY-----\n"), key);
  }

  @Test
  void storedFilesLoadAsAPemSource() {
    Identity generated = source().load();
    Path stored = dir.resolve("self-signed");

    Identity loaded = CertificateSource.pem(stored.resolve("certificate.pem"), stored.resolve("key.pem")).load();

    assertEquals(generated.sha256Fingerprint(), loaded.sha256Fingerprint());
  }

  @Test
  void concurrentLoadsShareOneCertificate() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<String> load = () -> source().load().sha256Fingerprint();
      List<Future<String>> results = pool.invokeAll(List.of(load, load, load, load));
      Set<String> fingerprints = new java.util.HashSet<>();
      for (Future<String> result : results) {
        fingerprints.add(result.get());
      }
      assertEquals(1, fingerprints.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void invalidNameIsRefusedWithAnExample() {
    CertificateMaterialException e =
        assertThrows(CertificateMaterialException.class, () -> source().names("my host"));

    assertEquals("selfSigned().names(...): \"my host\" is not a valid host name or IP address:"
        + " use a DNS name like blog.home.arpa, an IPv4 address like 192.168.1.10 or an IPv6 address like"
        + " fd00::10", e.getMessage());
  }

  @Test
  void unwritableStateDirectoryIsNamedWithTheFix() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("state"), "a file, not a directory");

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class,
        () -> CertificateSource.selfSigned().stateDirectory(notADirectory).load());

    assertTrue(e.getMessage().startsWith("self-signed certificate in " + notADirectory + ": cannot write to "
        + notADirectory.resolve("self-signed") + " ("), e.getMessage());
    assertTrue(e.getMessage().endsWith("): choose a writable state directory with stateDirectory(...) or"
        + " --state-dir"), e.getMessage());
  }
}
