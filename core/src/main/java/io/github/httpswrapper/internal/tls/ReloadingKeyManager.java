package io.github.httpswrapper.internal.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Serves the current identities of a {@link ServerIdentities}, chosen by the server name the client asked for.
 *
 * <p>JSSE first asks for an alias, then for the chain and the key under that alias. Each load of an identity
 * has its own alias, so an identity replaced between those calls cannot pair a new chain with an old key. The
 * key lives in memory: nothing is read or decrypted during a handshake (the JDK's keystore-backed key manager
 * re-reads the key on every handshake, which triples the cost of a full one).
 */
public final class ReloadingKeyManager extends X509ExtendedKeyManager {
  private final ServerIdentities identities;

  public ReloadingKeyManager(ServerIdentities identities) {
    this.identities = identities;
  }

  @Override
  public String chooseServerAlias(String type, Principal[] issuers, Socket socket) {
    SSLSession handshake = socket instanceof SSLSocket ? ((SSLSocket) socket).getHandshakeSession() : null;
    return aliasFor(type, handshake);
  }

  @Override
  public String chooseEngineServerAlias(String type, Principal[] issuers, SSLEngine engine) {
    return aliasFor(type, engine == null ? null : engine.getHandshakeSession());
  }

  private String aliasFor(String type, SSLSession handshake) {
    Served served = identities.select(requestedServerName(handshake));
    return served.servesKeyType(type) ? served.alias() : null;
  }

  /** The host name the client sent with SNI, or {@code null} (clients send none when connecting by IP). */
  static String requestedServerName(SSLSession handshake) {
    if (handshake instanceof ExtendedSSLSession) {
      for (SNIServerName name : ((ExtendedSSLSession) handshake).getRequestedServerNames()) {
        if (name instanceof SNIHostName) {
          return ((SNIHostName) name).getAsciiName();
        }
      }
    }
    return null;
  }

  @Override
  public String[] getServerAliases(String type, Principal[] issuers) {
    List<String> aliases = new ArrayList<>();
    for (Served served : identities.current()) {
      if (served.servesKeyType(type)) {
        aliases.add(served.alias());
      }
    }
    return aliases.isEmpty() ? null : aliases.toArray(new String[0]);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    Served served = identities.byAlias(alias);
    return served == null ? null : served.chain().clone();
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    Served served = identities.byAlias(alias);
    return served == null ? null : served.identity().privateKey();
  }

  @Override
  public String[] getClientAliases(String type, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] types, Principal[] issuers, Socket socket) {
    return null;
  }
}
