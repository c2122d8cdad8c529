package io.github.httpswrapper.internal.client;

import io.github.httpswrapper.internal.access.AccessRule;
import io.github.httpswrapper.internal.access.PolicyPlan;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust manager with which the server's TLS layer checks client certificates.
 *
 * <p>A client certificate is accepted when its chain leads to one of the issuers (PKIX path validation by the
 * JDK, which also checks validity dates, signatures, CA constraints and key usage), and when its leaf may be used
 * for client authentication: a leaf with an extended key usage extension must list {@code clientAuth} (or
 * {@code anyExtendedKeyUsage}); a leaf without one may be used for anything. Host names are not checked: a client
 * has none to check against.
 *
 * <p>Revocation is not checked (no CRL or OCSP fetches during handshakes, which would stall them and reach out to
 * the network): to withdraw a client certificate, narrow the rule with a pin or a name the certificate does not
 * carry, or issue clients from a new CA.
 *
 * <p>The trust manager checks client certificates only; asked about a server, it refuses.
 */
public final class ClientTrust {
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

  private ClientTrust() {}

  /**
   * The trust managers for the server's {@code SSLContext}: client certificates from the issuers of every rule of
   * {@code plan} that can accept one. Each rule checks its own issuers again per request
   * ({@link CertificateMatcher#refusal}).
   *
   * @throws IllegalArgumentException when no rule of {@code plan} accepts client certificates
   */
  public static TrustManager[] trustManagers(PolicyPlan plan) {
    Set<X509Certificate> issuers = new LinkedHashSet<>();
    for (AccessRule rule : plan.rules()) {
      if (rule.outcome().certificate() && rule.certificates() != null) {
        issuers.addAll(CertificateMatcher.of(rule.certificates()).issuers());
      }
    }
    return new TrustManager[] {forIssuers(new ArrayList<>(issuers))};
  }

  /**
   * A trust manager accepting client certificates that chain to one of {@code issuers}.
   *
   * @throws IllegalArgumentException when {@code issuers} is empty
   */
  public static X509ExtendedTrustManager forIssuers(List<X509Certificate> issuers) {
    if (issuers.isEmpty()) {
      throw new IllegalArgumentException("no issuers: a client certificate rule needs at least one CA certificate");
    }
    Set<TrustAnchor> anchors = new LinkedHashSet<>();
    issuers.forEach(c -> anchors.add(new TrustAnchor(c, null)));
    try {
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, new X509CertSelector());
      parameters.setRevocationEnabled(false);
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(new CertPathTrustManagerParameters(parameters));
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager) {
          return new ClientOnly((X509ExtendedTrustManager) manager);
        }
      }
      throw new IllegalStateException("the JDK's PKIX TrustManagerFactory made no X509ExtendedTrustManager");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up PKIX validation: " + e.getMessage(), e);
    }
  }

  static void requireClientUsage(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("no client certificate");
    }
    List<String> usages = chain[0].getExtendedKeyUsage();
    if (usages != null && !usages.contains(CLIENT_AUTH) && !usages.contains(ANY_EXTENDED_KEY_USAGE)) {
      throw new CertificateException("the client certificate " + chain[0].getSubjectX500Principal().getName()
          + " is not for client authentication: its extended key usage lists " + usages + " but not clientAuth ("
          + CLIENT_AUTH + "); issue it with extendedKeyUsage = clientAuth");
    }
  }

  private static final class ClientOnly extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager pkix;

    ClientOnly(X509ExtendedTrustManager pkix) {
      this.pkix = pkix;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      requireClientUsage(chain);
      pkix.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      requireClientUsage(chain);
      pkix.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      requireClientUsage(chain);
      pkix.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw serverRefused();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw serverRefused();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw serverRefused();
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return pkix.getAcceptedIssuers();
    }

    private static CertificateException serverRefused() {
      return new CertificateException("this trust manager checks client certificates only");
    }
  }
}
