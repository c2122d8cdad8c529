package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The options of the access policy, proxies and protocol: how they read, and which combinations are refused. */
class PolicyOptionsTest {
  static final String HASH = "$2y$10$E8bLqKb3OZpGzDgXFfxU5.QtkzBJIjCZuR4iAfvwrkRzqDpfzEbfC";
  static final String PIN = "kFS2oRy3X4b6Pv3rVlXKIvqk0zqZ0wT4Z/g8yNf3rAc=";

  @Test
  void nothingGivenMeansTrustedNetworkOverHttpWithTheLibrarysLimits() throws UsageException {
    Options o = ArgumentParser.parse();
    assertEquals(Scenario.TRUSTED_NETWORK, o.access().scenario());
    assertNull(o.access().htpasswd());
    assertEquals(Map.of(), o.access().users());
    assertNull(o.access().clientCa());
    assertNull(o.access().realm());
    assertNull(o.access().hsts());
    assertFalse(o.access().stripAuthorization());
    assertFalse(o.protocol().tcp());
    assertEquals(List.of(), o.protocol().trustedProxies());
    assertFalse(o.protocol().proxyProtocol());
    assertNull(o.protocol().redirectHttp());
    assertNull(o.protocol().maxRequestLine());
    assertNull(o.protocol().maxHeaderSize());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void readsEveryAccessOptionInBothForms(boolean equalsForm) throws UsageException {
    Options o =
        parse(
            equalsForm,
            "--policy", "hostile-network",
            "--user", "alice:" + HASH,
            "--user", "bob:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=",
            "--client-ca", "ca.pem",
            "--client-cn", "alice",
            "--client-cn", "laptop",
            "--client-spki", "sha256/" + PIN,
            "--realm", "Family photos",
            "--hsts", "180d",
            "--strip-authorization", null);
    AccessOptions a = o.access();
    assertEquals(Scenario.HOSTILE_NETWORK, a.scenario());
    assertEquals(List.of("alice", "bob"), List.copyOf(a.users().keySet()));
    assertEquals(HASH, a.users().get("alice"));
    assertEquals(Path.of("ca.pem"), a.clientCa());
    assertEquals(List.of("alice", "laptop"), a.clientCommonNames());
    assertEquals(List.of(PIN), a.clientSpkiPins());
    assertEquals("Family photos", a.realm());
    assertEquals(Duration.ofDays(180), a.hsts());
    assertTrue(a.stripAuthorization());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void readsEveryProtocolOptionInBothForms(boolean equalsForm) throws UsageException {
    Options o =
        parse(
            equalsForm,
            "--trusted-proxy", "10.0.0.2,10.0.0.3",
            "--trusted-proxy", "fd00::1",
            "--proxy-protocol", null,
            "--redirect-http", "8080",
            "--max-request-line", "16384",
            "--max-header-size", "65536");
    ProtocolOptions p = o.protocol();
    assertEquals(List.of("10.0.0.2", "10.0.0.3", "fd00::1"), p.trustedProxies());
    assertTrue(p.proxyProtocol());
    assertEquals(8080, p.redirectHttp());
    assertEquals(16384, p.maxRequestLine());
    assertEquals(65536, p.maxHeaderSize());
  }

  @Test
  void localOpenWithAnHtpasswdFile() throws UsageException {
    Options o = ArgumentParser.parse("--policy", "Local-Open", "--htpasswd", "/etc/https-wrapper/htpasswd");
    assertEquals(Scenario.LOCAL_OPEN, o.access().scenario());
    assertEquals(Path.of("/etc/https-wrapper/htpasswd"), o.access().htpasswd());
  }

  @Test
  void clientCaAloneIsEnoughForLocalOpenAndHostileNetwork() throws UsageException {
    assertEquals(
        Path.of("ca.pem"), ArgumentParser.parse("--policy=local-open", "--client-ca=ca.pem").access().clientCa());
    assertEquals(
        Path.of("ca.pem"),
        ArgumentParser.parse("--policy=hostile-network", "--client-ca=ca.pem").access().clientCa());
  }

  @Test
  void hstsWithoutAValueMeansOneYear() throws UsageException {
    assertEquals(Duration.ofDays(365), ArgumentParser.parse("--hsts").access().hsts());
    assertEquals(Duration.ofDays(365), ArgumentParser.parse("--hsts", "--debug").access().hsts());
    assertEquals(Duration.ZERO, ArgumentParser.parse("--hsts=0d").access().hsts());
    assertEquals(Duration.ofHours(12), ArgumentParser.parse("--hsts", "12h").access().hsts());
  }

  @Test
  void tcpGoesWithConnectionLevelOptions() throws UsageException {
    Options o =
        ArgumentParser.parse(
            "--tcp", "--policy", "trusted-network", "--allow", "10.0.0.0/8", "--trusted-proxy", "10.0.0.2",
            "--proxy-protocol", "--redirect-http", "0");
    assertTrue(o.protocol().tcp());
    assertEquals(0, o.protocol().redirectHttp());
  }

  @Test
  void aUserNameMayBeLongAndTheHashMayBeApr1() throws UsageException {
    Options o =
        ArgumentParser.parse(
            "--policy", "local-open", "--user", "alice.smith@example.org:$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/");
    assertEquals("$apr1$r31.....$HqJZimcKQFAMYayBlzkrA/", o.access().users().get("alice.smith@example.org"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--policy open | --policy open: use trusted-network (everyone who can connect, no password), local-open"
            + " (this machine without a password, other addresses with one) or hostile-network (as local-open,"
            + " plus HSTS)",
        "--policy local-open | --policy local-open asks other machines for a password, so it needs users: add"
            + " --htpasswd FILE or --user NAME:HASH (make the hash with hash-password), or --client-ca FILE to"
            + " ask for client certificates instead",
        "--policy hostile-network | --policy hostile-network asks other machines for a password, so it needs"
            + " users: add --htpasswd FILE or --user NAME:HASH (make the hash with hash-password), or"
            + " --client-ca FILE to ask for client certificates instead",
        "--htpasswd h | --htpasswd needs --policy local-open or --policy hostile-network: with trusted-network"
            + " (the default --policy) nobody is asked for a password",
        "--policy trusted-network --user alice:$2y$10$E8bLqKb3OZpGzDgXFfxU5.QtkzBJIjCZuR4iAfvwrkRzqDpfzEbfC |"
            + " --user needs --policy local-open or --policy hostile-network: with --policy trusted-network"
            + " nobody is asked for a password",
        "--client-ca ca.pem | --client-ca needs --policy local-open or --policy hostile-network: with"
            + " trusted-network (the default --policy) nobody is asked for a client certificate",
        "--policy local-open --htpasswd h --client-cn alice | --client-cn needs --client-ca: it narrows which"
            + " certificates of that CA are accepted, e.g. --client-ca ca.pem --client-cn alice",
        "--policy local-open --htpasswd h --client-spki x | --client-spki needs --client-ca: it narrows which"
            + " certificates of that CA are accepted, e.g. --client-ca ca.pem --client-spki"
            + " kFS2oRy3X4b6Pv3rVlXKIvqk0zqZ0wT4Z/g8yNf3rAc=",
        "--policy local-open --client-ca ca.pem --client-spki abc= | --client-spki abc=: not a public key pin;"
            + " give the base64 SHA-256 of the certificate's public key (44 characters ending in =), e.g."
            + " --client-spki kFS2oRy3X4b6Pv3rVlXKIvqk0zqZ0wT4Z/g8yNf3rAc=",
        "--policy local-open --htpasswd h --user alice:$2y$10$E8bLqKb3OZpGzDgXFfxU5.QtkzBJIjCZuR4iAfvwrkRzqDpfzEbfC"
            + " | --htpasswd and --user are alternatives: put every user in the htpasswd file (java -jar"
            + " https-wrapper.jar hash-password --user NAME prints the line to add)",
        "--policy local-open --user alice | --user alice: write NAME:HASH, e.g. --user 'alice:$2y$10$...'; make"
            + " one with: java -jar https-wrapper.jar hash-password --user alice",
        "--policy local-open --user alice:secret123 | --user alice:...: that is not a password hash (bcrypt $2y$,"
            + " APR1 $apr1$ or {SHA}); never put a password on the command line, make one with: java -jar"
            + " https-wrapper.jar hash-password --user alice (and quote the hash in single quotes, so the shell"
            + " leaves its $ alone)",
        "--policy local-open --user alice:y0$E8bLqKb3OZpGzDgXFfxU5.QtkzBJIjCZuR4iAfvwrkRzqDpfzEbfC | --user"
            + " alice:...: that is not a password hash (bcrypt $2y$, APR1 $apr1$ or {SHA}); never put a password"
            + " on the command line, make one with: java -jar https-wrapper.jar hash-password --user alice (and"
            + " quote the hash in single quotes, so the shell leaves its $ alone)",
        "--policy local-open --user :$2y$10$E8bLqKb3OZpGzDgXFfxU5.QtkzBJIjCZuR4iAfvwrkRzqDpfzEbfC | --user :...:"
            + " the user name before ':' must be a word without spaces that does not start with #, e.g. --user"
            + " 'alice:$2y$10$...'",
        "--policy local-open --user alice:$2y$10$E8bLqKb3OZpGzDgXFfxU5.QtkzBJIjCZuR4iAfvwrkRzqDpfzEbfC --user"
            + " alice:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g= | --user alice was given twice: give each user once",
        "--realm Photos | --realm names the password dialog, so it needs users: add --htpasswd FILE or --user"
            + " NAME:HASH with --policy local-open or hostile-network",
        "--policy local-open --htpasswd h --realm a\"b | --realm a\"b: use printable text without quotes or"
            + " backslashes, e.g. --realm 'Family photos'",
        "--hsts 180 | --hsts 180: add a unit, e.g. --hsts=180d for days (--hsts=0d makes browsers forget an"
            + " earlier HSTS)",
        "--hsts=forever | --hsts forever: not an age; use e.g. --hsts=180d, or just --hsts for 365 days",
        "--hsts= | --hsts needs a value, e.g. --hsts 180d",
        "--tcp --policy local-open --htpasswd h | --tcp relays bytes without reading HTTP requests, so it cannot"
            + " be used with --policy local-open: leave out one of them (--allow and --deny still apply with"
            + " --tcp)",
        "--tcp --policy hostile-network --client-ca ca.pem | --tcp relays bytes without reading HTTP requests, so"
            + " it cannot be used with --policy hostile-network: leave out one of them (--allow and --deny still"
            + " apply with --tcp)",
        "--htpasswd h --tcp | --tcp relays bytes without reading HTTP requests, so it cannot be used with"
            + " --htpasswd: leave out one of them (--allow and --deny still apply with --tcp)",
        "--tcp --user alice:x | --tcp relays bytes without reading HTTP requests, so it cannot be used with"
            + " --user: leave out one of them (--allow and --deny still apply with --tcp)",
        "--tcp --client-ca ca.pem | --tcp relays bytes without reading HTTP requests, so it cannot be used with"
            + " --client-ca: leave out one of them (--allow and --deny still apply with --tcp)",
        "--tcp --hsts | --tcp relays bytes without reading HTTP requests, so it cannot be used with --hsts: leave"
            + " out one of them (--allow and --deny still apply with --tcp)",
        "--tcp --strip-authorization | --tcp relays bytes without reading HTTP requests, so it cannot be used"
            + " with --strip-authorization: leave out one of them (--allow and --deny still apply with --tcp)",
        "--tcp --max-header-size 65536 | --tcp relays bytes without reading HTTP requests, so it cannot be used"
            + " with --max-header-size: leave out one of them (--allow and --deny still apply with --tcp)",
        "--tcp --tcp | --tcp was given twice: give it once",
        "--tcp=yes | --tcp takes no value: write just --tcp",
        "--proxy-protocol | --proxy-protocol needs --trusted-proxy: only a trusted proxy may say who the client"
            + " is, e.g. --trusted-proxy 10.0.0.2 --proxy-protocol",
        "--trusted-proxy 10.0.0.2,,10.0.0.3 | --trusted-proxy 10.0.0.2,,10.0.0.3: an empty address block;"
            + " separate blocks with single commas, e.g. --trusted-proxy 192.168.1.0/24,10.0.0.7",
        "--redirect-http 70000 | --redirect-http 70000: give a port from 0 to 65535, e.g. --redirect-http 8080"
            + " (0 picks a free port)",
        "--redirect-http 8443 | --redirect-http 8443 is the HTTPS port of --listen: choose another, e.g."
            + " --redirect-http 8080",
        "--listen 0.0.0.0:8080 --redirect-http 8080 | --redirect-http 8080 is the HTTPS port of --listen:"
            + " choose another, e.g. --redirect-http 8081",
        "--max-request-line 100 | --max-request-line 100: must be a whole number of bytes, at least 256 (the"
            + " default is 8192), e.g. --max-request-line 16384",
        "--max-header-size 1k | --max-header-size 1k: must be a whole number of bytes, at least 1024 (the"
            + " default is 32768), e.g. --max-header-size 65536",
        "--polcy local-open | unknown option --polcy (did you mean --policy?)",
        "--users alice | unknown option --users (did you mean --user?)",
        "hash-pasword --user alice | unknown command hash-pasword (did you mean hash-password?)",
        "--debug hash-password | hash-password is a command: write it first, e.g. java -jar https-wrapper.jar"
            + " hash-password --user alice",
        "--user | --user needs a value, e.g. --user 'alice:$2y$10$...'",
      })
  void rejectsWithAMessageThatSaysWhatToDo(String line, String message) {
    UsageException e =
        assertThrows(UsageException.class, () -> ArgumentParser.parse(line.trim().split(" +")));
    assertEquals(message, e.getMessage());
  }

  @Test
  void aPasswordGivenAsTheHashIsNeverRepeatedInTheMessage() {
    UsageException e =
        assertThrows(
            UsageException.class,
            () -> ArgumentParser.parse("--policy", "local-open", "--user", "alice:correct horse battery"));
    assertFalse(e.getMessage().contains("correct horse"), e.getMessage());
  }

  /** Builds {@code --flag value} or {@code --flag=value} arguments; a null value means a flag without one. */
  private static Options parse(boolean equalsForm, String... pairs) throws UsageException {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      String flag = pairs[i];
      String value = pairs[i + 1];
      if (value == null) {
        args.add(flag);
      } else if (equalsForm) {
        args.add(flag + "=" + value);
      } else {
        args.add(flag);
        args.add(value);
      }
    }
    return ArgumentParser.parse(args.toArray(new String[0]));
  }
}
