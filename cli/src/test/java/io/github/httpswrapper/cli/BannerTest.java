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

  private static Banner banner(
      HostPort listen, boolean wildcard, boolean loopback, List<String> allow, List<String> deny,
      List<InetAddress> others) {
    return new Banner("1.0", URI.create("https://localhost:" + listen.port() + "/"), listen, wildcard, loopback,
        new HostPort("127.0.0.1", 4334), false, identity, "self-signed", stateDir.resolve("certificate.pem"),
        allow, deny, others);
  }
}
