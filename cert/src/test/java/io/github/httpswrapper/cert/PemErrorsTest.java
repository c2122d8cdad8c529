package io.github.httpswrapper.cert;

import static io.github.httpswrapper.cert.Material.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each way PEM material can be wrong fails with a message that names the file and says what to do. */
@Timeout(120)
class PemErrorsTest {
  @TempDir Path dir;

  private static String failure(CertificateSource source) {
    return assertThrows(CertificateMaterialException.class, source::load).getMessage();
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.pem");

    assertEquals(missing + " does not exist: check the path", failure(CertificateSource.pem(missing)));
  }

  @Test
  void missingRelativeFileSaysWhereItWasLookedFor() {
    String message = failure(CertificateSource.pem(Path.of("nope.pem")));

    assertEquals("nope.pem does not exist (looked for " + Path.of("nope.pem").toAbsolutePath()
        + "): check the path", message);
  }

  @Test
  void directoryInsteadOfFileIsRefused() {
    assertEquals(dir + " is a directory, not a PEM file: pass the file itself",
        failure(CertificateSource.pem(dir)));
  }

  @Test
  void emptyFileIsRefused() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.pem"));

    assertEquals(empty + " is empty: expected -----BEGIN CERTIFICATE----- and a private key",
        failure(CertificateSource.pem(empty)));
  }

  @Test
  void fileWithoutPemBlocksIsRefused() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.pem"), "just some notes\n");

    assertEquals(text + " holds no PEM data: expected -----BEGIN CERTIFICATE----- and a private key",
        failure(CertificateSource.pem(text)));
  }

  @Test
  void binaryFileIsRecognizedAsNotPem() {
    Path file = Material.rsaCertificateAndKeyInOneFile(dir);
    Tools.openssl(dir, "x509", "-in", file.toString(), "-outform", "der", "-out", "cert.der");
    Path der = dir.resolve("cert.der");

    assertTrue(failure(CertificateSource.pem(der)).startsWith(
        der + " holds binary data, not PEM text: load a PKCS#12 or JKS keystore with CertificateSource.keyStore"));
  }

  @Test
  void certificateRequestBlockIsNamedAndRefused() {
    Path key = Material.pkcs8EcKey(dir);
    Tools.openssl(dir, "req", "-new", "-key", key.toString(), "-subj", "/CN=localhost", "-out", "request.pem");
    Path file = Chain.concatenate(dir.resolve("mixed.pem"), dir.resolve("request.pem"), key);

    assertEquals(file + " holds a CERTIFICATE REQUEST block, which is not a certificate or key: remove it,"
        + " keeping only CERTIFICATE and PRIVATE KEY blocks", failure(CertificateSource.pem(file)));
  }

  @Test
  void certificateWithoutKeyAsksForTheKeyFile() {
    Path key = Material.pkcs8EcKey(dir);
    Path certificate = Material.certificateFor(dir, key, "cert.pem");

    assertEquals(certificate + " holds a certificate but no private key: pass the key file as the second"
        + " argument of CertificateSource.pem(cert, key) or with --key", failure(CertificateSource.pem(certificate)));
  }

  @Test
  void keyWithoutCertificateAsksForTheCertificateFile() {
    Path key = Material.pkcs8EcKey(dir);

    assertEquals(key + " holds a private key but no certificate: pass the certificate file as the first argument"
        + " of CertificateSource.pem(cert, key)", failure(CertificateSource.pem(key)));
  }

  @Test
  void keyFileWithoutKeyIsRefused() throws Exception {
    Path certificate = Material.certificateFor(dir, Material.pkcs8EcKey(dir), "cert.pem");
    Path notAKey = Files.copy(certificate, dir.resolve("not-a-key.pem"));

    assertEquals(notAKey + " holds no private key: expected a -----BEGIN PRIVATE KEY----- block (or RSA"
        + " PRIVATE KEY, EC PRIVATE KEY, ENCRYPTED PRIVATE KEY)",
        failure(CertificateSource.pem(certificate, notAKey)));
  }

  @Test
  void twoKeysInOneFileAreRefused() {
    Path key = Material.pkcs8EcKey(dir);
    Path file = Chain.concatenate(dir.resolve("two-keys.pem"),
        Material.certificateFor(dir, key, "cert.pem"), key, Material.ed25519Key(dir));

    assertEquals(file + " holds 2 private keys: keep only the one that belongs to the certificate",
        failure(CertificateSource.pem(file)));
  }

  @Test
  void keyThatMatchesNoCertificateNamesBothFiles() {
    Path certificate = Material.certificateFor(dir, Material.pkcs8EcKey(dir), "cert.pem");
    Path otherKey = Material.sec1EcKey(dir);

    assertEquals("the private key in " + otherKey + " does not match the certificate in " + certificate
        + ": use the certificate that was issued for this key (compare openssl x509 -noout -pubkey -in "
        + certificate + " with openssl pkey -pubout -in " + otherKey + ")",
        failure(CertificateSource.pem(certificate, otherKey)));
  }

  @Test
  void encryptedKeyWithoutPasswordAsksForIt() {
    Path key = Material.encryptedPkcs8(dir, Material.pkcs8EcKey(dir));
    Path certificate = Material.certificateFor(dir, key, "cert.pem");

    assertEquals(key + " holds an encrypted private key: pass its password",
        failure(CertificateSource.pem(certificate, key)));
  }

  @Test
  void legacyEncryptedKeyWithoutPasswordAsksForIt() {
    Path key = Material.legacyEncryptedRsaKey(dir);
    Path certificate = Material.certificateFor(dir, key, "cert.pem");

    assertEquals(key + " holds an encrypted private key: pass its password",
        failure(CertificateSource.pem(certificate, key)));
  }

  @Test
  void wrongPasswordForEncryptedPkcs8KeyIsReported() {
    Path key = Material.encryptedPkcs8(dir, Material.pkcs8EcKey(dir));
    Path certificate = Material.certificateFor(dir, key, "cert.pem");

    assertEquals(key + ": the password for the encrypted private key is wrong",
        failure(CertificateSource.pem(certificate, key).password("wrong".toCharArray())));
  }

  @Test
  void wrongPasswordForLegacyEncryptedKeyIsReported() {
    Path key = Material.legacyEncryptedRsaKey(dir);
    Path certificate = Material.certificateFor(dir, key, "cert.pem");

    assertEquals(key + ": the password for the encrypted private key is wrong",
        failure(CertificateSource.pem(certificate, key).password("wrong".toCharArray())));
  }

  @Test
  void damagedBase64IsReportedAsCorrupt() throws Exception {
    Path file = Material.rsaCertificateAndKeyInOneFile(dir);
    String text = Files.readString(file);
    int certificate = text.indexOf("-----BEGIN CERTIFICATE-----\n") + 28;
    Files.writeString(file, text.substring(0, certificate + 10) + "!!" + text.substring(certificate + 12));

    assertEquals(file + " holds a corrupt CERTIFICATE block (block 2: damaged base64 text): copy it again from"
        + " its source", failure(CertificateSource.pem(file)));
  }

  @Test
  void damagedDerIsReportedAsCorrupt() throws Exception {
    Path file = Material.rsaCertificateAndKeyInOneFile(dir);
    String text = Files.readString(file);
    int certificate = text.indexOf("-----BEGIN CERTIFICATE-----\n") + 28;
    Files.writeString(file, text.substring(0, certificate) + "AAAA" + text.substring(certificate + 4));

    assertTrue(failure(CertificateSource.pem(file))
        .startsWith(file + " holds a corrupt CERTIFICATE block (block 2: "));
  }

  @Test
  void truncatedBlockIsReported() throws Exception {
    Path file = Material.rsaCertificateAndKeyInOneFile(dir);
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() - 100));

    assertEquals(file + " has a -----BEGIN CERTIFICATE----- line without its -----END CERTIFICATE----- line:"
        + " the PEM text was cut short or damaged; copy it again from its source",
        failure(CertificateSource.pem(file)));
  }

  @Test
  void pemTextWithoutKeyNamesTheText() throws Exception {
    Path certificate = Material.certificateFor(dir, Material.pkcs8EcKey(dir), "cert.pem");

    assertEquals("PEM text holds a certificate but no private key: add the private key's PEM block to the text",
        failure(CertificateSource.parsePem(Files.readString(certificate))));
  }

  @Test
  void blankPemTextIsRefused() {
    assertEquals("PEM text is empty: expected -----BEGIN CERTIFICATE----- and a private key",
        failure(CertificateSource.parsePem("  \n")));
  }

  @Test
  void passwordGivenButWrongForScryptKeyIsReported() {
    Path key = Material.scryptPkcs8(dir, Material.pkcs8EcKey(dir));
    Path certificate = Material.certificateFor(dir, key, "cert.pem");

    assertEquals(key + ": the password for the encrypted private key is wrong",
        failure(CertificateSource.pem(certificate, key).password(("not " + PASSWORD).toCharArray())));
  }
}
