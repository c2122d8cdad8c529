package io.github.httpswrapper.cli;

import io.github.httpswrapper.cert.CertificateSource;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code trust} prints: where the certificate to trust is, and the exact steps for curl, Java, Firefox
 * and Chromium. A local CA's root is trusted as an authority, once for every certificate it issues; any other
 * certificate is trusted as the server's own, and has to be trusted again when it is replaced.
 */
final class TrustSteps {
  private TrustSteps() {}

  static String render(TrustedCertificate trusted, Options options) {
    String file = Banner.shellQuote(trusted.file().toString());
    String alias = trusted.authority() ? "https-wrapper-local-ca" : "https-wrapper";
    List<String> lines = new ArrayList<>();
    lines.add("Trust " + trusted.what() + ":");
    line(lines, "file", trusted.file().toString());
    line(lines, "certificate", trusted.subject() + ", expires "
        + Banner.date(trusted.certificate().getNotAfter().toInstant()));
    line(lines, "SHA-256", trusted.sha256());
    if (trusted.authority()) {
      line(lines, "", "a certificate authority: trusted once, it vouches for every certificate it issues,"
          + " renewals included");
      for (String hint : CertificateSource.localCa().stateDirectory(options.stateDir()).trustHint().split("\n")) {
        line(lines, "", hint);
      }
    } else {
      line(lines, "", "the server's own certificate: trust it again when it is replaced (a new --name, a new"
          + " file); --local-ca avoids that");
    }
    lines.add("");
    line(lines, "curl", curl(trusted, options));
    line(lines, "Java", "keytool -importcert -cacerts -alias " + alias + " -file " + file);
    line(lines, "", "(asks for the JDK trust store's password, changeit unless changed; for one program only:"
        + " java -Djavax.net.ssl.trustStore=...)");
    if (trusted.authority()) {
      line(lines, "Firefox", "Settings > Privacy & Security > Certificates > View Certificates > Authorities >"
          + " Import, choose " + file + ", tick \"Trust this CA to identify websites\"");
      line(lines, "Chromium", "Settings > Privacy and security > Security > Manage certificates > Authorities >"
          + " Import, choose " + file + ", tick \"Trust this certificate for identifying websites\"");
      line(lines, "certutil", "certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n " + alias + " -i " + file);
      line(lines, "", "(the same for Chromium on Linux from a shell; certutil is in libnss3-tools or"
          + " nss-tools)");
    } else {
      line(lines, "Firefox", "open the address, check that the SHA-256 above matches the one Firefox shows"
          + " (View Certificate), then Advanced > Accept the Risk and Continue");
      line(lines, "Chromium", "Settings > Privacy and security > Security > Manage certificates > Servers >"
          + " Import, choose " + file);
      line(lines, "certutil", "certutil -d sql:$HOME/.pki/nssdb -A -t P,, -n " + alias + " -i " + file);
      line(lines, "", "(the same for Chromium on Linux from a shell: P,, trusts it as a server's certificate;"
          + " certutil is in libnss3-tools or nss-tools)");
    }
    return String.join("\n", lines) + "\n";
  }

  /**
   * A {@code curl} command for the address the server will listen on, as the banner prints it; with
   * {@code --listen} port 0, which is chosen at start, {@code PORT} stands in for it.
   */
  private static String curl(TrustedCertificate trusted, Options options) {
    HostPort listen = options.listen();
    boolean wildcard = listen.host().equals("0.0.0.0") || listen.host().equals("::");
    String host = wildcard ? "localhost" : listen.isIpv6() ? "[" + listen.host() + "]" : listen.host();
    if (listen.port() == 0) {
      return "curl --cacert " + Banner.shellQuote(trusted.file().toString()) + " https://" + host + ":PORT/";
    }
    URI uri = URI.create("https://" + host + ":" + listen.port() + "/");
    return Banner.curl(trusted.file(), uri, listen, wildcard, trusted.names());
  }

  private static void line(List<String> lines, String label, String text) {
    lines.add(String.format("  %-12s %s", label, text));
  }
}
