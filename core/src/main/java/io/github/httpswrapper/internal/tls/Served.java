package io.github.httpswrapper.internal.tls;

import io.github.httpswrapper.cert.Identity;
import java.security.cert.X509Certificate;

/**
 * One identity as a handshake uses it, under an alias that names this load and no other ({@code id-7}), so that
 * a handshake which chose it gets this chain and this key even if a newer identity is swapped in meanwhile.
 */
record Served(Identity identity, String alias, String keyType, X509Certificate[] chain) {
  static Served of(Identity identity, long generation) {
    return new Served(
        identity,
        "id-" + generation,
        keyType(identity.privateKey().getAlgorithm()),
        identity.chain().toArray(new X509Certificate[0]));
  }

  /** Whether a handshake asking for a key of {@code requested} type can use this identity. */
  boolean servesKeyType(String requested) {
    return requested != null && keyType(requested).equals(keyType);
  }

  /** JSSE asks for "EC", "RSA", "RSASSA-PSS", "EdDSA" or "Ed25519"; keys name themselves similarly. */
  static String keyType(String algorithm) {
    switch (algorithm) {
      case "EC":
      case "ECDSA":
        return "EC";
      case "EdDSA":
      case "Ed25519":
        return "EdDSA";
      default:
        return algorithm;
    }
  }
}
