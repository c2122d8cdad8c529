package io.github.httpswrapper.cert.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.Identity;
import io.github.httpswrapper.cert.KeyAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Renewal of the leaf as it nears expiry, and a root past its own, written into the state directory as-is. */
@Timeout(60)
class LocalCaStoreTest {
  private static final Duration THREE_DAYS = Duration.ofDays(3);

  @TempDir Path dir;

  private Path ca() {
    return dir.resolve(LocalCaStore.DIRECTORY);
  }

  private Identity load() {
    return LocalCaStore.loadOrCreate(dir, List.of(), KeyAlgorithm.ECDSA_P256, THREE_DAYS, "test");
  }

  /** Replaces the stored leaf with one for the same names, issued by the stored root, with the given dates. */
  private String storeLeaf(Identity current, Instant notBefore, Instant notAfter) throws Exception {
    LocalCaRoot root = LocalCaRoot.read(ca(), Instant.now());
    KeyAndCertificate leaf = LocalCaCertificates.leaf(
        root.certificate, root.key, KeyAlgorithm.ECDSA_P256, "localhost", current.names(), notBefore, notAfter);
    StateFiles.write(ca().resolve(LocalCaLeaf.KEY_FILE), Pem.encodePrivateKey(leaf.key), true);
    StateFiles.write(ca().resolve(LocalCaLeaf.CERTIFICATE_FILE),
        Pem.encodeCertificates(List.of(leaf.certificate, root.certificate)), false);
    return IdentityChecks.sha256Fingerprint(leaf.certificate);
  }

  @Test
  void leafWithLessThanHalfOfItsValidityLeftIsIssuedAgain() throws Exception {
    Identity first = load();
    Instant now = Instant.now();
    String nearExpiry = storeLeaf(first, now.minus(Duration.ofHours(60)), now.plus(Duration.ofHours(12)));

    Identity renewed = load();

    assertNotEquals(nearExpiry, renewed.sha256Fingerprint());
    assertTrue(renewed.expiresIn().compareTo(Duration.ofHours(71)) > 0, renewed.notAfter().toString());
    assertEquals(first.chain().get(1), renewed.chain().get(1));
  }

  @Test
  void leafWithMoreThanHalfOfItsValidityLeftIsReused() throws Exception {
    Identity first = load();
    Instant now = Instant.now();
    String halfway = storeLeaf(first, now.minus(Duration.ofHours(32)), now.plus(Duration.ofHours(40)));

    assertEquals(halfway, load().sha256Fingerprint());
  }

  @Test
  void expiredRootFailsWithTheFixAndIsKept() throws Exception {
    Instant longAgo = Instant.parse("2010-01-01T00:00:00Z");
    Instant expired = Instant.parse("2020-01-01T00:00:00Z");
    KeyAndCertificate root = LocalCaCertificates.root("old root", longAgo, expired);
    StateFiles.createPrivateDirectory(ca());
    StateFiles.write(ca().resolve(LocalCaRoot.KEY_FILE), Pem.encodePrivateKey(root.key), true);
    String certificate = Pem.encodeCertificates(List.of(root.certificate));
    StateFiles.write(ca().resolve(LocalCaRoot.CERTIFICATE_FILE), certificate, false);

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, this::load);

    assertEquals(ca().resolve("root-certificate.pem") + " expired on 2020-01-01T00:00:00Z: delete " + ca()
        + " to make a new root (clients that trusted the old root must then trust the new one)", e.getMessage());
    assertEquals(certificate, Files.readString(ca().resolve(LocalCaRoot.CERTIFICATE_FILE)));
  }
}
