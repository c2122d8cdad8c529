package io.github.httpswrapper.cert.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;

/**
 * Whether a private key and a public key are two halves of one key pair.
 *
 * <p>A private key does not portably expose its public half, so the check signs a random challenge with the
 * private key and verifies it with the public one. For RSA the moduli are compared first, which rules out most
 * wrong certificates without signing.
 */
final class KeyMatch {
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeyMatch() {}

  static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    String family = family(privateKey.getAlgorithm());
    if (!family.equals(family(publicKey.getAlgorithm()))) {
      return false;
    }
    if (privateKey instanceof RSAKey && publicKey instanceof RSAKey
        && !((RSAKey) privateKey).getModulus().equals(((RSAKey) publicKey).getModulus())) {
      return false;
    }
    try {
      byte[] challenge = new byte[32];
      RANDOM.nextBytes(challenge);
      Signature signer = signature(family, privateKey.getAlgorithm());
      signer.initSign(privateKey);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = signature(family, privateKey.getAlgorithm());
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      // Keys of one family that still cannot sign with each other (different curves, say) do not match.
      return false;
    }
  }

  /** Groups the names providers give one kind of key: the JDK calls Ed25519 keys "EdDSA", BouncyCastle "Ed25519". */
  private static String family(String algorithm) {
    String upper = algorithm.toUpperCase(Locale.ROOT);
    switch (upper) {
      case "ED25519":
      case "ED448":
      case "EDDSA":
        return "EDDSA";
      case "ECDSA":
        return "EC";
      default:
        return upper;
    }
  }

  private static Signature signature(String family, String keyAlgorithm) throws GeneralSecurityException {
    switch (family) {
      case "RSA":
        return Signature.getInstance("SHA256withRSA");
      case "RSASSA-PSS":
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        return pss;
      case "EC":
        return Signature.getInstance("SHA256withECDSA");
      case "EDDSA":
        // The JDK's "EdDSA" signature takes its curve, Ed25519 or Ed448, from the key.
        return Signature.getInstance("EdDSA");
      case "DSA":
        return Signature.getInstance("SHA256withDSA");
      default:
        throw new GeneralSecurityException("no signature algorithm known for " + keyAlgorithm);
    }
  }
}
