package io.github.httpswrapper.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class TrustedCertificatesTest {
  @TempDir Path dir;

  private static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }

  @Test
  void bundleOfSeveralCasLoadsInFileOrder() throws Exception {
    Chain chain = Chain.make(dir);
    Path bundle = Files.writeString(dir.resolve("bundle.pem"),
        Files.readString(chain.root) + "some comment\n" + Files.readString(chain.intermediate));

    List<X509Certificate> cas = TrustedCertificates.load(bundle);

    assertEquals(List.of("CN=Test Root CA", "CN=Test Intermediate CA"), cas.stream().map(c -> subject(c)).toList());
  }

  @Test
  void textFoldedOntoOneLineParses() throws Exception {
    Chain chain = Chain.make(dir);
    String folded = Files.readString(chain.root).replace("\n", "\\n");

    assertEquals("CN=Test Root CA", subject(TrustedCertificates.parse(folded).get(0)));
  }

  @Test
  void nonCaCertificateIsAcceptedAsItself() throws Exception {
    Chain chain = Chain.make(dir);

    assertEquals(1, TrustedCertificates.load(chain.leaf).size());
  }

  @Test
  void bundleWithAPrivateKeyIsRefusedNamingTheFile() throws Exception {
    Path both = Material.rsaCertificateAndKeyInOneFile(dir);

    CertificateMaterialException e =
        assertThrows(CertificateMaterialException.class, () -> TrustedCertificates.load(both));

    assertEquals(both + " holds a PRIVATE KEY block: a CA bundle holds only CERTIFICATE blocks; remove the key"
        + " (a private key should never be handed to the side that checks certificates)", e.getMessage());
  }

  @Test
  void emptyFileIsRefused() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.pem"));

    CertificateMaterialException e =
        assertThrows(CertificateMaterialException.class, () -> TrustedCertificates.load(empty));

    assertEquals(empty + " is empty: expected one or more -----BEGIN CERTIFICATE----- blocks (a CA bundle)",
        e.getMessage());
  }

  @Test
  void keyWithoutCertificateIsRefusedAsAKey() throws Exception {
    Path key = Material.pkcs8EcKey(dir);

    CertificateMaterialException e =
        assertThrows(CertificateMaterialException.class, () -> TrustedCertificates.load(key));

    assertTrue(e.getMessage().startsWith(key + " holds a PRIVATE KEY block: a CA bundle holds only CERTIFICATE"
        + " blocks"), e.getMessage());
  }

  @Test
  void textWithoutPemIsRefused() {
    CertificateMaterialException e =
        assertThrows(CertificateMaterialException.class, () -> TrustedCertificates.parse("hello"));

    assertEquals("the CA bundle text holds no PEM data: expected one or more -----BEGIN CERTIFICATE----- blocks"
        + " (a CA bundle)", e.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.pem");

    CertificateMaterialException e =
        assertThrows(CertificateMaterialException.class, () -> TrustedCertificates.load(missing));

    assertEquals(missing + " does not exist: check the path", e.getMessage());
  }

  @Test
  void damagedCertificateIsRefused() {
    CertificateMaterialException e = assertThrows(CertificateMaterialException.class,
        () -> TrustedCertificates.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));

    assertTrue(e.getMessage().startsWith("the CA bundle text holds a corrupt CERTIFICATE block"), e.getMessage());
  }
}
