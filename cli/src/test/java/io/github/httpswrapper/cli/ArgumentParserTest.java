package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.KeyAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentParserTest {
  @Test
  void nothingGivenMeansDemoOnLoopback8443WithSelfSigned() throws UsageException {
    Options o = ArgumentParser.parse();
    assertNull(o.target());
    assertEquals(new HostPort("127.0.0.1", 8443), o.listen());
    assertNull(o.cert());
    assertNull(o.keyStore());
    assertFalse(o.selfSigned());
    assertEquals(Path.of(System.getProperty("user.home"), ".https-wrapper"), o.stateDir());
    assertEquals(List.of(), o.allow());
    assertNull(o.maxConnections());
    assertNull(o.idleTimeout());
    assertFalse(o.debug());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void readsEveryOptionInBothForms(boolean equalsForm) throws UsageException {
    Options o =
        parse(
            equalsForm,
            "--target", "localhost:4334",
            "--listen", "0.0.0.0:9443",
            "--self-signed", null,
            "--name", "blog.home.arpa",
            "--name", "192.168.1.5",
            "--key-type", "rsa",
            "--allow", "192.168.1.0/24,10.0.0.7",
            "--allow", "fd00::/8",
            "--deny", "192.168.1.13",
            "--state-dir", "/var/lib/hw",
            "--max-connections", "50",
            "--handshake-timeout", "3s",
            "--idle-timeout", "2m",
            "--connect-timeout", "750ms",
            "--debug", null);
    assertEquals(new HostPort("localhost", 4334), o.target());
    assertEquals(new HostPort("0.0.0.0", 9443), o.listen());
    assertTrue(o.selfSigned());
    assertEquals(List.of("blog.home.arpa", "192.168.1.5"), o.names());
    assertEquals(KeyAlgorithm.RSA_2048, o.keyType());
    assertEquals(List.of("192.168.1.0/24", "10.0.0.7", "fd00::/8"), o.allow());
    assertEquals(List.of("192.168.1.13"), o.deny());
    assertEquals(Path.of("/var/lib/hw"), o.stateDir());
    assertEquals(50, o.maxConnections());
    assertEquals(Duration.ofSeconds(3), o.handshakeTimeout());
    assertEquals(Duration.ofMinutes(2), o.idleTimeout());
    assertEquals(Duration.ofMillis(750), o.connectTimeout());
    assertTrue(o.debug());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void readsLimitOptions(boolean equalsForm) throws UsageException {
    Options o =
        parse(equalsForm, "--request-head-timeout", "5s", "--keep-alive-timeout", "30s",
            "--request-body-timeout", "15s", "--response-timeout", "2m", "--shutdown-timeout", "3s",
            "--max-connections-per-client", "16", "--max-request-body", "1048576");
    assertEquals(
        new LimitOptions(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(15),
            Duration.ofMinutes(2), Duration.ofSeconds(3), 16, 1_048_576L),
        o.limits());
  }

  @Test
  void maxRequestBodyMustBeANumberOfBytes() {
    UsageException e =
        assertThrows(UsageException.class, () -> parse(false, "--max-request-body", "10MB"));
    assertEquals("--max-request-body 10MB: must be a number of bytes, e.g. --max-request-body 10485760",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void readsPemOptions(boolean equalsForm) throws UsageException {
    Options o =
        parse(equalsForm, "--cert", "cert.pem", "--key", "key.pem", "--key-password", "env:KEY_PASSWORD");
    assertEquals(Path.of("cert.pem"), o.cert());
    assertEquals(Path.of("key.pem"), o.key());
    assertEquals("env:KEY_PASSWORD", o.keyPassword().toString());
    assertFalse(o.selfSigned());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void readsKeyStoreOptions(boolean equalsForm) throws UsageException {
    Options o =
        parse(
            equalsForm,
            "--keystore", "server.p12",
            "--keystore-password", "file:/run/secrets/ks",
            "--key-password", "pass:x",
            "--key-alias", "web");
    assertEquals(Path.of("server.p12"), o.keyStore());
    assertEquals("file:/run/secrets/ks", o.keyStorePassword().toString());
    assertEquals("***", o.keyPassword().toString());
    assertEquals("web", o.keyAlias());
  }

  @Test
  void nameAloneImpliesSelfSigned() throws UsageException {
    assertTrue(ArgumentParser.parse("--name", "blog.home.arpa").selfSigned());
  }

  @Test
  void equalsFormKeepsEqualsSignsInTheValue() throws UsageException {
    assertEquals("***", ArgumentParser.parse("--cert", "c.pem", "--key-password=a=b").keyPassword().toString());
  }

  @Test
  void tildeInStateDirMeansHome() throws UsageException {
    assertEquals(
        Path.of(System.getProperty("user.home"), "hw"), ArgumentParser.parse("--state-dir=~/hw").stateDir());
  }

  @Test
  void helpWinsOverEverythingElse() throws UsageException {
    assertTrue(ArgumentParser.parse("--bogus", "-h").help());
    assertTrue(ArgumentParser.parse("--target", "x", "--help").help());
    assertTrue(ArgumentParser.parse("--version").version());
    assertTrue(ArgumentParser.parse("-V").version());
  }

  @Test
  void metricsPortIsReadAndOffByDefault() throws UsageException {
    assertEquals(9100, ArgumentParser.parse("--metrics-port", "9100").protocol().metricsPort());
    assertEquals(null, ArgumentParser.parse().protocol().metricsPort());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--taget 127.0.0.1:4334 | unknown option --taget (did you mean --target?)",
        "--frobnicate | unknown option --frobnicate",
        "-t 4334 | unknown option -t",
        "127.0.0.1:4334 | unexpected argument '127.0.0.1:4334': every option starts with --, e.g. --target"
            + " 127.0.0.1:4334",
        "--target | --target needs a value, e.g. --target 127.0.0.1:4334",
        "--target= | --target needs a value, e.g. --target 127.0.0.1:4334",
        "--target --listen 8443 | --target needs a value, e.g. --target 127.0.0.1:4334",
        "--target 1 --target 2 | --target was given twice: give it once",
        "--debug=yes | --debug takes no value: write just --debug",
        "--cert a.pem --keystore b.p12 | --cert and --keystore are alternatives: choose one certificate source",
        "--cert a.pem --self-signed | --cert and --self-signed are alternatives: choose one certificate source",
        "--self-signed --cert a.pem --keystore b.p12 | --cert and --keystore and --self-signed are alternatives:"
            + " choose one certificate source",
        "--key key.pem | --key needs --cert: --key is the private key of the --cert certificate, e.g. --cert"
            + " cert.pem --key key.pem",
        "--key key.pem --keystore s.p12 | --key needs --cert: --key is the private key of the --cert"
            + " certificate, e.g. --cert cert.pem --key key.pem",
        "--key-alias web | --key-alias needs --keystore",
        "--keystore-password x --cert c.pem | --keystore-password needs --keystore",
        "--key-password x | --key-password needs --cert or --keystore: the key of a generated certificate has no"
            + " password",
        "--name a --cert c.pem | --name names a generated certificate (--self-signed, --local-ca or --acme) and"
            + " cannot be used with --cert: leave out one of them",
        "--key-type rsa --keystore s.p12 | --key-type sets the key of a generated certificate (--self-signed or"
            + " --local-ca) and cannot be used with --keystore: leave out one of them",
        "--key-type dsa | --key-type dsa: use ecdsa (P-256, the default) or rsa (2048 bits, for old clients)",
        "--max-connections 0 | --max-connections 0: must be a whole number of 1 or more, e.g. --max-connections"
            + " 500",
        "--max-connections lots | --max-connections lots: must be a whole number of 1 or more, e.g."
            + " --max-connections 500",
        "--idle-timeout 5x | --idle-timeout 5x: not a duration; use e.g. 500ms, 10s, 5m or 1h (a bare number"
            + " means seconds)",
        "--allow 10.0.0.0/8,,10.0.0.1 | --allow 10.0.0.0/8,,10.0.0.1: an empty address block; separate blocks"
            + " with single commas, e.g. --allow 192.168.1.0/24,10.0.0.7",
        "--listen ::1:8443 | --listen ::1:8443: write an IPv6 address in brackets, e.g. [::1]:8443, so the port"
            + " can be told apart",
        "--cert c.pem --key-password env: | --key-password env:: name the variable, e.g. env:KEY_PASSWORD",
        "--metrics-port 99999 | --metrics-port 99999: give a port from 0 to 65535, e.g. --metrics-port 9100 (0"
            + " picks a free port; it listens on 127.0.0.1 only)",
      })
  void rejectsWithAMessageThatSaysWhatToDo(String line, String message) {
    UsageException e =
        assertThrows(UsageException.class, () -> ArgumentParser.parse(line.trim().split(" +")));
    assertEquals(message, e.getMessage());
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
