package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads trust material: a bundle of CA certificates in PEM, the kind {@code curl --cacert} and
 * {@code ssl_client_certificate} take. The PEM rules are those of identity material ({@link PemContents}); what
 * differs is that a private key has no place here.
 */
public final class CaBundle {
  private static final Logger log = LoggerFactory.getLogger(CaBundle.class);
  private static final String EXPECTED = "one or more -----BEGIN CERTIFICATE----- blocks (a CA bundle)";

  private CaBundle() {}

  /** The certificates of a PEM file. */
  public static List<X509Certificate> load(Path file) {
    return checked(PemContents.read(file, EXPECTED));
  }

  /** The certificates of PEM text; {@code source} names it in messages. */
  public static List<X509Certificate> parse(String text, String source) {
    return checked(PemContents.parse(text, source, EXPECTED));
  }

  private static List<X509Certificate> checked(PemContents pem) {
    if (!pem.keys.isEmpty()) {
      String type = pem.keys.get(0).type;
      throw new CertificateMaterialException(
          pem.source + " holds " + ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type + " block: a CA"
              + " bundle holds only CERTIFICATE blocks; remove the key (a private key should never be handed to"
              + " the side that checks certificates)");
    }
    if (pem.certificates.isEmpty()) {
      throw new CertificateMaterialException(pem.source + " holds no certificate: expected " + EXPECTED);
    }
    for (X509Certificate certificate : pem.certificates) {
      if (certificate.getBasicConstraints() < 0) {
        log.warn("{}: {} is not a CA certificate (it lacks basicConstraints CA:TRUE), so it cannot have issued"
                + " other certificates: only a client presenting exactly this certificate will be accepted",
            pem.source, certificate.getSubjectX500Principal().getName());
      }
    }
    return pem.certificates;
  }
}
