package io.github.httpswrapper.cert.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.Identity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PKCS#12 and JKS keystores, as {@link KeyStoreLoader} reads them (type detection, alias choice, key recovery).
 * Only {@link CertificateMaterialException} may escape. Seeds use the password {@code changeit}.
 */
class KeyStoreFuzzTest {
  private static final Path FILE = temporaryFile();

  @FuzzTest
  void keyStore(byte[] data) throws IOException {
    Files.write(FILE, data);
    Identity identity;
    try {
      identity = KeyStoreLoader.load(FILE, "changeit".toCharArray(), "changeit".toCharArray(), null, "keystore");
    } catch (CertificateMaterialException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
      return;
    }
    assertNotNull(identity.certificate());
  }

  private static Path temporaryFile() {
    try {
      Path file = Files.createTempFile("fuzz-keystore", ".p12");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
