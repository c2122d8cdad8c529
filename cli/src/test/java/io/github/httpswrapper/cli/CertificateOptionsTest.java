package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.KeyAlgorithm;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The certificate options beyond one certificate file: the local CA, certificates chosen by server name, file
 * watching, ACME. How they read, which source they make, and which combinations are refused.
 */
class CertificateOptionsTest {
  static final String LETS_ENCRYPT = "https://acme-v02.api.letsencrypt.org/directory";

  @Test
  void nothingGivenMeansNoLocalCaNoAcmeNoServerNamesAndTheLibrarysReloadInterval() throws UsageException {
    Options o = ArgumentParser.parse();
    assertFalse(o.localCa());
    assertNull(o.acme());
    assertEquals(List.of(), o.serverNames());
    assertNull(o.reloadInterval());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void readsLocalCaServerNamesAndReloadIntervalInBothForms(boolean equalsForm) throws UsageException {
    Options o =
        parse(
            equalsForm,
            "--local-ca", null,
            "--name", "blog.home.arpa",
            "--key-type", "rsa",
            "--sni", "blog.example.org=blog.pem",
            "--sni", "*.example.net=cert.pem,key.pem",
            "--reload-interval", "30s");
    assertTrue(o.localCa());
    assertFalse(o.selfSigned());
    assertEquals(List.of("blog.home.arpa"), o.names());
    assertEquals(KeyAlgorithm.RSA_2048, o.keyType());
    assertEquals(
        List.of(
            new ServerNameCertificate("blog.example.org", Path.of("blog.pem"), null),
            new ServerNameCertificate("*.example.net", Path.of("cert.pem"), Path.of("key.pem"))),
        o.serverNames());
    assertEquals(Duration.ofSeconds(30), o.reloadInterval());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void readsAcmeOptionsInBothForms(boolean equalsForm) throws UsageException {
    Options o =
        parse(
            equalsForm,
            "--acme", LETS_ENCRYPT,
            "--name", "blog.example.org",
            "--name", "www.example.org",
            "--acme-email", "admin@example.org",
            "--acme-accept-tos", null,
            "--acme-ca", "pebble.pem",
            "--redirect-http", "8080");
    assertEquals(new AcmeOptions(URI.create(LETS_ENCRYPT), "admin@example.org", Path.of("pebble.pem")), o.acme());
    assertEquals(List.of("blog.example.org", "www.example.org"), o.names());
    assertFalse(o.selfSigned());
    assertFalse(o.localCa());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0s", "0ms"})
  void reloadIntervalZeroTurnsWatchingOff(String zero) throws UsageException {
    assertEquals(Duration.ZERO, ArgumentParser.parse("--reload-interval", zero).reloadInterval());
  }

  @Test
  void serverNameFilesMayStartWithTilde() throws UsageException {
    String home = System.getProperty("user.home");
    assertEquals(
        new ServerNameCertificate("blog.example.org", Path.of(home, "c.pem"), Path.of(home, "k.pem")),
        ArgumentParser.parse("--sni=blog.example.org=~/c.pem,~/k.pem").serverNames().get(0));
  }

  @Test
  void localCaSourceUsesTheStateDirectoryNamesAndKeyType() throws UsageException {
    Options o = ArgumentParser.parse("--local-ca", "--state-dir", "/srv/hw", "--name", "blog.home.arpa");
    CertificateSource source = WrapperSetup.certificateSource(o, name -> null);
    CertificateSource.LocalCa localCa = assertInstanceOf(CertificateSource.LocalCa.class, source);
    assertEquals(Path.of("/srv/hw/local-ca/root-certificate.pem"), localCa.rootCertificateFile());
    assertEquals("local CA in /srv/hw", localCa.description());
  }

  @Test
  void acmeSourceIsForTheNamesFromTheDirectoryInTheStateDirectory() throws UsageException {
    Options o =
        ArgumentParser.parse(
            "--acme", LETS_ENCRYPT, "--name", "Blog.Example.org", "--acme-accept-tos", "--redirect-http", "80",
            "--state-dir", "/srv/hw");
    CertificateSource.Acme acme =
        assertInstanceOf(CertificateSource.Acme.class, WrapperSetup.certificateSource(o, name -> null));
    assertEquals(List.of("blog.example.org"), acme.domains());
    assertEquals(Path.of("/srv/hw"), acme.effectiveStateDirectory());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--local-ca --cert c.pem | --cert and --local-ca are alternatives: choose one certificate source",
        "--local-ca --keystore s.p12 | --keystore and --local-ca are alternatives: choose one certificate source",
        "--local-ca --self-signed | --self-signed and --local-ca are alternatives: choose one certificate source",
        "--local-ca --acme " + LETS_ENCRYPT + " | --local-ca and --acme are alternatives: choose one certificate"
            + " source",
        "--acme " + LETS_ENCRYPT + " --cert c.pem | --cert and --acme are alternatives: choose one certificate"
            + " source",
        "--local-ca=yes | --local-ca takes no value: write just --local-ca",
        "--local-ca --key-password env:PW | --key-password needs --cert or --keystore: the key of a generated"
            + " certificate has no password",
        "--name a --cert c.pem | --name names a generated certificate (--self-signed, --local-ca or --acme) and"
            + " cannot be used with --cert: leave out one of them",
        "--key-type rsa --keystore s.p12 | --key-type sets the key of a generated certificate (--self-signed or"
            + " --local-ca) and cannot be used with --keystore: leave out one of them",
        "--sni blog.pem | --sni blog.pem: write NAME=CERT, or NAME=CERT,KEY when the key is in its own file, e.g."
            + " --sni blog.example.org=blog.pem",
        "--sni =blog.pem | --sni =blog.pem: write NAME=CERT, or NAME=CERT,KEY when the key is in its own file,"
            + " e.g. --sni blog.example.org=blog.pem",
        "--sni blog.example.org= | --sni blog.example.org=: write NAME=CERT, or NAME=CERT,KEY when the key is in"
            + " its own file, e.g. --sni blog.example.org=blog.pem",
        "--sni blog.example.org=c.pem,k.pem,x.pem | --sni blog.example.org=c.pem,k.pem,x.pem: write NAME=CERT, or"
            + " NAME=CERT,KEY when the key is in its own file, e.g. --sni blog.example.org=blog.pem",
        "--sni blog.example.org=c.pem, | --sni blog.example.org=c.pem,: write NAME=CERT, or NAME=CERT,KEY when"
            + " the key is in its own file, e.g. --sni blog.example.org=blog.pem",
        "--sni 192.168.1.5=c.pem | --sni 192.168.1.5=c.pem: clients never send an IP address as the server name;"
            + " those that connect by address get the main certificate, so put the address there (e.g. --name"
            + " 192.168.1.5)",
        "--sni [::1]=c.pem | --sni [::1]=c.pem: clients never send an IP address as the server name; those that"
            + " connect by address get the main certificate, so put the address there (e.g. --name ::1)",
        "--sni a.example=1.pem --sni A.example=2.pem | --sni A.example was given twice: give each name once",
        "--reload-interval 5ms | --reload-interval 5ms: check at least 10ms apart (the default is 2s), or give 0"
            + " to turn watching off",
        "--reload-interval soon | --reload-interval soon: not a duration; use e.g. 500ms, 10s, 5m or 1h (a bare"
            + " number means seconds)",
        "--reload-interval | --reload-interval needs a value, e.g. --reload-interval 2s",
        "--acme-email a@example.org | --acme-email needs --acme: it belongs to the ACME certificate, e.g. --acme "
            + LETS_ENCRYPT + " --name blog.example.org --acme-email admin@example.org",
        "--acme-accept-tos | --acme-accept-tos needs --acme: it belongs to the ACME certificate, e.g. --acme "
            + LETS_ENCRYPT + " --name blog.example.org --acme-accept-tos",
        "--acme-ca ca.pem | --acme-ca needs --acme: it belongs to the ACME certificate, e.g. --acme "
            + LETS_ENCRYPT + " --name blog.example.org --acme-ca acme-ca.pem",
        "--acme http://acme.example/dir --name blog.example.org | --acme http://acme.example/dir: give the CA's"
            + " https:// directory URL, e.g. --acme " + LETS_ENCRYPT,
        "--acme letsencrypt | --acme letsencrypt: give the CA's https:// directory URL, e.g. --acme "
            + LETS_ENCRYPT,
        "--acme " + LETS_ENCRYPT + " --acme-accept-tos --redirect-http 80 | --acme needs --name: the domains the"
            + " certificate is for, e.g. --acme " + LETS_ENCRYPT + " --name blog.example.org",
        "--acme " + LETS_ENCRYPT + " --name *.example.org | --name *.example.org: an ACME certificate over HTTP-01"
            + " cannot be for a wildcard name: give each name the wrapper serves, e.g. --name www.example.org",
        "--acme " + LETS_ENCRYPT + " --name 203.0.113.5 | --name 203.0.113.5: the ACME CA checks each name over"
            + " the internet, so it must be a public DNS name such as blog.example.org, not an IP address or a"
            + " local name",
        "--acme " + LETS_ENCRYPT + " --name localhost | --name localhost: the ACME CA checks each name over the"
            + " internet, so it must be a public DNS name such as blog.example.org, not an IP address or a local"
            + " name",
        "--acme " + LETS_ENCRYPT + " --name blog.example.org --redirect-http 80 | --acme needs --acme-accept-tos:"
            + " the CA registers an account only for those who accept its terms of service; read them (the CA's"
            + " web site links them), then add --acme-accept-tos",
        "--acme " + LETS_ENCRYPT + " --name blog.example.org --acme-accept-tos | --acme needs --redirect-http"
            + " PORT: the CA checks each --name with a plain-HTTP request to port 80, which must reach that"
            + " listener, e.g. --redirect-http 80 (or forward port 80 to --redirect-http 8080)",
        "--acme " + LETS_ENCRYPT + " --name blog.example.org --acme-accept-tos --redirect-http 0 | --redirect-http"
            + " 0 picks a different port each time, which port 80 cannot be forwarded to: with --acme give a fixed"
            + " port, e.g. --redirect-http 80 or --redirect-http 8080",
        "--acme " + LETS_ENCRYPT + " --name blog.example.org --acme-accept-tos --redirect-http 80 --acme-email"
            + " admin | --acme-email admin: not an email address; use one like --acme-email admin@example.org",
        "--acme " + LETS_ENCRYPT + " --name blog.example.org --key-type rsa | --key-type cannot be used with"
            + " --acme: an ACME certificate always gets an ECDSA P-256 key",
        "--acme-acept-tos | unknown option --acme-acept-tos (did you mean --acme-accept-tos?)",
      })
  void rejectsWithAMessageThatSaysWhatToDo(String line, String message) {
    UsageException e =
        assertThrows(UsageException.class, () -> ArgumentParser.parse(line.trim().split(" +")));
    assertEquals(message, e.getMessage());
  }

  @Test
  void reloadLineSaysHowOftenFilesAreCheckedOrThatWatchingIsOff() {
    assertEquals(
        "certificate files are checked every 2s; a renewed certificate is served without a restart",
        CertificateLines.reload(null));
    assertEquals(
        "certificate files are checked every 500ms; a renewed certificate is served without a restart",
        CertificateLines.reload(Duration.ofMillis(500)));
    assertEquals(
        "off (--reload-interval 0): restart to serve a changed certificate file",
        CertificateLines.reload(Duration.ZERO));
  }

  /** Builds {@code --flag value} or {@code --flag=value} arguments; a null value means a flag without one. */
  private static Options parse(boolean equalsForm, String... pairs) throws UsageException {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        args.add(pairs[i]);
      } else if (equalsForm) {
        args.add(pairs[i] + "=" + pairs[i + 1]);
      } else {
        args.add(pairs[i]);
        args.add(pairs[i + 1]);
      }
    }
    return ArgumentParser.parse(args.toArray(new String[0]));
  }
}
