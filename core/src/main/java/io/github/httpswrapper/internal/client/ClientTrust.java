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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The CA bundles with which the server's TLS layer checks client certificates, and the trust managers made of
 * them.
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
 * <p><b>Bundles change.</b> A bundle file may be read again while the wrapper runs ({@link TrustBundle}). The TLS
 * layer trusts a {@link Snapshot}: the CAs of every bundle at one moment, which one {@code SSLContext} is built
 * with. A handshake records its snapshot in its session ({@link #checkedBy}), and the rules judge that
 * connection's requests against the same snapshot, so a connection made before a change keeps being judged by
 * the CAs that let it in, and one made after is judged by the new ones.
 *
 * <p>The trust managers check client certificates only; asked about a server, they refuse.
 */
public final class ClientTrust {
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
  private static final String SESSION_VALUE = ClientTrust.class.getName();

  private final List<TrustBundle> bundles;
  private volatile Snapshot snapshot;

  private ClientTrust(List<TrustBundle> bundles) {
    this.bundles = bundles;
    this.snapshot = Snapshot.of(bundles);
  }

  /**
   * The bundles of every rule of {@code plan} that can accept a client certificate. Each rule checks its own
   * bundle again per request ({@link CertificateMatcher#refusal}).
   *
   * @throws IllegalArgumentException when no rule of {@code plan} accepts client certificates
   */
  public static ClientTrust of(PolicyPlan plan) {
    Set<TrustBundle> bundles = Collections.newSetFromMap(new IdentityHashMap<>());
    List<TrustBundle> ordered = new ArrayList<>();
    for (AccessRule rule : plan.rules()) {
      if (rule.outcome().certificate() && rule.certificates() != null) {
        TrustBundle bundle = CertificateMatcher.of(rule.certificates()).bundle();
        if (bundles.add(bundle)) {
          ordered.add(bundle);
        }
      }
    }
    if (ordered.isEmpty()) {
      throw new IllegalArgumentException(
          "no issuers: a client certificate rule needs at least one CA certificate");
    }
    return new ClientTrust(List.copyOf(ordered));
  }

  /** The bundles, for the watcher to read again when their files change. */
  public List<TrustBundle> bundles() {
    return bundles;
  }

  /** The CAs of every bundle as they are now; the same instance until a bundle changes. */
  public Snapshot current() {
    Snapshot now = snapshot;
    if (now.isCurrent()) {
      return now;
    }
    synchronized (this) {
      now = snapshot;
      if (!now.isCurrent()) {
        now = Snapshot.of(bundles);
        snapshot = now;
      }
      return now;
    }
  }

  /**
   * The snapshot against which the handshake of {@code session} checked the client's certificate; {@code null}
   * when it checked none, or when the session was resumed without its recorded value.
   */
  public static Snapshot checkedBy(SSLSession session) {
    Object value = session == null ? null : session.getValue(SESSION_VALUE);
    return value instanceof Snapshot ? (Snapshot) value : null;
  }

  /** The CAs of a set of bundles at one moment, and the trust manager that accepts any of them. */
  public static final class Snapshot {
    private final Map<TrustBundle, TrustBundle.Issuers> issuers;
    private final X509ExtendedTrustManager trust;

    private Snapshot(Map<TrustBundle, TrustBundle.Issuers> issuers, List<X509Certificate> union) {
      this.issuers = issuers;
      this.trust = new ClientOnly(pkix(union), this);
    }

    static Snapshot of(List<TrustBundle> bundles) {
      Map<TrustBundle, TrustBundle.Issuers> issuers = new IdentityHashMap<>();
      Set<X509Certificate> union = new LinkedHashSet<>();
      for (TrustBundle bundle : bundles) {
        TrustBundle.Issuers now = bundle.current();
        issuers.put(bundle, now);
        union.addAll(now.certificates());
      }
      return new Snapshot(Collections.unmodifiableMap(issuers), new ArrayList<>(union));
    }

    /** The trust managers for an {@code SSLContext}; a handshake they accept records this snapshot. */
    public TrustManager[] trustManagers() {
      return new TrustManager[] {trust};
    }

    /** What {@code bundle} held when this snapshot was taken; {@code null} when it is not one of them. */
    TrustBundle.Issuers issuersOf(TrustBundle bundle) {
      return issuers.get(bundle);
    }

    private boolean isCurrent() {
      for (Map.Entry<TrustBundle, TrustBundle.Issuers> entry : issuers.entrySet()) {
        if (entry.getKey().current() != entry.getValue()) {
          return false;
        }
      }
      return true;
    }
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
    return new ClientOnly(pkix(issuers), null);
  }

  private static X509ExtendedTrustManager pkix(List<X509Certificate> issuers) {
    Set<TrustAnchor> anchors = new LinkedHashSet<>();
    issuers.forEach(c -> anchors.add(new TrustAnchor(c, null)));
    try {
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, new X509CertSelector());
      parameters.setRevocationEnabled(false);
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(new CertPathTrustManagerParameters(parameters));
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager) {
          return (X509ExtendedTrustManager) manager;
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
    private final Snapshot recorded;

    /** @param recorded put into the session of each handshake this accepts, or {@code null} */
    ClientOnly(X509ExtendedTrustManager pkix, Snapshot recorded) {
      this.pkix = pkix;
      this.recorded = recorded;
    }

    private void record(SSLSession handshake) {
      if (recorded != null && handshake != null) {
        handshake.putValue(SESSION_VALUE, recorded);
      }
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
      record(socket instanceof SSLSocket ? ((SSLSocket) socket).getHandshakeSession() : null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      requireClientUsage(chain);
      pkix.checkClientTrusted(chain, authType, engine);
      record(engine == null ? null : engine.getHandshakeSession());
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
