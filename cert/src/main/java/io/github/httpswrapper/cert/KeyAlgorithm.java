package io.github.httpswrapper.cert;

/** The kind of key pair a generated certificate gets. */
public enum KeyAlgorithm {
  /**
   * ECDSA on the NIST P-256 curve: the default. Small keys and certificates, and much cheaper TLS handshakes
   * than RSA on the server; every current client supports it.
   */
  ECDSA_P256,

  /** RSA with a 2048-bit modulus, for old clients that do not support ECDSA. */
  RSA_2048
}
