package io.github.httpswrapper.cert.internal;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/** Writes certificates and keys as PEM: base64 in 64-character lines, {@code \n} line ends. */
public final class Pem {
  private static final Base64.Encoder BASE64 =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private Pem() {}

  /** The certificates as consecutive {@code CERTIFICATE} blocks, in the order given. */
  public static String encodeCertificates(List<X509Certificate> certificates) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        pem.append(block("CERTIFICATE", certificate.getEncoded()));
      } catch (CertificateEncodingException e) {
        // A certificate that was parsed or built always has an encoding; this is not reachable with JDK certs.
        throw new IllegalStateException(
            "cannot encode certificate " + certificate.getSubjectX500Principal(), e);
      }
    }
    return pem.toString();
  }

  /**
   * The key as an unencrypted PKCS#8 {@code PRIVATE KEY} block, the format {@code openssl genpkey} writes and every
   * tool reads.
   */
  public static String encodePrivateKey(PrivateKey key) {
    if (!"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException(
          "cannot write a " + key.getAlgorithm() + " key in format " + key.getFormat() + " as PKCS#8 PEM");
    }
    return block("PRIVATE KEY", key.getEncoded());
  }

  static String block(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + BASE64.encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
