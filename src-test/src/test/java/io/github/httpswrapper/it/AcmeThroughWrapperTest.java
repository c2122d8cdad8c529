package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.internal.acme.Pebble;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate from a real ACME server (pebble, on loopback) served by the wrapper: issued through the
 * wrapper's own plain-HTTP listener (HTTP-01), renewed on demand, and still served after the ACME server is
 * gone.
 */
@Timeout(180)
class AcmeThroughWrapperTest {
  private static final String DOMAIN = "blog.example.org";

  @TempDir Path pebbleDirectory;
  @TempDir Path stateDirectory;

  @Test
  void certificateIsIssuedServedRenewedAndKeptWhenTheAcmeServerStops() throws Exception {
    Assumptions.assumeTrue(Pebble.installed(), "the pebble package is not installed");
    int httpPort = Pebble.freePort();
    try (JdkTarget target = JdkTarget.start(exchange -> JdkTarget.respond(exchange, 200, "blog"))) {
      HttpsWrapper wrapper;
      SSLContext trustingPebble;
      String first;
      String renewed;
      try (Pebble pebble = Pebble.start(pebbleDirectory, httpPort)) {
        CertificateSource.Acme acme =
            CertificateSource.acme(pebble.directory(), DOMAIN)
                .acceptTermsOfService()
                .trustedRoots(pebble.apiCertificate())
                .stateDirectory(stateDirectory)
                // Always due, so that every explicit reload asks for a new certificate.
                .renewBefore(Duration.ofDays(100_000));
        wrapper =
            HttpsWrapper.forTarget("127.0.0.1", target.port())
                .certificate(acme)
                .redirectHttp(httpPort)
                .certificateReloadInterval(Duration.ZERO)
                .start();
        trustingPebble = trusting(pebble.issuingRoot());

        first = get(wrapper, trustingPebble);
        assertEquals(wrapper.identity().sha256Fingerprint(), first);

        wrapper.reloadCertificates();
        renewed = get(wrapper, trustingPebble);
        assertNotEquals(first, renewed, "a renewal gives a new certificate");
      }
      try (wrapper) {
        // The ACME server is gone: renewing fails, the stored certificate stays in service.
        wrapper.reloadCertificates();
        assertEquals(renewed, get(wrapper, trustingPebble));
      }
    }
  }

  /** GET / by the domain name over TLS, checking the name; returns the served certificate's fingerprint. */
  private static String get(HttpsWrapper wrapper, SSLContext context) throws Exception {
    Socket plain = new Socket(Ports.LOOPBACK, wrapper.port());
    try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, DOMAIN, wrapper.port(), true)) {
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName(DOMAIN)));
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      tls.setSSLParameters(parameters);
      tls.setSoTimeout(10_000);
      tls.getOutputStream()
          .write(("GET / HTTP/1.1\r\nHost: " + DOMAIN + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      String response = new String(tls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(response.startsWith("HTTP/1.1 200 ") && response.endsWith("blog"), response);
      X509Certificate served = (X509Certificate) tls.getSession().getPeerCertificates()[0];
      return fingerprint(served);
    }
  }

  private static SSLContext trusting(X509Certificate root) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("pebble", root);
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static String fingerprint(X509Certificate certificate) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
  }
}
