package io.github.httpswrapper.cert.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.CertificateSource;
import java.util.Arrays;
import java.util.Base64;

/**
 * The DER inside private key blocks, which {@link PemFuzzTest} rarely reaches intact through base64. The first
 * byte picks the block type (and for the legacy OpenSSL encryption, the cipher); the rest is the DER. Only
 * {@link CertificateMaterialException} may escape. Without a certificate no key can load, so every input ends
 * in one, after the key has been parsed, decrypted (password {@code fuzz}) and rebuilt as a JDK key.
 */
class PrivateKeyFuzzTest {
  private static final String[] TYPES = {
    "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY",
  };
  private static final String[] LEGACY_CIPHERS = {"AES-128-CBC", "AES-256-CBC", "DES-EDE3-CBC"};

  @FuzzTest
  void privateKeyDer(byte[] data) {
    if (data.length == 0) {
      return;
    }
    int selector = data[0] & 0xFF;
    byte[] der = Arrays.copyOfRange(data, 1, data.length);
    StringBuilder pem = new StringBuilder();
    if (selector < TYPES.length) {
      pem.append("-----BEGIN ").append(TYPES[selector]).append("-----\n");
      pem.append(Base64.getMimeEncoder().encodeToString(der));
      pem.append("\n-----END ").append(TYPES[selector]).append("-----\n");
    } else {
      // Legacy OpenSSL encryption: Proc-Type and DEK-Info headers, the IV taken from the bytes (16 hex digits
      // for DES, 32 for AES) so that the fuzzer controls it too.
      String cipher = LEGACY_CIPHERS[selector % LEGACY_CIPHERS.length];
      pem.append("-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: ").append(cipher).append(',')
          .append("00112233445566778899AABBCCDDEEFF", 0, cipher.startsWith("DES") ? 16 : 32).append("\n\n");
      pem.append(Base64.getMimeEncoder().encodeToString(der));
      pem.append("\n-----END EC PRIVATE KEY-----\n");
    }
    try {
      CertificateSource.parsePem(pem.toString()).password("fuzz".toCharArray()).load();
    } catch (CertificateMaterialException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
      return;
    }
    fail("a key without a certificate loaded");
  }
}
