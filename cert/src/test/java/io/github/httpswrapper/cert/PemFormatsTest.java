package io.github.httpswrapper.cert;

import static io.github.httpswrapper.cert.Material.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every PEM layout and key format that OpenSSL writes loads into the same kind of identity. */
@Timeout(120)
class PemFormatsTest {
  @TempDir Path dir;

  @Test
  void certificateAndKeyInOneFileFromOpensslReqLoad() {
    Identity identity = CertificateSource.pem(Material.rsaCertificateAndKeyInOneFile(dir)).load();

    assertEquals("CN=localhost", identity.subject());
    assertEquals(List.of("localhost", "127.0.0.1"), identity.names());
    assertEquals("RSA", identity.privateKey().getAlgorithm());
    assertEquals(Optional.empty(), identity.certificateFile());
  }

  @Test
  void pkcs1RsaKeyInItsOwnFileLoads() {
    Path key = Material.pkcs1RsaKey(dir);
    Path certificate = Material.certificateFor(dir, key, "cert.pem");

    Identity identity = CertificateSource.pem(certificate, key).load();

    assertEquals("RSA", identity.privateKey().getAlgorithm());
    assertEquals(Optional.of(certificate), identity.certificateFile());
  }

  @Test
  void sec1EcKeyAfterAnEcParametersBlockLoads() throws Exception {
    Path key = Material.sec1EcKey(dir);
    assertTrue(Files.readString(key).contains("-----BEGIN EC PARAMETERS-----"));

    Identity identity = CertificateSource.pem(Material.certificateFor(dir, key, "cert.pem"), key).load();

    assertEquals("EC", identity.privateKey().getAlgorithm());
  }

  @Test
  void ed25519KeyLoads() {
    Path key = Material.ed25519Key(dir);

    Identity identity = CertificateSource.pem(Material.certificateFor(dir, key, "cert.pem"), key).load();

    assertEquals("EdDSA", identity.privateKey().getAlgorithm());
  }

  @Test
  void encryptedPkcs8KeyLoadsWithItsPassword() {
    Path key = Material.encryptedPkcs8(dir, Material.pkcs8EcKey(dir));

    Identity identity = CertificateSource.pem(Material.certificateFor(dir, key, "cert.pem"), key)
        .password(PASSWORD.toCharArray())
        .load();

    assertEquals("EC", identity.privateKey().getAlgorithm());
  }

  @Test
  void scryptEncryptedPkcs8KeyLoadsWithItsPassword() {
    Path key = Material.scryptPkcs8(dir, Material.pkcs1RsaKey(dir));

    Identity identity = CertificateSource.pem(Material.certificateFor(dir, key, "cert.pem"), key)
        .password(PASSWORD.toCharArray())
        .load();

    assertEquals("RSA", identity.privateKey().getAlgorithm());
  }

  @Test
  void legacyEncryptedRsaKeyLoadsWithItsPassword() {
    Path key = Material.legacyEncryptedRsaKey(dir);

    Identity identity = CertificateSource.pem(Material.certificateFor(dir, key, "cert.pem"), key)
        .password(PASSWORD.toCharArray())
        .load();

    assertEquals("RSA", identity.privateKey().getAlgorithm());
  }

  @Test
  void legacyEncryptedEcKeyLoadsWithItsPassword() {
    Path key = Material.legacyEncryptedEcKey(dir);

    Identity identity = CertificateSource.pem(Material.certificateFor(dir, key, "cert.pem"), key)
        .password(PASSWORD.toCharArray())
        .load();

    assertEquals("EC", identity.privateKey().getAlgorithm());
  }

  @Test
  void passwordIsIgnoredForAnUnencryptedKey() {
    Path file = Material.rsaCertificateAndKeyInOneFile(dir);

    Identity identity = CertificateSource.pem(file).password("unused".toCharArray()).load();

    assertEquals("CN=localhost", identity.subject());
  }

  @Test
  void keysAreJdkKeysSoTheJdkTlsCanSignWithThem() {
    for (Path key : List.of(Material.pkcs1RsaKey(dir), Material.sec1EcKey(dir), Material.ed25519Key(dir))) {
      Identity identity = CertificateSource.pem(Material.certificateFor(dir, key, "cert.pem"), key).load();

      String keyClass = identity.privateKey().getClass().getName();
      assertTrue(keyClass.startsWith("sun.security."), keyClass);
    }
  }

  @Test
  void loadingLeavesTheJvmProviderListAlone() {
    Path key = Material.encryptedPkcs8(dir, Material.sec1EcKey(dir));
    CertificateSource.pem(Material.certificateFor(dir, key, "cert.pem"), key).password(PASSWORD.toCharArray()).load();

    assertNull(Security.getProvider("BC"));
  }

  @Test
  void chainInAnyOrderIsSortedLeafFirstThenIssuers() {
    Chain chain = Chain.make(dir);
    Path shuffled = Chain.concatenate(
        dir.resolve("shuffled.pem"), chain.root, chain.leafKey, chain.leaf, chain.intermediate);

    Identity identity = CertificateSource.pem(shuffled).load();

    assertEquals(
        List.of("CN=localhost", "CN=Test Intermediate CA", "CN=Test Root CA"),
        identity.chain().stream().map(c -> c.getSubjectX500Principal().getName()).toList());
  }

  @Test
  void certificateUnrelatedToTheChainIsLeftOut() {
    Chain chain = Chain.make(dir);
    Path stranger = Material.rsaCertificateAndKeyInOneFile(dir);
    Path strangerCertificate = dir.resolve("stranger.pem");
    Tools.openssl(dir, "x509", "-in", stranger.toString(), "-out", strangerCertificate.toString());
    Path file = Chain.concatenate(dir.resolve("all.pem"), strangerCertificate, chain.leaf, chain.intermediate);

    Identity identity = CertificateSource.pem(file, chain.leafKey).load();

    assertEquals(2, identity.chain().size());
  }

  @Test
  void textAroundTheBlocksIsIgnored() {
    Path file = Material.rsaCertificateAndKeyInOneFile(dir);
    Tools.openssl(dir, "pkcs12", "-export", "-in", file.toString(), "-passout", "pass:x", "-out", "bundle.p12");
    // "Bag Attributes" and "subject=" lines, as openssl pkcs12 prints them, then openssl x509 -text output.
    String bundle = Tools.openssl(dir, "pkcs12", "-in", "bundle.p12", "-nodes", "-passin", "pass:x");
    String text = Tools.openssl(dir, "x509", "-in", file.toString(), "-text");
    assertTrue(bundle.contains("Bag Attributes"), bundle);

    Identity identity = CertificateSource.parsePem(text + "\n" + bundle).load();

    assertEquals("CN=localhost", identity.subject());
  }

  @Test
  void sameFileAsCertificateAndKeyLoadsLikeOneFile() {
    Path file = Material.rsaCertificateAndKeyInOneFile(dir);

    assertEquals("CN=localhost", CertificateSource.pem(file, file).load().subject());
  }

  @Test
  void pemReadFromFileAndFromTextAreTheSame() throws Exception {
    Path file = Material.rsaCertificateAndKeyInOneFile(dir);

    Identity fromFile = CertificateSource.pem(file).load();
    Identity fromText = CertificateSource.parsePem(Files.readString(file)).load();

    assertEquals(fromFile.sha256Fingerprint(), fromText.sha256Fingerprint());
    assertEquals(fromFile.privateKey(), fromText.privateKey());
    assertFalse(fromText.certificateFile().isPresent());
  }
}
