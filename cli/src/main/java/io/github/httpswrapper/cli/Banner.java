package io.github.httpswrapper.cli;

import io.github.httpswrapper.cert.Identity;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines printed once the wrapper serves: where, in front of what, with which certificate, how to try it
 * with {@code curl}, who may connect and what the access policy asks of them. Meant to be read at a glance,
 * so one fact per line, label first.
 *
 * @param listen the address as given, with the port actually bound
 * @param wildcard whether the wrapper listens on every address ({@code 0.0.0.0} or {@code ::})
 * @param loopback whether it listens on a loopback address only
 * @param certificateLabel {@code self-signed}, {@code local CA}, or the source's description such as
 *     {@code PEM cert.pem}
 * @param certificateFile a file holding the served chain (no key), or the local CA's root, for clients' trust
 * @param certificates the lines about the local CA, certificates chosen by server name, reloading and ACME
 * @param otherAddresses this machine's other addresses, shown when listening on every address
 * @param access the lines about the access policy: scenario, client certificates, redirect, HSTS
 * @param metricsPort the port of the metrics endpoint on 127.0.0.1, or -1 when there is none
 */
record Banner(
    String version,
    URI uri,
    HostPort listen,
    boolean wildcard,
    boolean loopback,
    HostPort target,
    boolean demo,
    Identity identity,
    String certificateLabel,
    Path certificateFile,
    CertificateLines certificates,
    List<String> allow,
    List<String> deny,
    List<InetAddress> otherAddresses,
    AccessLines access,
    int metricsPort) {

  /** Below this, the banner warns that the certificate is about to expire. */
  static final Duration EXPIRY_WARNING = Duration.ofDays(14);

  /** The banner as it is at {@code now}, lines ending in {@code \n}. */
  String render(Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add("https-wrapper " + version);
    line(lines, "serving", uri + "  ->  http://" + target + (demo ? "  (the built-in demo site)" : ""));
    for (InetAddress address : otherAddresses) {
      String ip = address.getHostAddress().replaceFirst("%.*$", "");
      // Clients that use an address the certificate does not name fail the host name check.
      String note = names(identity.names(), ip) ? ""
          : generated() ? "  (not in the certificate: add --name " + ip + ")" : "  (not in the certificate)";
      line(lines, "also at", "https://" + literal(address) + ":" + listen.port() + "/" + note);
    }
    Duration left = Duration.between(now, identity.notAfter());
    String issuer = identity.certificate().getIssuerX500Principal().getName();
    line(lines, "certificate", certificateLabel + ", " + identity.subject()
        + (issuer.equals(identity.subject()) ? "" : ", issued by " + issuer)
        + ", expires " + date(identity.notAfter()) + " (in " + span(left) + ")");
    if (!identity.names().isEmpty()) {
      line(lines, "names", String.join(", ", identity.names()));
    }
    line(lines, "SHA-256", identity.sha256Fingerprint());
    if (certificates.localCaRoot() == null) {
      line(lines, "cert file", certificateFile.toString());
    }
    for (String[] labelled : certificates.localCa()) {
      line(lines, labelled[0], labelled[1]);
    }
    for (String named : certificates.serverNames()) {
      line(lines, "sni", named);
    }
    if (certificates.reload() != null) {
      line(lines, "reload", certificates.reload());
    }
    if (certificates.acme() != null) {
      line(lines, "acme", certificates.acme());
      // A CA's certificate is trusted everywhere already, and the domain is what clients will type.
      line(lines, "try", "curl " + (identity.names().isEmpty() ? uri.toString()
          : "https://" + identity.names().get(0) + ":" + listen.port() + "/"));
    } else {
      line(lines, "try", curl(certificateFile, uri, listen, wildcard, identity.names()));
    }
    line(lines, "who", who());
    for (String[] labelled : access.labelled()) {
      line(lines, labelled[0], labelled[1]);
    }
    if (metricsPort >= 0) {
      line(lines, "metrics", "http://127.0.0.1:" + metricsPort + "/metrics (Prometheus text), /health");
    }
    if (demo) {
      line(lines, "demo",
          "to wrap your own service instead, add --target HOST:PORT, e.g. --target 127.0.0.1:4334");
    }
    if (left.compareTo(EXPIRY_WARNING) < 0) {
      line(lines, "WARNING", "the certificate expires in " + span(left) + " (" + date(identity.notAfter())
          + "): renew it, or clients will refuse the connection");
    }
    lines.add("Ctrl-C stops it.");
    return String.join("\n", lines) + "\n";
  }

  /** Whether the certificate is made here from {@code --name}s, so that adding one helps. */
  private boolean generated() {
    return certificateLabel.equals("self-signed") || certificateLabel.equals("local CA");
  }

  private static void line(List<String> lines, String label, String text) {
    lines.add(String.format("  %-12s %s", label, text));
  }

  /**
   * A {@code curl} command that trusts exactly the served certificate. When the certificate does not name the
   * host in the URL (a certificate for {@code blog.example} served on {@code 127.0.0.1}), {@code --resolve}
   * sends one of its names to the right address, so the host name check passes as it will for real clients.
   */
  static String curl(Path certificateFile, URI uri, HostPort listen, boolean wildcard, List<String> names) {
    String cacert = "curl --cacert " + shellQuote(certificateFile.toString()) + " ";
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
        : uri.getHost();
    if (names.isEmpty() || names(names, host)) {
      return cacert + uri;
    }
    String name = null;
    for (String candidate : names) {
      if (!candidate.contains(":") && !candidate.matches("[0-9.]+")) {
        name = candidate.startsWith("*.") ? "www" + candidate.substring(1) : candidate;
        break;
      }
    }
    if (name == null) {
      return cacert + "https://" + (names.get(0).contains(":") ? "[" + names.get(0) + "]" : names.get(0))
          + ":" + listen.port() + "/";
    }
    String ip = wildcard ? HostPort.LOOPBACK : listen.isIpv6() ? "[" + listen.host() + "]" : listen.host();
    return cacert + "--resolve " + name + ":" + listen.port() + ":" + ip + " https://" + name + ":"
        + listen.port() + "/";
  }

  private String who() {
    String reach = loopback ? "only this machine (listening on " + listen.host() + ")"
        : "everyone that can reach " + listen;
    String denied = deny.isEmpty() ? "" : ", except " + String.join(", ", deny) + " (--deny)";
    if (!allow.isEmpty()) {
      return "only clients in " + String.join(", ", allow) + " (--allow)" + denied;
    }
    if (deny.isEmpty() && !loopback) {
      return reach + " (no --allow)";
    }
    return reach + denied;
  }

  /**
   * Whether the certificate's names cover {@code host}. IP addresses are compared as addresses, since one
   * IPv6 address has several spellings ({@code ::1}, {@code 0:0:0:0:0:0:0:1}).
   */
  static boolean names(List<String> names, String host) {
    if (names.contains(host)) {
      return true;
    }
    InetAddress address = ipLiteral(host);
    for (String name : names) {
      if (address != null && address.equals(ipLiteral(name))) {
        return true;
      }
    }
    return false;
  }

  /** The address an IP literal stands for; {@code null} for a host name, which is never looked up. */
  private static InetAddress ipLiteral(String text) {
    boolean literal =
        text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || text.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    if (!literal) {
      return null;
    }
    try {
      return InetAddress.getByName(text);
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  private static String literal(InetAddress address) {
    String text = address.getHostAddress().replaceFirst("%.*$", "");
    return address instanceof Inet6Address ? "[" + text + "]" : text;
  }

  static String date(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  private static String span(Duration d) {
    if (d.isNegative()) {
      return "0 days";
    }
    long days = d.toDays();
    if (days >= 1) {
      return days + (days == 1 ? " day" : " days");
    }
    long hours = d.toHours();
    return hours + (hours == 1 ? " hour" : " hours");
  }

  static String shellQuote(String text) {
    return text.matches("[A-Za-z0-9_./:@%+=,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
