package io.github.httpswrapper.cert.internal.acme;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account key pair as PEM text: a {@code PRIVATE KEY} block (PKCS#8) followed by a {@code PUBLIC KEY} block
 * (X.509 SubjectPublicKeyInfo), both EC P-256.
 *
 * <p>Both halves are kept because the JDK's PKCS#8 encoding of an EC key leaves out the public point, and the
 * account is identified by the public key. OpenSSL reads the file too ({@code openssl pkey -in account-key.pem}).
 */
final class AccountKeys {
  private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

  private AccountKeys() {}

  static String encode(KeyPair key) {
    return block("PRIVATE KEY", key.getPrivate().getEncoded()) + block("PUBLIC KEY", key.getPublic().getEncoded());
  }

  /**
   * The key pair in {@code text}.
   *
   * @throws IllegalArgumentException when a block is missing or is not an EC key
   */
  static KeyPair decode(String text) {
    try {
      KeyFactory ec = KeyFactory.getInstance("EC");
      return new KeyPair(
          ec.generatePublic(new X509EncodedKeySpec(der(text, "PUBLIC KEY"))),
          ec.generatePrivate(new PKCS8EncodedKeySpec(der(text, "PRIVATE KEY"))));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an EC key pair: " + e.getMessage(), e);
    }
  }

  private static byte[] der(String text, String type) {
    Matcher block = Pattern.compile("-----BEGIN " + type + "-----([A-Za-z0-9+/=\\s]+)-----END " + type + "-----")
        .matcher(text);
    if (!block.find()) {
      throw new IllegalArgumentException("no -----BEGIN " + type + "----- block");
    }
    return Base64.getMimeDecoder().decode(block.group(1));
  }

  private static String block(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
