package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;

/**
 * Turns a private key PEM block (PKCS#8, PKCS#1, SEC1, encrypted PKCS#8 or legacy OpenSSL-encrypted) into a
 * standard JDK key.
 *
 * <p>BouncyCastle parses and decrypts; the key itself is then rebuilt by the JDK's own {@link KeyFactory} from its
 * PKCS#8 encoding, because the JDK's TLS implementation only signs reliably with the JDK's key classes.
 */
final class PrivateKeys {
  /** Passed to each BouncyCastle builder; never installed globally, so the JVM's provider list is untouched. */
  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

  private static final Map<ASN1ObjectIdentifier, String> JDK_ALGORITHMS =
      Map.of(
          PKCSObjectIdentifiers.rsaEncryption, "RSA",
          PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS",
          X9ObjectIdentifiers.id_ecPublicKey, "EC",
          EdECObjectIdentifiers.id_Ed25519, "Ed25519",
          EdECObjectIdentifiers.id_Ed448, "Ed448",
          X9ObjectIdentifiers.id_dsa, "DSA");

  private PrivateKeys() {}

  /** The PEM block types that hold a private key. */
  static boolean isKeyType(String type) {
    return type.equals("PRIVATE KEY")
        || type.equals("ENCRYPTED PRIVATE KEY")
        || type.equals("RSA PRIVATE KEY")
        || type.equals("EC PRIVATE KEY")
        || type.equals("DSA PRIVATE KEY");
  }

  static boolean isEncrypted(PemText.Block block) {
    return block.type.equals("ENCRYPTED PRIVATE KEY")
        || block.headers.getOrDefault("Proc-Type", "").contains("ENCRYPTED");
  }

  /**
   * The key in {@code block}, decrypted with {@code password} if it is encrypted.
   *
   * @param source names the file in error messages
   */
  static PrivateKey read(PemText.Block block, char[] password, String source) {
    if (isEncrypted(block) && password == null) {
      throw new CertificateMaterialException(
          source + " holds an encrypted private key: pass its password");
    }
    Object parsed;
    try (PEMParser parser = new PEMParser(new StringReader(block.pem()))) {
      parsed = parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw PemText.corrupt(source, block.type, block.number, e.getMessage());
    }
    return toJdkKey(privateKeyInfo(parsed, block, password, source), source);
  }

  private static PrivateKeyInfo privateKeyInfo(
      Object parsed, PemText.Block block, char[] password, String source) {
    try {
      if (parsed instanceof PrivateKeyInfo) {
        return (PrivateKeyInfo) parsed;
      }
      if (parsed instanceof PEMKeyPair) {
        return ((PEMKeyPair) parsed).getPrivateKeyInfo();
      }
      if (parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
        PKCS8EncryptedPrivateKeyInfo encrypted = (PKCS8EncryptedPrivateKeyInfo) parsed;
        return encrypted.decryptPrivateKeyInfo(
            usesScrypt(encrypted.getEncryptionAlgorithm())
                // The OpenSSL-flavoured builder knows PBES1 and PBES2 with PBKDF2, but not scrypt.
                ? new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password)
                : new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password));
      }
      if (parsed instanceof PEMEncryptedKeyPair) {
        return ((PEMEncryptedKeyPair) parsed)
            .decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password))
            .getPrivateKeyInfo();
      }
    } catch (Exception e) {
      throw decryptionFailed(e, source);
    }
    throw PemText.corrupt(
        source, block.type, block.number, "no private key inside, found " + describe(parsed));
  }

  private static boolean usesScrypt(AlgorithmIdentifier encryption) {
    return encryption.getAlgorithm().equals(PKCSObjectIdentifiers.id_PBES2)
        && PBES2Parameters.getInstance(encryption.getParameters())
            .getKeyDerivationFunc()
            .getAlgorithm()
            .equals(MiscObjectIdentifiers.id_scrypt);
  }

  private static CertificateMaterialException decryptionFailed(Exception e, String source) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OperatorCreationException
          || cause instanceof NoSuchAlgorithmException
          || cause instanceof ClassCastException) {
        return new CertificateMaterialException(
            source + " holds a private key encrypted with an algorithm that is not supported ("
                + (cause instanceof ClassCastException
                    ? "unexpected encryption parameters"
                    : PemText.oneLine(cause.getMessage()))
                + "): re-encrypt it with openssl pkcs8 -topk8 -v2 aes-256-cbc",
            e);
      }
    }
    // A wrong password shows up as a padding error, or, when the padding happens to look right, as garbage
    // that does not parse: both mean the same thing to the user.
    return new CertificateMaterialException(
        source + ": the password for the encrypted private key is wrong", e);
  }

  private static PrivateKey toJdkKey(PrivateKeyInfo info, String source) {
    ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
    String algorithm = JDK_ALGORITHMS.get(oid);
    if (algorithm == null) {
      throw new CertificateMaterialException(
          source + " holds a private key of a kind TLS cannot use (algorithm " + oid
              + "): use an RSA, EC (P-256 or P-384) or Ed25519 key");
    }
    try {
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    } catch (GeneralSecurityException | IOException e) {
      throw new CertificateMaterialException(
          source + (algorithm.equals("DSA") ? " holds a " : " holds an ") + algorithm
              + " private key that Java cannot use ("
              + PemText.oneLine(e.getMessage()) + "): use an RSA, EC (P-256 or P-384) or Ed25519 key",
          e);
    }
  }

  private static String describe(Object parsed) {
    return parsed == null ? "nothing" : parsed.getClass().getSimpleName();
  }
}
