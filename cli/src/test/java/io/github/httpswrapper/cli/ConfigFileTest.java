package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigFileTest {
  @TempDir Path dir;

  @Test
  void trustedNetworkExampleParsesIntoALocalCaForTheLan() throws Exception {
    Options o = ArgumentParser.parse("--config", example("trusted-network.conf").toString());
    assertEquals(new HostPort("127.0.0.1", 4334), o.target());
    assertEquals(new HostPort("0.0.0.0", 8443), o.listen());
    assertEquals(Scenario.TRUSTED_NETWORK, o.access().scenario());
    assertEquals(List.of("192.168.1.0/24"), o.allow());
    assertTrue(o.localCa());
    assertFalse(o.selfSigned());
    assertEquals(List.of("192.168.1.5", "blog.home.arpa"), o.names());
    assertEquals(Path.of("/var/lib/https-wrapper"), o.stateDir());
    assertNull(AccessSetup.hsts(o.access()));
  }

  @Test
  void localOpenExampleParsesIntoPasswordsForOtherMachines() throws Exception {
    Options o = ArgumentParser.parse("--config", example("local-open.conf").toString());
    assertEquals(Scenario.LOCAL_OPEN, o.access().scenario());
    assertEquals(Path.of("/etc/https-wrapper/htpasswd"), o.access().htpasswd());
    assertEquals("Family photos", o.access().realm());
    assertTrue(o.selfSigned());
    assertEquals(List.of("photos.home.arpa"), o.names());
    assertNull(o.access().hsts());
    assertFalse(o.access().stripAuthorization());
  }

  @Test
  void hostileNetworkExampleParsesIntoHstsRedirectAndOwnCertificate() throws Exception {
    Options o = ArgumentParser.parse("--config", example("hostile-network.conf").toString());
    assertEquals(Scenario.HOSTILE_NETWORK, o.access().scenario());
    assertEquals(Path.of("/etc/https-wrapper/htpasswd"), o.access().htpasswd());
    assertTrue(o.access().stripAuthorization());
    assertEquals(Path.of("/etc/https-wrapper/cert.pem"), o.cert());
    assertEquals(Path.of("/etc/https-wrapper/key.pem"), o.key());
    assertEquals("env:KEY_PASSWORD", o.keyPassword().toString());
    assertEquals(Duration.ofDays(365), o.access().hsts());
    assertEquals(8080, o.protocol().redirectHttp());
    assertEquals(List.of("203.0.113.0/24"), o.deny());
    assertEquals(500, o.maxConnections());
  }

  @Test
  void commandLineReplacesSingleValuesAndAddsToRepeatableOnes() throws Exception {
    Path file = write("site.conf", "target = 127.0.0.1:4334\nlisten = 0.0.0.0:8443\nallow = 10.0.0.0/8\n");
    Options o = ArgumentParser.parse(
        "--listen", "127.0.0.1:9443", "--config", file.toString(), "--allow", "192.168.1.0/24");
    assertEquals(new HostPort("127.0.0.1", 9443), o.listen());
    assertEquals(new HostPort("127.0.0.1", 4334), o.target());
    assertEquals(List.of("10.0.0.0/8", "192.168.1.0/24"), o.allow());
  }

  @Test
  void commentsBlankLinesSpacesAndHashesInsideValuesAreRead() throws Exception {
    Path file = write("site.conf",
        "\uFEFF# a comment\n\n   # an indented comment\n  cert=c.pem  \nkey-password =  pass:a#b = c \n");
    Options o = ArgumentParser.parse("--config", file.toString());
    assertEquals(Path.of("c.pem"), o.cert());
    assertEquals("***", o.keyPassword().toString());
    assertEquals("a#b = c", new String(o.keyPassword().resolve(name -> null)));
  }

  @Test
  void booleanKeysAreTrueOrFalseAndFalseIsLikeLeavingTheLineOut() throws Exception {
    Path file = write("site.conf", "debug = TRUE\ntcp = false\nhsts = true\n");
    Options o = ArgumentParser.parse("--config", file.toString());
    assertTrue(o.debug());
    assertFalse(o.protocol().tcp());
    assertEquals(ArgumentParser.parse("--hsts").access().hsts(), o.access().hsts());
    assertEquals(ArgumentParser.parse().access(), ArgumentParser.parse("--config",
        write("off.conf", "hsts = false\nstrip-authorization = false\n").toString()).access());
  }

  @Test
  void passwordsInTheFileUseTheSameForms() throws Exception {
    Path file = write("site.conf", "keystore = s.p12\nkeystore-password = file:/run/secrets/ks\n"
        + "key-password = env:KEY_PASSWORD\n");
    Options o = ArgumentParser.parse("--config", file.toString());
    assertEquals("file:/run/secrets/ks", o.keyStorePassword().toString());
    assertEquals("env:KEY_PASSWORD", o.keyPassword().toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "target = 1\\nlissten = 8443 | site.conf line 2: unknown key \"lissten\": did you mean \"listen\"?",
        "frobnicate = 1 | site.conf line 1: unknown key \"frobnicate\": the keys are the long options without"
            + " --, e.g. listen; see --help",
        "--listen = 8443 | site.conf line 1: write the key without --, e.g. listen = 0.0.0.0:8443",
        "listen 8443 | site.conf line 1: listen needs a value: write listen = 0.0.0.0:8443",
        "listen = | site.conf line 1: listen needs a value: write listen = 0.0.0.0:8443",
        "debug | site.conf line 1: debug needs a value: write debug = true",
        "debug = yes | site.conf line 1: debug = yes: write debug = true or debug = false",
        "config = other.conf | site.conf line 1: \"config\" cannot be set in a config file: give --config on the"
            + " command line",
        "help = true | site.conf line 1: \"help\" cannot be set in a config file: give --help on the command"
            + " line",
        "# ok\\nlisten = 1\\n\\nlisten = 2 | site.conf line 4: listen was already set on line 2: set it once",
        "listen = ::1:8443 | site.conf line 1: --listen ::1:8443: write an IPv6 address in brackets, e.g."
            + " [::1]:8443, so the port can be told apart",
        "allow = 10.0.0.0/8\\nallow = 1,,2 | site.conf line 2: --allow 1,,2: an empty address block; separate"
            + " blocks with single commas, e.g. --allow 192.168.1.0/24,10.0.0.7",
        "key-alias = web | site.conf line 1: --key-alias needs --keystore",
        "policy = local-open | site.conf line 1: --policy local-open asks other machines for a password, so it"
            + " needs users: add --htpasswd FILE or --user NAME:HASH (make the hash with hash-password), or"
            + " --client-ca FILE to ask for client certificates instead",
      })
  void errorsNameTheFileAndTheLine(String content, String message) throws Exception {
    Path file = write("site.conf", content.replace("\\n", "\n"));
    UsageException e =
        assertThrows(UsageException.class, () -> ArgumentParser.parse("--config", file.toString()));
    assertEquals(message.replace("site.conf line", file + " line"), e.getMessage());
  }

  @Test
  void anErrorInACommandLineValueIsNotBlamedOnTheFile() throws Exception {
    Path file = write("site.conf", "target = 127.0.0.1:4334\n");
    UsageException e = assertThrows(UsageException.class,
        () -> ArgumentParser.parse("--config", file.toString(), "--listen", "::1:8443"));
    assertTrue(e.getMessage().startsWith("--listen ::1:8443: "), e.getMessage());
  }

  @Test
  void aMissingFileIsAUsageError() {
    UsageException e = assertThrows(
        UsageException.class, () -> ArgumentParser.parse("--config", dir.resolve("none.conf").toString()));
    assertEquals("--config " + dir.resolve("none.conf") + ": no such file", e.getMessage());
  }

  @Test
  void configGivenTwiceIsAnError() {
    UsageException e =
        assertThrows(UsageException.class, () -> ArgumentParser.parse("--config", "a", "--config", "b"));
    assertEquals("--config was given twice: give it once", e.getMessage());
  }

  @Test
  void mainExitsWithTwoAndNamesTheFileAndLine() throws Exception {
    Path file = write("site.conf", "target = 127.0.0.1:4334\n# listen\n\nlissten = 0.0.0.0:8443\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.Outcome outcome = Main.run(new String[] {"--config", file.toString()}, print(out), print(err),
        name -> null);
    assertEquals(Main.USAGE_ERROR, outcome.exitCode());
    assertEquals("https-wrapper: " + file + " line 4: unknown key \"lissten\": did you mean \"listen\"?\n"
        + "Try --help.\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everyOptionButTheCommandLineOnesIsAKey() {
    String help = HelpText.TEXT;
    for (Flag flag : Flag.values()) {
      assertTrue(help.contains(flag.name), flag.name + " is missing from --help");
      assertEquals(flag != Flag.CONFIG && flag != Flag.HELP
          && flag != Flag.VERSION, flag.inConfigFile(), flag.name);
    }
  }

  private Path example(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = ConfigFileTest.class.getResourceAsStream("/examples/" + name)) {
      Files.copy(in, file);
    }
    return file;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
