package io.github.httpswrapper.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A local CA makes its root once, issues server certificates that clients trusting only the root accept, and
 * never replaces a root behind their backs.
 */
@Timeout(120)
class LocalCaTest {
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
  private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  @TempDir Path dir;

  private CertificateSource.LocalCa source() {
    return CertificateSource.localCa().stateDirectory(dir);
  }

  private Path caFile(String name) {
    return dir.resolve("local-ca").resolve(name);
  }

  private static X509Certificate root(Identity identity) {
    return identity.chain().get(1);
  }

  @Test
  void chainIsTheLeafThenTheRoot() {
    Identity identity = source().load();

    assertEquals(2, identity.chain().size());
    assertEquals(root(identity).getSubjectX500Principal(), identity.certificate().getIssuerX500Principal());
    assertEquals(Optional.of(caFile("root-certificate.pem")), identity.certificateFile());
  }

  @Test
  void rootIsMadeOnceAndReusedOnTheNextLoad() {
    Identity first = source().load();
    Identity second = source().load();

    assertEquals(root(first), root(second));
    assertEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
  }

  @Test
  void changedNamesGetANewLeafFromTheSameRoot() {
    Identity first = source().load();
    Identity second = source().names("blog.home.arpa").load();

    assertNotEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
    assertTrue(second.names().contains("blog.home.arpa"), second.names().toString());
    assertEquals(root(first), root(second));
  }

  @Test
  void changedKeyAlgorithmGetsAnRsaLeafFromTheSameRoot() {
    Identity first = source().load();
    Identity second = source().keyAlgorithm(KeyAlgorithm.RSA_2048).load();

    assertEquals("RSA", second.privateKey().getAlgorithm());
    assertTrue(second.certificate().getKeyUsage()[2], "keyEncipherment");
    assertEquals(root(first), root(second));
  }

  @Test
  void shortenedLeafValidityGetsANewLeaf() {
    Identity first = source().load();
    Identity second = source().leafValidity(Duration.ofDays(3)).load();

    assertNotEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
    assertTrue(second.expiresIn().compareTo(Duration.ofDays(3)) <= 0, second.notAfter().toString());
  }

  @Test
  void shortLivedLeafIsReusedWhileMoreThanHalfOfItsValidityRemains() {
    Identity first = source().leafValidity(Duration.ofDays(3)).load();
    Identity second = source().leafValidity(Duration.ofDays(3)).load();

    assertEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
  }

  @Test
  void leafFromAnotherRootIsIssuedAgain() throws Exception {
    Path other = Files.createDirectory(dir.resolve("other"));
    Identity foreign = CertificateSource.localCa().stateDirectory(other).load();
    Identity own = source().load();
    for (String name : List.of("leaf-certificate.pem", "leaf-key.pem")) {
      Files.copy(other.resolve("local-ca").resolve(name), caFile(name), StandardCopyOption.REPLACE_EXISTING);
    }

    Identity reloaded = source().load();

    assertNotEquals(foreign.sha256Fingerprint(), reloaded.sha256Fingerprint());
    assertEquals(root(own), root(reloaded));
    reloaded.certificate().verify(root(own).getPublicKey());
  }

  @Test
  void rootIsACaThatSignsOnlyEndEntityCertificates() throws Exception {
    X509Certificate root = root(source().load());

    assertEquals(0, root.getBasicConstraints());
    assertTrue(root.getCriticalExtensionOIDs().containsAll(List.of(BASIC_CONSTRAINTS, KEY_USAGE)));
    boolean[] usage = root.getKeyUsage();
    assertTrue(usage[5] && usage[6], "keyCertSign and cRLSign");
    assertFalse(usage[0], "no digitalSignature");
    assertTrue(root.getNonCriticalExtensionOIDs().contains(SUBJECT_KEY_IDENTIFIER));
    assertEquals("EC", root.getPublicKey().getAlgorithm());
    Duration validity = Duration.between(Instant.now(), root.getNotAfter().toInstant());
    assertTrue(validity.toDays() >= 3650 && validity.toDays() <= 3654, validity.toString());
  }

  @Test
  void rootNameSaysWhatItIsAndDiffersBetweenStateDirectories() throws Exception {
    X509Certificate first = root(source().load());
    X509Certificate second = root(CertificateSource.localCa()
        .stateDirectory(Files.createDirectory(dir.resolve("other"))).load());

    String name = first.getSubjectX500Principal().getName();
    assertTrue(name.matches("CN=https-wrapper local CA (\\S+ )?[0-9a-f]{8},O=https-wrapper local CA"), name);
    assertNotEquals(name, second.getSubjectX500Principal().getName());
  }

  @Test
  void leafIsAServerCertificateThatNamesTheRootKey() throws Exception {
    Identity identity = source().load();
    X509Certificate leaf = identity.certificate();

    assertEquals(-1, leaf.getBasicConstraints());
    assertEquals(List.of(SERVER_AUTH), leaf.getExtendedKeyUsage());
    assertTrue(leaf.getKeyUsage()[0], "digitalSignature");
    assertFalse(leaf.getKeyUsage()[2], "no keyEncipherment for an EC key");
    // Both extensions wrap an OCTET STRING key identifier; the AKI's is tagged [0] inside a SEQUENCE.
    byte[] ski = Arrays.copyOfRange(root(identity).getExtensionValue(SUBJECT_KEY_IDENTIFIER), 4, 24);
    byte[] aki = leaf.getExtensionValue(AUTHORITY_KEY_IDENTIFIER);
    assertArrayEquals(ski, Arrays.copyOfRange(aki, aki.length - 20, aki.length));
    assertTrue(identity.notBefore().isBefore(Instant.now().minus(Duration.ofMinutes(59))));
    Duration validity = Duration.between(Instant.now(), identity.notAfter());
    assertEquals(29, validity.toDays(), validity.toString());
    leaf.verify(root(identity).getPublicKey());
  }

  @Test
  void storedLeafFileHoldsTheLeafThenTheRoot() throws Exception {
    Identity identity = source().load();

    assertEquals(identity.certificatePem(), Files.readString(caFile("leaf-certificate.pem")));
  }

  @ParameterizedTest
  @CsvSource({"localhost, ECDSA_P256", "127.0.0.1, ECDSA_P256", "localhost, RSA_2048"})
  void clientTrustingOnlyTheRootAcceptsTheServer(String host, KeyAlgorithm algorithm) throws Exception {
    Identity identity = source().keyAlgorithm(algorithm).load();

    SSLSession session = Handshake.connect(identity, root(identity), "TLSv1.3", host);

    assertEquals(identity.certificate(), session.getPeerCertificates()[0]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "127.0.0.1"})
  void curlTrustingOnlyTheRootFileAcceptsTheServer(String host) throws Exception {
    Identity identity = source().load();
    try (HttpsTestServer server = new HttpsTestServer(identity)) {
      String body = Tools.curl(dir, "--silent", "--show-error", "--max-time", "20",
          "--cacert", source().rootCertificateFile().toString(), "https://" + host + ":" + server.port() + "/");

      assertEquals("ok", body);
    }
  }

  @Test
  void opensslStrictVerificationAcceptsTheLeaf() throws Exception {
    Identity identity = source().load();
    Path leaf = dir.resolve("leaf.pem");
    Files.writeString(leaf, identity.certificatePem().split("(?<=-----END CERTIFICATE-----\n)")[0]);

    String output = Tools.openssl(dir, "verify", "-x509_strict", "-purpose", "sslserver", "-verify_hostname",
        "localhost", "-CAfile", source().rootCertificateFile().toString(), leaf.toString());

    assertEquals(leaf + ": OK\n", output);
  }

  @Test
  void garbageInTheRootKeyFailsWithTheFixAndKeepsTheFiles() throws Exception {
    source().load();
    Files.writeString(caFile("root-key.pem"), "garbage");
    String rootCertificate = Files.readString(caFile("root-certificate.pem"));

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, () -> source().load());

    assertEquals(caFile("root-key.pem") + " does not hold the local CA's private key: restore both files from a"
        + " backup, or delete " + dir.resolve("local-ca") + " to make a new root (clients that trusted the old root"
        + " must then trust the new one)", e.getMessage());
    assertEquals("garbage", Files.readString(caFile("root-key.pem")));
    assertEquals(rootCertificate, Files.readString(caFile("root-certificate.pem")));
  }

  @Test
  void rootKeyThatDoesNotMatchFailsWithTheFixAndKeepsTheFiles() throws Exception {
    source().load();
    Path other = Files.createDirectory(dir.resolve("other"));
    CertificateSource.localCa().stateDirectory(other).load();
    String otherKey = Files.readString(other.resolve("local-ca").resolve("root-key.pem"));
    Files.writeString(caFile("root-key.pem"), otherKey);

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, () -> source().load());

    assertEquals(caFile("root-key.pem") + " does not match " + caFile("root-certificate.pem") + ": restore both"
        + " files from a backup, or delete " + dir.resolve("local-ca") + " to make a new root (clients that trusted"
        + " the old root must then trust the new one)", e.getMessage());
    assertEquals(otherKey, Files.readString(caFile("root-key.pem")));
  }

  @Test
  void missingRootKeyFailsInsteadOfMakingANewRoot() throws Exception {
    source().load();
    Files.delete(caFile("root-key.pem"));

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, () -> source().load());

    assertEquals(caFile("root-key.pem") + " is missing but " + caFile("root-certificate.pem") + " exists: restore"
        + " both files from a backup, or delete " + dir.resolve("local-ca") + " to make a new root (clients that"
        + " trusted the old root must then trust the new one)", e.getMessage());
    assertFalse(Files.exists(caFile("root-key.pem")));
  }

  @Test
  void rootThatIsNotACaFails() throws Exception {
    CertificateSource.selfSigned().stateDirectory(dir).load();
    Files.createDirectories(dir.resolve("local-ca"));
    Files.copy(dir.resolve("self-signed").resolve("certificate.pem"), caFile("root-certificate.pem"));
    Files.copy(dir.resolve("self-signed").resolve("key.pem"), caFile("root-key.pem"));

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, () -> source().load());

    assertTrue(e.getMessage().startsWith(caFile("root-certificate.pem")
        + " does not hold the local CA's root certificate: restore both files"), e.getMessage());
  }

  @Test
  void keyFilesAndDirectoryAreReadableByTheirOwnerOnly() throws Exception {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    source().load();

    for (String key : List.of("root-key.pem", "leaf-key.pem")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(caFile(key))), key);
    }
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("local-ca"))));
  }

  @Test
  void concurrentLoadsShareOneRoot() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<X509Certificate> load = () -> root(source().load());
      Set<X509Certificate> roots = new HashSet<>();
      for (Future<X509Certificate> result : pool.invokeAll(List.of(load, load, load, load))) {
        roots.add(result.get());
      }
      assertEquals(1, roots.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rootCertificateFileIsKnownBeforeTheRootIsMade() {
    assertEquals(caFile("root-certificate.pem"), source().rootCertificateFile());
    assertFalse(Files.exists(dir.resolve("local-ca")));
  }

  @Test
  void trustHintNamesTheRootFileForCurlJavaAndBrowsers() {
    String root = source().rootCertificateFile().toString();
    String hint = source().trustHint();

    assertTrue(hint.contains("curl --cacert " + root), hint);
    assertTrue(hint.contains("keytool -importcert -cacerts -alias https-wrapper-local-ca -file " + root), hint);
    assertTrue(hint.contains("certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n https-wrapper-local-ca -i " + root), hint);
    assertTrue(hint.lines().count() <= 2, hint);
  }

  @Test
  void trustHintQuotesARootPathWithSpaces() throws Exception {
    Path spaced = Files.createDirectory(dir.resolve("my state"));

    String hint = CertificateSource.localCa().stateDirectory(spaced).trustHint();

    Path root = spaced.resolve("local-ca").resolve("root-certificate.pem");
    assertTrue(hint.contains("curl --cacert '" + root + "'"), hint);
  }

  @Test
  void descriptionNamesTheStateDirectory() {
    assertEquals("local CA in " + dir, source().description());
  }

  @Test
  void invalidNameIsRefusedWithAnExample() {
    CertificateMaterialException e =
        assertThrows(CertificateMaterialException.class, () -> source().names("my host"));

    assertEquals("localCa().names(...): \"my host\" is not a valid host name or IP address:"
        + " use a DNS name like blog.home.arpa, an IPv4 address like 192.168.1.10 or an IPv6 address like"
        + " fd00::10", e.getMessage());
  }

  @Test
  void leafValidityShorterThanADayIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> source().leafValidity(Duration.ofHours(23)));

    assertEquals("leafValidity must be at least one day, was PT23H", e.getMessage());
  }
}
