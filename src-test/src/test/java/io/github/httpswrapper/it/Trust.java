package io.github.httpswrapper.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust material for test clients: an {@link SSLContext} or {@link HttpClient} that trusts exactly the given
 * certificates and nothing else (no system CAs, no trust-all manager). Host names are still verified.
 */
final class Trust {
  private static final Pattern CERTIFICATE_BLOCK =
      Pattern.compile("-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----", Pattern.DOTALL);

  private Trust() {}

  /** A TLS context whose only trust anchors are {@code certificates}. */
  static SSLContext trusting(List<X509Certificate> certificates) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("trusted-" + i, certificates.get(i));
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a trust store", e);
    }
  }

  /** A TLS context that trusts the certificates found in a PEM file (other PEM blocks, such as keys, are skipped). */
  static SSLContext trusting(Path pemFile) {
    return trusting(certificates(pemFile));
  }

  /** The CERTIFICATE blocks of a PEM file, in file order. Fails when there are none. */
  static List<X509Certificate> certificates(Path pemFile) {
    String text;
    try {
      text = Files.readString(pemFile, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<X509Certificate> result = new ArrayList<>();
    Matcher m = CERTIFICATE_BLOCK.matcher(text);
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      while (m.find()) {
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        result.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("bad certificate in " + pemFile, e);
    }
    if (result.isEmpty()) {
      throw new IllegalStateException("no CERTIFICATE block in " + pemFile);
    }
    return result;
  }

  /** An HTTP/1.1 client using {@code context}, with a short connect timeout. */
  static HttpClient client(SSLContext context) {
    return HttpClient.newBuilder()
        .sslContext(context)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** An HTTP/1.1 client trusting only the certificates in {@code pemFile}. */
  static HttpClient client(Path pemFile) {
    return client(trusting(pemFile));
  }
}
