package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BannerTest {
  @TempDir static Path stateDir;
  private static Identity identity;

  @BeforeAll
  static void makeCertificate() {
    identity = CertificateSource.selfSigned().stateDirectory(stateDir).names("blog.home.arpa").load();
  }

  @Test
  void wildcardListenShowsOtherAddressesAndWhoCanConnect() throws Exception {
    String text =
        banner(new HostPort("0.0.0.0", 8443), true, false, List.of(), List.of(),
            List.of(InetAddress.getByName("192.168.1.5")))
            .render(Instant.now());
    assertTrue(
        text.contains(
            "  also at      https://192.168.1.5:8443/  (not in the certificate: add --name 192.168.1.5)\n"),
        text);
    assertTrue(text.contains("  who          everyone that can reach 0.0.0.0:8443 (no --allow)\n"), text);
    assertTrue(text.contains("  names        localhost, 127.0.0.1, ::1, "), text);
    assertFalse(text.contains("WARNING"), text);
  }

  @Test
  void allowAndDenyListsAreShown() {
    String text =
        banner(new HostPort("0.0.0.0", 8443), true, false, List.of("192.168.1.0/24"), List.of("192.168.1.13"),
            List.of())
            .render(Instant.now());
    assertTrue(
        text.contains("  who          only clients in 192.168.1.0/24 (--allow), except 192.168.1.13 (--deny)\n"),
        text);
  }

  @Test
  void warnsWhenTheCertificateExpiresWithinTwoWeeks() {
    Instant fiveDaysBefore = identity.notAfter().minus(Duration.ofDays(5)).minusSeconds(60);
    String text =
        banner(new HostPort("127.0.0.1", 8443), false, true, List.of(), List.of(), List.of())
            .render(fiveDaysBefore);
    assertTrue(text.contains("  WARNING      the certificate expires in 5 days ("), text);
  }

  @Test
  void curlUsesResolveWhenTheCertificateDoesNotNameTheUrlsHost() {
    String curl =
        Banner.curl(Path.of("/c.pem"), URI.create("https://10.0.0.2:8443/"), new HostPort("10.0.0.2", 8443),
            false, List.of("*.example.org"));
    assertEquals(
        "curl --cacert /c.pem --resolve www.example.org:8443:10.0.0.2 https://www.example.org:8443/", curl);
  }

  @Test
  void ipAddressesMatchTheCertificateNamesWhateverTheirSpelling() {
    assertTrue(Banner.names(List.of("localhost", "::1"), "0:0:0:0:0:0:0:1"));
    assertTrue(Banner.names(List.of("fd00::7"), "FD00:0:0:0:0:0:0:7"));
    assertTrue(Banner.names(List.of("localhost"), "localhost"));
    assertFalse(Banner.names(List.of("localhost", "127.0.0.1"), "127.0.0.2"));
    assertFalse(Banner.names(List.of("::1"), "blog.example"));
  }

  @Test
  void curlQuotesAPathWithSpaces() {
    String curl =
        Banner.curl(Path.of("/my certs/c.pem"), URI.create("https://127.0.0.1:8443/"),
            new HostPort("127.0.0.1", 8443), false, List.of("localhost", "127.0.0.1"));
    assertEquals("curl --cacert '/my certs/c.pem' https://127.0.0.1:8443/", curl);
  }

  @Test
  void trustedNetworkSaysEveryoneIsServedWithoutAPassword() throws UsageException {
    String text = render(ArgumentParser.parse("--listen", "0.0.0.0:8443"), false, 0, -1);
    assertTrue(
        text.contains("  policy       trusted-network: everyone who can connect is served, without a password\n"),
        text);
    assertFalse(text.contains("hsts"), text);
    assertFalse(text.contains("redirect"), text);
  }

  @Test
  void localOpenSaysWhoNeedsAPasswordAndHowManyUsersThereAre() throws UsageException {
    Options options =
        ArgumentParser.parse(
            "--listen", "0.0.0.0:8443", "--policy", "local-open", "--htpasswd", "/etc/https-wrapper/htpasswd");
    String text = render(options, false, 2, -1);
    assertTrue(
        text.contains(
            "  policy       local-open: this machine without a password; other addresses need a password (2 users"
                + " in /etc/https-wrapper/htpasswd)\n"),
        text);
    assertFalse(text.contains("  note "), text);
    assertFalse(text.contains("hsts"), text);
  }

  @Test
  void hostileNetworkShowsClientCertificatesRedirectAndHsts() throws UsageException {
    Options options =
        ArgumentParser.parse(
            "--listen", "0.0.0.0:8443", "--policy", "hostile-network", "--user",
            "alice:" + PolicyOptionsTest.HASH, "--client-ca", "ca.pem", "--client-cn", "alice",
            "--client-cn", "laptop", "--client-spki", "sha256//" + PolicyOptionsTest.PIN, "--redirect-http",
            "8080");
    String text = render(options, false, 0, 8080);
    assertTrue(
        text.contains(
            "  policy       hostile-network: this machine without a password; other addresses need a password or"
                + " a client certificate (1 user from --user)\n"),
        text);
    assertTrue(
        text.contains(
            "  client certs issued by ca.pem with CN alice or CN laptop or SPKI sha256 " + PolicyOptionsTest.PIN
                + "\n"),
        text);
    assertTrue(text.contains("  redirect     http://0.0.0.0:8080/ -> https\n"), text);
    assertTrue(
        text.contains(
            "  hsts         on, 365 days: browsers that trust the certificate will use only HTTPS for this"
                + " host\n"),
        text);
  }

  @Test
  void clientCertificatesAloneAreTheOnlyWayIn() throws UsageException {
    Options options =
        ArgumentParser.parse("--listen", "[::]:8443", "--policy", "local-open", "--client-ca", "ca.pem");
    String text = render(options, false, 0, -1);
    assertTrue(
        text.contains(
            "  policy       local-open: this machine without a password; other addresses need a client"
                + " certificate\n"),
        text);
  }

  @Test
  void aPolicyOnLoopbackOnlyWarnsThatNobodyWillBeAsked() throws UsageException {
    Options options = ArgumentParser.parse("--policy", "local-open", "--user", "alice:" + PolicyOptionsTest.HASH);
    String text = render(options, true, 0, -1);
    assertTrue(
        text.contains(
            "  note         listening on 127.0.0.1, every client is on this machine and none is asked; add"
                + " --listen 0.0.0.0:8443 to serve other machines\n"),
        text);
  }

  @Test
  void trustedProxiesAndTheirProtocolAreShown() throws UsageException {
    Options options =
        ArgumentParser.parse("--trusted-proxy", "10.0.0.2,10.0.0.3", "--proxy-protocol", "--hsts=0d");
    String text = render(options, true, 0, -1);
    assertTrue(text.contains("  proxies      10.0.0.2, 10.0.0.3 may name the client (PROXY protocol)\n"), text);
    assertTrue(text.contains("  hsts         max-age 0: browsers forget an earlier HSTS for this host\n"), text);
  }

  @Test
  void tcpSaysThatNoRequestIsChecked() throws UsageException {
    String text = render(ArgumentParser.parse("--tcp"), true, 0, -1);
    assertTrue(
        text.contains(
            "  policy       none: --tcp relays bytes without reading HTTP; only --allow and --deny apply\n"),
        text);
  }

  @Test
  void localCaShowsItsRootInsteadOfTheCertFileAndSuggestsNamesForOtherAddresses() throws Exception {
    Path root = Path.of("/srv/my state/local-ca/root-certificate.pem");
    String text =
        new Banner("1.0", URI.create("https://0.0.0.0:8443/"), new HostPort("0.0.0.0", 8443), true, false,
            new HostPort("127.0.0.1", 4334), false, identity, "local CA", root,
            new CertificateLines(root, List.of(), null, null), List.of(), List.of(),
            List.of(InetAddress.getByName("192.168.1.5")),
            AccessLines.of(Options.infoOnly(false, false), false, 0, -1), -1)
            .render(Instant.now());
    assertTrue(
        text.contains(
            "  local CA     root '/srv/my state/local-ca/root-certificate.pem', to trust once\n"
                + "  trust        curl --cacert ROOT; keytool -importcert -cacerts -file ROOT; browsers: import as"
                + " authority\n"),
        text);
    assertFalse(text.contains("cert file"), text);
    assertTrue(text.contains("  try          curl --cacert '/srv/my state/local-ca/root-certificate.pem' "), text);
    assertTrue(text.contains("(not in the certificate: add --name 192.168.1.5)"), text);
  }

  @Test
  void acmeIsTriedWithoutCacertSinceItsCaIsTrustedAlready() {
    String text =
        new Banner("1.0", URI.create("https://0.0.0.0:8443/"), new HostPort("0.0.0.0", 8443), true, false,
            new HostPort("127.0.0.1", 4334), false, identity, "ACME certificate", stateDir.resolve("c.pem"),
            new CertificateLines(null, List.of("blog.example.org: PEM blog.pem"), null, "from https://acme.test/"),
            List.of(), List.of(), List.of(), AccessLines.of(Options.infoOnly(false, false), false, 0, -1), -1)
            .render(Instant.now());
    assertTrue(text.contains("  sni          blog.example.org: PEM blog.pem\n"), text);
    assertTrue(text.contains("  acme         from https://acme.test/\n"), text);
    assertTrue(text.contains("  try          curl https://" + identity.names().get(0) + ":8443/\n"), text);
    assertFalse(text.contains("--cacert"), text);
  }

  @Test
  void theMetricsEndpointIsShownWhenThereIsOne() {
    HostPort listen = new HostPort("127.0.0.1", 8443);
    String text =
        new Banner("1.0", URI.create("https://127.0.0.1:8443/"), listen, false, true,
            new HostPort("127.0.0.1", 4334), false, identity, "self-signed", stateDir.resolve("certificate.pem"),
            CertificateLines.NONE, List.of(), List.of(), List.of(),
            AccessLines.of(Options.infoOnly(false, false), true, 0, -1), 9100)
            .render(Instant.now());
    assertTrue(text.contains("  metrics      http://127.0.0.1:9100/metrics (Prometheus text), /health\n"), text);
    assertFalse(banner(listen, false, true, List.of(), List.of(), List.of()).render(Instant.now())
        .contains("metrics"));
  }

  private static String render(Options options, boolean loopback, int htpasswdUsers, int redirectPort) {
    HostPort listen = options.listen();
    return new Banner("1.0", URI.create("https://localhost:" + listen.port() + "/"), listen, !loopback, loopback,
        new HostPort("127.0.0.1", 4334), false, identity, "self-signed", stateDir.resolve("certificate.pem"),
        CertificateLines.NONE,
        List.of(), List.of(), List.of(), AccessLines.of(options, loopback, htpasswdUsers, redirectPort), -1)
        .render(Instant.now());
  }

  private static Banner banner(
      HostPort listen, boolean wildcard, boolean loopback, List<String> allow, List<String> deny,
      List<InetAddress> others) {
    Options defaults = Options.infoOnly(false, false);
    return new Banner("1.0", URI.create("https://localhost:" + listen.port() + "/"), listen, wildcard, loopback,
        new HostPort("127.0.0.1", 4334), false, identity, "self-signed", stateDir.resolve("certificate.pem"),
        CertificateLines.NONE,
        allow, deny, others, AccessLines.of(defaults, loopback, 0, -1), -1);
  }
}
