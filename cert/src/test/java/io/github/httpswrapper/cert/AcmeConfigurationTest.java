package io.github.httpswrapper.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an ACME source is configured, and the mistakes refused before any CA is asked. */
class AcmeConfigurationTest {
  private static final URI DIRECTORY = URI.create("https://acme.example/dir");

  @Test
  void describesItselfByDomainsAndDirectory() {
    CertificateSource.Acme source = CertificateSource.acme(DIRECTORY, "blog.example.org", "www.example.org");

    assertEquals("ACME certificate for [blog.example.org, www.example.org] from https://acme.example/dir",
        source.description());
    assertEquals(List.of("blog.example.org", "www.example.org"), source.domains());
  }

  @Test
  void keepsStateInTheHomeDirectoryByDefault() {
    assertEquals(Path.of(System.getProperty("user.home"), ".https-wrapper"),
        CertificateSource.acme(DIRECTORY, "blog.example.org").effectiveStateDirectory());
  }

  @Test
  void answersNoChallengeBeforeAnyIsBeingValidated() {
    assertEquals(Optional.empty(), CertificateSource.acme(DIRECTORY, "blog.example.org").challengeResponse("abc"));
  }

  @Test
  void refusesAnEmailAddressWithoutAnAtSign() {
    CertificateSource.Acme source = CertificateSource.acme(DIRECTORY, "blog.example.org");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> source.email("admin"));

    assertEquals("\"admin\" is not an email address: use one like admin@example.org", e.getMessage());
  }

  @Test
  void refusesARenewalMarginThatIsNotPositive() {
    CertificateSource.Acme source = CertificateSource.acme(DIRECTORY, "blog.example.org");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> source.renewBefore(Duration.ZERO));

    assertEquals("renewBefore must be positive, was PT0S", e.getMessage());
  }

  @Test
  void refusesAPlainHttpDirectory() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CertificateSource.acme(URI.create("http://acme.example/dir"), "blog.example.org"));

    assertEquals("the ACME directory must be an https:// URL such as"
        + " https://acme-v02.api.letsencrypt.org/directory, was http://acme.example/dir", e.getMessage());
  }

  @Test
  void unwritableStateDirectoryIsNamedWithTheFixBeforeAnyCaIsAsked(@TempDir Path dir) throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("state"), "a file, not a directory");
    CertificateSource.Acme source = CertificateSource.acme(DIRECTORY, "blog.example.org").stateDirectory(notADirectory);

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, source::load);

    Path certificateDirectory = notADirectory.resolve("acme").resolve("acme.example").resolve("blog.example.org");
    assertEquals(source.description() + ": cannot write to " + certificateDirectory + " (" + notADirectory
        + " exists and is not a directory): choose a writable state directory with stateDirectory(...) or"
        + " --state-dir", e.getMessage());
  }
}
