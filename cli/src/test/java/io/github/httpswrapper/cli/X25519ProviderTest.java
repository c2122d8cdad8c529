package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.spec.NamedParameterSpec;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class X25519ProviderTest {
  private static final String NAME = "https-wrapper-X25519";

  @AfterEach
  void removeProvider() {
    Security.removeProvider(NAME);
    System.clearProperty(X25519Provider.PROPERTY);
  }

  @Test
  void installedProviderIsTheFirstChoiceForX25519Only() throws Exception {
    assertTrue(X25519Provider.install());
    assertEquals(NAME, KeyPairGenerator.getInstance("XDH").getProvider().getName());
    assertEquals(NAME, KeyPairGenerator.getInstance("X25519").getProvider().getName());
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    assertEquals("SunEC", ec.getProvider().getName());
  }

  @Test
  void systemPropertyKeepsTheJdksX25519() throws Exception {
    System.setProperty(X25519Provider.PROPERTY, "jdk");
    assertFalse(X25519Provider.install());
    assertEquals("SunEC", KeyPairGenerator.getInstance("XDH").getProvider().getName());
  }

  /** A TLS peer with the JDK's X25519 and one with BouncyCastle's must derive the same secret. */
  @Test
  void agreesWithTheJdkOnEverySharedSecret() throws Exception {
    Provider jdk = Security.getProvider("SunEC");
    assertTrue(X25519Provider.install());
    Provider ours = Security.getProvider(NAME);
    for (int i = 0; i < 50; i++) {
      KeyPair fromJdk = pair(jdk);
      KeyPair fromOurs = pair(ours);
      byte[] jdkSide = agree(jdk, fromJdk, fromOurs.getPublic());
      byte[] ourSide = agree(ours, fromOurs, fromJdk.getPublic());
      assertArrayEquals(jdkSide, ourSide, "pair " + i);
    }
  }

  private static KeyPair pair(Provider provider) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH", provider);
    generator.initialize(NamedParameterSpec.X25519);
    return generator.generateKeyPair();
  }

  private static byte[] agree(Provider provider, KeyPair own, PublicKey peer) throws Exception {
    // The peer's key crosses providers as TLS carries it: its encoded form, read by this side's key factory.
    PublicKey decoded =
        java.security.KeyFactory.getInstance("XDH", provider)
            .generatePublic(new java.security.spec.X509EncodedKeySpec(peer.getEncoded()));
    KeyAgreement agreement = KeyAgreement.getInstance("XDH", provider);
    agreement.init(own.getPrivate());
    agreement.doPhase(decoded, true);
    return agreement.generateSecret();
  }
}
