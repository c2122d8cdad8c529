package io.github.httpswrapper.internal.client;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.TrustedCertificates;
import io.github.httpswrapper.internal.tls.WatchedMaterial;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.StringJoiner;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * One CA bundle that client certificates are checked against, and the CAs it held when it was last read.
 *
 * <p>Every rule made from one {@code ClientCertificates.issuedBy(file)} shares one bundle, and the TLS layer
 * reads the same bundles (see {@link ClientTrust}), so a rule and the handshake never disagree about which CAs
 * are trusted. A running wrapper reads the file again when it changes; what it reads replaces the CAs only when
 * it parses, as a whole, at once.
 */
public final class TrustBundle implements WatchedMaterial {
  private final Path file;
  private final String source;
  private volatile Issuers current;

  /** The CA certificates of one reading of a bundle, and the PKIX check made of them. */
  record Issuers(List<X509Certificate> certificates, X509ExtendedTrustManager trust) {
    static Issuers of(List<X509Certificate> certificates) {
      List<X509Certificate> copy = List.copyOf(certificates);
      return new Issuers(copy, ClientTrust.forIssuers(copy));
    }

    /** {@code CN=Clients CA, CN=Old CA}: the subjects, for messages. */
    String describe() {
      StringJoiner names = new StringJoiner(", ");
      certificates.forEach(c -> names.add(c.getSubjectX500Principal().getName()));
      return names.toString();
    }
  }

  private TrustBundle(Path file, String source, List<X509Certificate> certificates) {
    this.file = file;
    this.source = source;
    this.current = Issuers.of(certificates);
  }

  /**
   * Reads the bundle in {@code file}.
   *
   * @throws CertificateMaterialException naming the file, when it is missing, empty, or holds anything but
   *     certificates
   */
  static TrustBundle load(Path file) {
    return new TrustBundle(file, file.toString(), TrustedCertificates.load(file));
  }

  /**
   * CAs that no file backs, so they never change.
   *
   * @param source names them in messages
   * @throws IllegalArgumentException when {@code certificates} is empty
   */
  static TrustBundle fixed(List<X509Certificate> certificates, String source) {
    return new TrustBundle(null, source, certificates);
  }

  /** The CAs in service now. */
  Issuers current() {
    return current;
  }

  /** The file name, or what names fixed CAs, e.g. {@code clients-ca.pem}. */
  String source() {
    return source;
  }

  @Override
  public String description() {
    return "CA bundle " + source;
  }

  @Override
  public List<Path> watchedFiles() {
    return file == null ? List.of() : List.of(file);
  }

  @Override
  public String inService() {
    return current.describe();
  }

  @Override
  public synchronized boolean reload() {
    if (file == null) {
      return false;
    }
    List<X509Certificate> read = TrustedCertificates.load(file);
    if (read.equals(current.certificates())) {
      return false;
    }
    current = Issuers.of(read);
    return true;
  }
}
