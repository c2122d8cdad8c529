package io.github.httpswrapper.cli;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The banner's lines about certificates beyond the main one: the local CA's root and how to trust it, one line
 * per {@code --sni} name, whether certificate files are watched, and where an ACME certificate comes from.
 *
 * @param localCaRoot the local CA's root certificate file, or {@code null} without {@code --local-ca}
 * @param serverNames one text per {@code --sni} name: the name, the source, subject and expiry
 * @param reload whether certificate files are watched, or {@code null} when none is served
 * @param acme where the ACME certificate comes from, or {@code null} without {@code --acme}
 */
record CertificateLines(Path localCaRoot, List<String> serverNames, String reload, String acme) {

  /** No line: a self-signed certificate and nothing else. */
  static final CertificateLines NONE = new CertificateLines(null, List.of(), null, null);

  /** The lines for a started {@code wrapper} that serves {@code source} as its main certificate. */
  static CertificateLines of(Options options, CertificateSource source, HttpsWrapper wrapper) {
    Path root = source instanceof CertificateSource.LocalCa
        ? ((CertificateSource.LocalCa) source).rootCertificateFile().toAbsolutePath()
        : null;
    List<String> named = new ArrayList<>();
    for (ServerNameCertificate sni : options.serverNames()) {
      Identity identity = wrapper.identity(probe(sni.name()));
      String fits = sni.name().startsWith("*.") || Banner.names(identity.names(), sni.name()) ? ""
          : " (does not name " + sni.name() + ": clients will refuse it)";
      named.add(sni.name() + ": " + WrapperSetup.serverNameSource(sni).description() + ", " + identity.subject()
          + ", expires " + Banner.date(identity.notAfter()) + fits);
    }
    boolean files = !source.watchedFiles().isEmpty() || !options.serverNames().isEmpty();
    String acme = null;
    if (options.acme() != null) {
      acme = "from " + options.acme().directory() + ", renewed before it expires; the CA checks port 80 of "
          + String.join(", ", options.names()) + ", which must reach the redirect port";
    }
    return new CertificateLines(root, List.copyOf(named), files ? reload(options.reloadInterval()) : null, acme);
  }

  /** What the banner says about watching certificate files, for {@code --reload-interval} or its default. */
  static String reload(Duration interval) {
    Duration every = interval == null ? Options.DEFAULT_RELOAD_INTERVAL : interval;
    if (every.isZero()) {
      return "off (--reload-interval 0): restart to serve a changed certificate file";
    }
    return "certificate files are checked every " + Durations.text(every)
        + "; a renewed certificate is served without a restart";
  }

  /**
   * The lines that introduce the local CA: its root, which clients trust once, and how; {@code ROOT} on the
   * second line stands for the file on the first.
   */
  List<String[]> localCa() {
    if (localCaRoot == null) {
      return List.of();
    }
    return List.of(
        new String[] {"local CA", "root " + Banner.shellQuote(localCaRoot.toString()) + ", to trust once"},
        new String[] {"trust", "curl --cacert ROOT; keytool -importcert -cacerts -file ROOT; browsers: import as"
            + " authority"});
  }

  /** A server name that {@code name} matches: itself, or for a wildcard one label in its place. */
  private static String probe(String name) {
    return name.startsWith("*.") ? "sni-probe" + name.substring(1) : name;
  }
}
