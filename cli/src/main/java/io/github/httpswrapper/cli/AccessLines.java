package io.github.httpswrapper.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The banner's lines about who is served request by request, each a label and a text; a {@code null} text
 * means the line is left out. {@code policy} is always there: the scenario in force and who may connect, in
 * words.
 *
 * @param note a warning when the policy and the listen address do not fit together
 * @param clientCertificates which client certificates are accepted
 * @param proxies which proxies may name the client
 * @param redirect the plain-HTTP redirect listener
 * @param hsts whether browsers are told to use only HTTPS
 */
record AccessLines(
    String policy, String note, String clientCertificates, String proxies, String redirect, String hsts) {

  /**
   * The lines for {@code options}.
   *
   * @param loopbackOnly whether the wrapper listens on a loopback address only
   * @param htpasswdUsers how many users the {@code --htpasswd} file holds now
   * @param redirectPort the port the redirect listener got, or -1 when there is none
   */
  static AccessLines of(Options options, boolean loopbackOnly, int htpasswdUsers, int redirectPort) {
    AccessOptions access = options.access();
    ProtocolOptions protocol = options.protocol();
    String note = null;
    if (access.scenario().asksRemoteClients() && loopbackOnly && protocol.trustedProxies().isEmpty()) {
      // Every client of a loopback address is on this machine, so the policy will never ask anyone.
      note = "listening on " + options.listen().host() + ", every client is on this machine and none is asked;"
          + " add --listen 0.0.0.0:" + options.listen().port() + " to serve other machines";
    }
    String redirect = null;
    if (redirectPort >= 0) {
      HostPort at = new HostPort(options.listen().host(), redirectPort);
      redirect = "http://" + at + "/ -> https";
    }
    Duration hsts = protocol.tcp() ? null : AccessSetup.hsts(access);
    return new AccessLines(
        policy(access, protocol, htpasswdUsers),
        note,
        access.clientCa() == null ? null : clientCertificates(access),
        protocol.trustedProxies().isEmpty() ? null : proxies(protocol),
        redirect,
        hsts == null ? null : hsts(hsts));
  }

  /** The lines as {@code {label, text}} pairs, in the order the banner shows them. */
  List<String[]> labelled() {
    List<String[]> lines = new ArrayList<>();
    add(lines, "policy", policy);
    add(lines, "note", note);
    add(lines, "client certs", clientCertificates);
    add(lines, "proxies", proxies);
    add(lines, "redirect", redirect);
    add(lines, "hsts", hsts);
    return lines;
  }

  private static void add(List<String[]> lines, String label, String text) {
    if (text != null) {
      lines.add(new String[] {label, text});
    }
  }

  private static String policy(AccessOptions access, ProtocolOptions protocol, int htpasswdUsers) {
    if (protocol.tcp()) {
      return "none: --tcp relays bytes without reading HTTP; only --allow and --deny apply";
    }
    if (!access.scenario().asksRemoteClients()) {
      return "trusted-network: everyone who can connect is served, without a password";
    }
    String need;
    if (access.clientCa() == null) {
      need = "a password";
    } else {
      need = access.hasUsers() ? "a password or a client certificate" : "a client certificate";
    }
    return access.scenario().text + ": this machine without a password; other addresses need " + need
        + users(access, htpasswdUsers);
  }

  private static String users(AccessOptions access, int htpasswdUsers) {
    if (access.htpasswd() != null) {
      return " (" + count(htpasswdUsers, "user") + " in " + access.htpasswd() + ")";
    }
    return access.users().isEmpty() ? "" : " (" + count(access.users().size(), "user") + " from --user)";
  }

  /** As the library words it: the listed identities form one allow-list, any one of them will do. */
  private static String clientCertificates(AccessOptions access) {
    List<String> wanted = new ArrayList<>();
    access.clientCommonNames().forEach(name -> wanted.add("CN " + name));
    access.clientSpkiPins().forEach(pin -> wanted.add("SPKI sha256 " + pin));
    return "issued by " + access.clientCa() + (wanted.isEmpty() ? "" : " with " + String.join(" or ", wanted));
  }

  private static String proxies(ProtocolOptions protocol) {
    return String.join(", ", protocol.trustedProxies()) + " may name the client ("
        + (protocol.proxyProtocol() ? "PROXY protocol" : "Forwarded, X-Forwarded-For") + ")";
  }

  private static String hsts(Duration maxAge) {
    if (maxAge.isZero()) {
      return "max-age 0: browsers forget an earlier HSTS for this host";
    }
    String age = maxAge.toSeconds() % 86400 == 0 ? count(maxAge.toDays(), "day")
        : count(maxAge.toSeconds(), "second");
    return "on, " + age + ": browsers that trust the certificate will use only HTTPS for this host";
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
