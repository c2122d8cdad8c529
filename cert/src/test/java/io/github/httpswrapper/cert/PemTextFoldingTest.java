package io.github.httpswrapper.cert;

import static io.github.httpswrapper.cert.Material.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** PEM text that went through an environment variable or a secret store loads as if it had not. */
@Timeout(120)
class PemTextFoldingTest {
  @TempDir Path dir;
  private String pem;
  private String fingerprint;

  @BeforeEach
  void makeMaterial() throws Exception {
    Path file = Material.rsaCertificateAndKeyInOneFile(dir);
    pem = Files.readString(file);
    fingerprint = CertificateSource.pem(file).load().sha256Fingerprint();
  }

  @Test
  void newlinesTurnedIntoSpacesAreAccepted() {
    assertEquals(fingerprint, CertificateSource.parsePem(pem.replace("\n", " ")).load().sha256Fingerprint());
  }

  @Test
  void newlinesTurnedIntoBackslashNAreAccepted() {
    assertEquals(fingerprint, CertificateSource.parsePem(pem.replace("\n", "\\n")).load().sha256Fingerprint());
  }

  @Test
  void windowsLineEndsAreAccepted() {
    assertEquals(fingerprint, CertificateSource.parsePem(pem.replace("\n", "\r\n")).load().sha256Fingerprint());
  }

  @Test
  void lineBreaksAtOtherPlacesThanEvery64CharactersAreAccepted() {
    String rewrapped = pem.replaceAll("(?m)^([A-Za-z0-9+/]{20})([A-Za-z0-9+/=]+)$", "$1\n$2");

    assertEquals(fingerprint, CertificateSource.parsePem(rewrapped).load().sha256Fingerprint());
  }

  @Test
  void legacyEncryptedKeyFoldedWithBackslashNKeepsItsHeaders() throws Exception {
    Path key = Material.legacyEncryptedRsaKey(dir);
    Path certificate = Material.certificateFor(dir, key, "cert.pem");
    String folded = (Files.readString(certificate) + Files.readString(key)).replace("\n", "\\n");

    Identity identity = CertificateSource.parsePem(folded).password(PASSWORD.toCharArray()).load();

    assertEquals("RSA", identity.privateKey().getAlgorithm());
  }

  @Test
  void legacyEncryptedKeyFoldedWithSpacesKeepsItsHeaders() throws Exception {
    Path key = Material.legacyEncryptedEcKey(dir);
    Path certificate = Material.certificateFor(dir, key, "cert.pem");
    String folded = (Files.readString(certificate) + Files.readString(key)).replace("\n", " ");

    Identity identity = CertificateSource.parsePem(folded).password(PASSWORD.toCharArray()).load();

    assertEquals("EC", identity.privateKey().getAlgorithm());
  }
}
