package io.github.httpswrapper.cert.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.nio.charset.StandardCharsets;

/**
 * PEM text with a certificate chain and a private key, as {@link CertificateSource#parsePem(String)} reads it
 * (block splitting, one-line folding, every key format, decryption). Only {@link CertificateMaterialException}
 * may escape: bad material must produce a message for the user, never an NPE or a stack trace from a parser.
 * Encrypted seeds use the password {@code fuzz}.
 */
class PemFuzzTest {
  private static final char[] PASSWORD = "fuzz".toCharArray();

  @FuzzTest
  void parsePem(byte[] data) {
    // PEM files are read one char per byte, so every byte sequence is some text.
    String text = new String(data, StandardCharsets.ISO_8859_1);
    Identity identity;
    try {
      identity = CertificateSource.parsePem(text).password(PASSWORD).load();
    } catch (CertificateMaterialException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
      return;
    }
    assertNotNull(identity.certificate());
    assertFalse(identity.chain().isEmpty());
  }
}
