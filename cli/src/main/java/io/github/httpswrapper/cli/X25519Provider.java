package io.github.httpswrapper.cli;

import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.security.spec.NamedParameterSpec;

/**
 * X25519 for the command-line process's TLS handshakes, from BouncyCastle instead of the JDK.
 *
 * <p>Every TLS 1.3 handshake, resumed ones included (clients ask for a fresh key exchange when they resume), and
 * every TLS 1.2 handshake that picks X25519 costs the server one key pair and one key agreement. The JDK's
 * X25519 is generic field arithmetic in Java: about 320 µs for the two, on JDK 17 and 25 alike, and half of
 * the CPU time of a resumed handshake in a profile. BouncyCastle's (already on the class path for certificates)
 * takes about 120 µs.
 *
 * <p>{@link #install()} puts this provider first in the JVM's list, with the XDH and X25519 key pair generator,
 * key agreement and key factory only: everything else (ECDSA, AES-GCM, HKDF) stays the JDK's. The library does
 * not do this, since a JVM-wide choice belongs to the application that owns the JVM; the command-line process
 * is its own application. {@code -Dhttps-wrapper.x25519=jdk} keeps the JDK's.
 */
final class X25519Provider extends Provider {
  private static final long serialVersionUID = 1L;

  /** The system property that, set to {@code jdk}, keeps the JDK's X25519. */
  static final String PROPERTY = "https-wrapper.x25519";

  private static final String SPI = "org.bouncycastle.jcajce.provider.asymmetric.edec.";

  private X25519Provider() {
    super("https-wrapper-X25519", "1", "X25519 key agreement from BouncyCastle, for TLS handshakes");
    for (String algorithm : new String[] {"XDH", "X25519"}) {
      putService(
          new Service(this, "KeyPairGenerator", algorithm, SPI + "KeyPairGeneratorSpi$" + algorithm, null, null));
      putService(new Service(this, "KeyAgreement", algorithm, SPI + "KeyAgreementSpi$" + algorithm, null, null));
      putService(new Service(this, "KeyFactory", algorithm, SPI + "KeyFactorySpi$" + algorithm, null, null));
    }
  }

  /**
   * Makes this provider the first choice for X25519 in this JVM, unless {@value #PROPERTY} is {@code jdk}.
   *
   * @return whether it is installed
   */
  static boolean install() {
    if ("jdk".equals(System.getProperty(PROPERTY))) {
      return false;
    }
    X25519Provider provider = new X25519Provider();
    try {
      // Fails here, not in a handshake, if the BouncyCastle classes are missing.
      KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH", provider);
      generator.initialize(NamedParameterSpec.X25519);
      generator.generateKeyPair();
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
    return Security.insertProviderAt(provider, 1) != -1;
  }
}
