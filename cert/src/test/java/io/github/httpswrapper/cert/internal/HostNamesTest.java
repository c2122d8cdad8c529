package io.github.httpswrapper.cert.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.httpswrapper.cert.CertificateMaterialException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names asked for and names read from a certificate are spelled one way, so that they compare equal. */
class HostNamesTest {
  @ParameterizedTest
  @CsvSource({
    "localhost, localhost",
    "Blog.Home.ARPA., blog.home.arpa",
    "*.home.arpa, *.home.arpa",
    "my_host.lan, my_host.lan",
    "127.0.0.1, 127.0.0.1",
    "::1, ::1",
    "[::1], ::1",
    "0:0:0:0:0:0:0:1, ::1",
    "FD00:0000::0010, fd00::10",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "1::, 1::",
    "::, ::",
  })
  void canonicalSpelling(String name, String canonical) {
    assertEquals(canonical, HostNames.canonical(name, "test"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"my host", "-bad.example", "bad-.example", "a..b", "1.2.3", "999.1.1.1", "fd00:::1",
      "*", "a.*.example", "exa$mple.com"})
  void invalidNamesAreRefused(String name) {
    CertificateMaterialException e =
        assertThrows(CertificateMaterialException.class, () -> HostNames.canonical(name, "test"));

    assertEquals("test: \"" + name + "\" is not a valid host name or IP address: use a DNS name like"
        + " blog.home.arpa, an IPv4 address like 192.168.1.10 or an IPv6 address like fd00::10", e.getMessage());
  }
}
