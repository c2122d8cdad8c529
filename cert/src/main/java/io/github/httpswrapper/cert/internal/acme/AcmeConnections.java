package io.github.httpswrapper.cert.internal.acme;

import io.github.httpswrapper.cert.internal.CaBundle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.connector.HttpConnector;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * Opens ACME sessions whose HTTPS connections to the CA trust what the configuration says.
 *
 * <p>By default that is the JDK's trust store, which holds the public CAs that run ACME servers. A private or
 * test CA (an in-house ACME server, pebble) serves its API with a certificate from its own root; then exactly the
 * roots in the {@code trustedRoots} PEM bundle are trusted, and host names are still checked.
 */
final class AcmeConnections {
  private AcmeConnections() {}

  /**
   * A session with the CA at {@code directory}.
   *
   * @param trustedRoots a PEM bundle, or {@code null} for the JDK's trust store
   * @throws io.github.httpswrapper.cert.CertificateMaterialException when the bundle cannot be read
   */
  static Session open(URI directory, Path trustedRoots) {
    SSLContext context = trustedRoots == null ? null : trusting(CaBundle.load(trustedRoots));
    return new Session(directory, new Provider(context));
  }

  private static SSLContext trusting(List<X509Certificate> roots) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < roots.size(); i++) {
        store.setCertificateEntry("root-" + i, roots.get(i));
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      // An empty in-memory store and the JDK's default algorithms cannot fail.
      throw new IllegalStateException("cannot build trust material for the ACME server", e);
    }
  }

  /** acme4j's provider for plain https:// directory URLs, with the chosen trust material. */
  private static final class Provider extends GenericAcmeProvider {
    private final SSLContext context;

    Provider(SSLContext context) {
      this.context = context;
    }

    @Override
    protected HttpConnector createHttpConnector(NetworkSettings settings) {
      return new HttpConnector(settings) {
        @Override
        public HttpClient.Builder createClientBuilder() {
          HttpClient.Builder builder = super.createClientBuilder();
          return context == null ? builder : builder.sslContext(context);
        }
      };
    }
  }
}
