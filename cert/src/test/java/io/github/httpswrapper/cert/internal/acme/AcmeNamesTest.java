package io.github.httpswrapper.cert.internal.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an ACME source accepts as directory and domains, checked when it is configured. */
class AcmeNamesTest {
  @Test
  void domainsAreLowerCasedWithoutTrailingDotOrDuplicates() {
    assertEquals(List.of("blog.example.org", "www.example.org"),
        AcmeNames.domains("Blog.Example.ORG.", "www.example.org", "blog.example.org"));
  }

  @Test
  void aWildcardIsRefusedBecauseOnlyDnsChallengesCanProveIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AcmeNames.domains("*.example.org"));
    assertEquals("\"*.example.org\": a wildcard name can only be validated over DNS-01, not HTTP-01: list each name"
        + " the wrapper serves instead", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "192.168.1.10", "::1", "blog_example.org", "-blog.example.org", ""})
  void namesACaCannotValidateAreRefused(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AcmeNames.domains(name));
    assertEquals("\"" + name + "\" is not a fully qualified DNS name: an ACME certificate authority issues only"
        + " for public names like blog.example.org (not IP addresses, not single-label names like localhost)",
        e.getMessage());
  }

  @Test
  void atLeastOneDomainIsNeeded() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, AcmeNames::domains);
    assertEquals("an ACME certificate needs at least one domain: acme(directory, \"blog.example.org\")",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://acme.example/dir", "acme://letsencrypt.org", "/dir"})
  void theDirectoryMustBeAnHttpsUrl(String directory) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AcmeNames.directory(URI.create(directory)));
    assertEquals("the ACME directory must be an https:// URL such as"
        + " https://acme-v02.api.letsencrypt.org/directory, was " + directory, e.getMessage());
  }

  @Test
  void stateIsKeptPerCaHost() {
    assertEquals("acme-v02.api.letsencrypt.org",
        AcmeNames.folderFor(URI.create("https://ACME-v02.api.letsencrypt.org/directory")));
    assertEquals("2001_db8__1", AcmeNames.folderFor(URI.create("https://[2001:db8::1]:14000/dir")));
  }
}
