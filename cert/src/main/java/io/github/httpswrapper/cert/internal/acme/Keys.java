package io.github.httpswrapper.cert.internal.acme;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** The key pairs ACME needs: EC P-256, which every CA accepts and every TLS client understands. */
final class Keys {
  private Keys() {}

  /** A new EC P-256 key pair from the JDK's own provider. */
  static KeyPair newP256() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      // Every JDK since 7 ships P-256.
      throw new IllegalStateException("this JDK cannot make an EC P-256 key", e);
    }
  }
}
