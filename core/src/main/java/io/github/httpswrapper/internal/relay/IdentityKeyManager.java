package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.cert.Identity;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Serves one identity held in memory. Unlike a keystore-backed key manager it never re-reads or re-decrypts the
 * key during a handshake (the JDK's "PKIX" key manager does, which triples the cost of a full handshake).
 */
final class IdentityKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "identity";
  private final PrivateKey key;
  private final X509Certificate[] chain;
  private final String keyType;

  IdentityKeyManager(Identity identity) {
    this.key = identity.privateKey();
    this.chain = identity.chain().toArray(new X509Certificate[0]);
    this.keyType = normalise(key.getAlgorithm());
  }

  @Override
  public String chooseServerAlias(String type, Principal[] issuers, Socket socket) {
    return matches(type) ? ALIAS : null;
  }

  @Override
  public String chooseEngineServerAlias(String type, Principal[] issuers, SSLEngine engine) {
    return matches(type) ? ALIAS : null;
  }

  @Override
  public String[] getServerAliases(String type, Principal[] issuers) {
    return matches(type) ? new String[] {ALIAS} : null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  @Override
  public String[] getClientAliases(String type, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] types, Principal[] issuers, Socket socket) {
    return null;
  }

  private boolean matches(String requested) {
    return requested != null && normalise(requested).equals(keyType);
  }

  /** JSSE asks for "EC", "RSA", "RSASSA-PSS", "EdDSA" or "Ed25519"; keys name themselves similarly. */
  private static String normalise(String algorithm) {
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
