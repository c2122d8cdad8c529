package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.Users;
import io.github.httpswrapper.cert.CertificateSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which {@link AccessPolicy} each combination of options builds: its name and its rules. */
class AccessSetupTest {
  static final List<String> PASSWORD = List.of("loopback clients: allow", "any client: password required");
  static final List<String> PASSWORD_OR_CERTIFICATE =
      List.of("loopback clients: allow", "any client: password or client certificate required");
  static final List<String> CERTIFICATE =
      List.of("loopback clients: allow", "any client: client certificate required");

  @TempDir static Path dir;
  static String htpasswd;
  static String ca;
  static String alice;

  @BeforeAll
  static void makeFiles() throws Exception {
    alice = "alice:" + Users.hashPassword("s3cret".toCharArray());
    Path file = dir.resolve("htpasswd");
    Files.writeString(file, "# users\n" + alice + "\nbob:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=\n");
    htpasswd = file.toString();
    Path caFile = dir.resolve("ca.pem");
    CertificateSource.selfSigned().stateDirectory(dir.resolve("ca")).load().writeCertificatePem(caFile);
    ca = caFile.toString();
  }

  @Test
  void noPolicyIsTheTrustedNetworkPreset() throws UsageException {
    AccessPolicy policy = policy();
    assertEquals("trusted-network", policy.name());
    assertEquals(List.of("any client: allow"), policy.describeRules());
  }

  @Test
  void localOpenWithAnHtpasswdFileIsThePreset() throws UsageException {
    AccessPolicy policy = policy("--policy", "local-open", "--htpasswd", htpasswd);
    assertEquals("local-open", policy.name());
    assertEquals(PASSWORD, policy.describeRules());
  }

  @Test
  void localOpenWithUsersOnTheCommandLineIsThePreset() throws UsageException {
    AccessPolicy policy = policy("--policy", "local-open", "--user", alice);
    assertEquals("local-open", policy.name());
    assertEquals(PASSWORD, policy.describeRules());
  }

  @Test
  void hostileNetworkIsThePresetWithHstsForAYear() throws UsageException {
    Options options = ArgumentParser.parse("--policy", "hostile-network", "--htpasswd", htpasswd);
    AccessPolicy policy = AccessSetup.policy(options.access());
    assertEquals("hostile-network", policy.name());
    assertEquals(PASSWORD, policy.describeRules());
    assertEquals(Duration.ofDays(365), AccessSetup.hsts(options.access()));
  }

  @Test
  void hostileNetworkWithAClientCaTakesAPasswordOrACertificate() throws UsageException {
    AccessPolicy policy = policy("--policy", "hostile-network", "--htpasswd", htpasswd, "--client-ca", ca);
    assertEquals("hostile-network", policy.name());
    assertEquals(PASSWORD_OR_CERTIFICATE, policy.describeRules());
  }

  @Test
  void hostileNetworkWithAClientCaAndNoUsersTakesOnlyACertificate() throws UsageException {
    Options options = ArgumentParser.parse("--policy", "hostile-network", "--client-ca", ca);
    AccessPolicy policy = AccessSetup.policy(options.access());
    assertEquals("custom", policy.name());
    assertEquals(CERTIFICATE, policy.describeRules());
    assertEquals(Duration.ofDays(365), AccessSetup.hsts(options.access()));
  }

  @Test
  void localOpenWithAClientCaTakesAPasswordOrACertificate() throws UsageException {
    Options options = ArgumentParser.parse("--policy", "local-open", "--user", alice, "--client-ca", ca);
    AccessPolicy policy = AccessSetup.policy(options.access());
    assertEquals("custom", policy.name());
    assertEquals(PASSWORD_OR_CERTIFICATE, policy.describeRules());
    assertNull(AccessSetup.hsts(options.access()));
  }

  @Test
  void localOpenWithAClientCaAndNoUsersTakesOnlyACertificate() throws UsageException {
    AccessPolicy policy = policy("--policy", "local-open", "--client-ca", ca, "--client-cn", "alice");
    assertEquals("custom", policy.name());
    assertEquals(CERTIFICATE, policy.describeRules());
  }

  @Test
  void aRealmWritesThePresetsRulesOut() throws UsageException {
    AccessPolicy policy = policy("--policy", "local-open", "--htpasswd", htpasswd, "--realm", "Family photos");
    assertEquals("custom", policy.name());
    assertEquals(PASSWORD, policy.describeRules());
  }

  @Test
  void hstsOfAYearKeepsTheHostileNetworkPreset() throws UsageException {
    assertEquals(
        "hostile-network", policy("--policy", "hostile-network", "--htpasswd", htpasswd, "--hsts").name());
  }

  @Test
  void anotherHstsAgeWritesTheRulesOut() throws UsageException {
    Options options = ArgumentParser.parse("--policy", "hostile-network", "--htpasswd", htpasswd, "--hsts=30d");
    AccessPolicy policy = AccessSetup.policy(options.access());
    assertEquals("custom", policy.name());
    assertEquals(PASSWORD, policy.describeRules());
    assertEquals(Duration.ofDays(30), AccessSetup.hsts(options.access()));
  }

  @Test
  void hstsOnATrustedNetworkKeepsEveryoneAllowed() throws UsageException {
    Options options = ArgumentParser.parse("--hsts");
    AccessPolicy policy = AccessSetup.policy(options.access());
    assertEquals("custom", policy.name());
    assertEquals(List.of("any client: allow"), policy.describeRules());
    assertEquals(Duration.ofDays(365), AccessSetup.hsts(options.access()));
  }

  @Test
  void aMissingHtpasswdFileIsNamed() throws UsageException {
    String missing = dir.resolve("nope").toString();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> policy("--policy", "local-open", "--htpasswd",
            missing));
    assertTrue(e.getMessage().contains(missing), e.getMessage());
  }

  @Test
  void aMissingCaBundleIsNamed() throws UsageException {
    String missing = dir.resolve("nope.pem").toString();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> policy("--policy", "local-open", "--client-ca",
            missing));
    assertTrue(e.getMessage().contains(missing), e.getMessage());
  }

  @Test
  void htpasswdUsersAreCountedForTheBanner() {
    assertEquals(2, AccessSetup.htpasswdUsers(Path.of(htpasswd)));
    assertEquals(0, AccessSetup.htpasswdUsers(dir.resolve("nope")));
  }

  private static AccessPolicy policy(String... args) throws UsageException {
    return AccessSetup.policy(ArgumentParser.parse(args).access());
  }
}
