package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs {@code export-cert} and {@code trust} in-process, next to a wrapper started the same way. */
@Timeout(60)
class CertificateCommandTest {
  @TempDir Path stateDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void exportCertOfALocalCaIsTheRootOfTheServedChain() throws Exception {
    Main.Outcome started = Main.run(
        new String[] {"--listen", "127.0.0.1:0", "--local-ca", "--state-dir", stateDir.toString()},
        print(new ByteArrayOutputStream()), print(err), name -> null);
    assertNotNull(started.session(), err());
    try (Session session = started.session()) {
      List<X509Certificate> served = session.wrapper().identity().chain();
      assertEquals(Main.OK, run("export-cert", "--local-ca", "--state-dir", stateDir.toString()), err());
      assertEquals(served.get(served.size() - 1), parse(out()));
      Path root = CertificateSource.localCa().stateDirectory(stateDir).rootCertificateFile().toAbsolutePath();
      assertEquals(Files.readString(root), out());
      assertTrue(err().startsWith("export-cert: the local CA root, CN="), err());
      assertTrue(err().endsWith(", from " + root + "\n"), err());
    }
  }

  @Test
  void exportCertOfASelfSignedCertificateIsTheServedCertificate() throws Exception {
    Main.Outcome started = Main.run(
        new String[] {"--listen", "127.0.0.1:0", "--name", "blog.test", "--state-dir", stateDir.toString()},
        print(new ByteArrayOutputStream()), print(err), name -> null);
    assertNotNull(started.session(), err());
    try (Session session = started.session()) {
      assertEquals(Main.OK, run("export-cert", "--name", "blog.test", "--state-dir", stateDir.toString()), err());
      assertEquals(session.wrapper().identity().certificatePem(), out());
      Identity identity = session.wrapper().identity();
      assertTrue(err().startsWith("export-cert: the self-signed certificate, " + identity.subject() + ", SHA-256 "
          + identity.sha256Fingerprint() + ", expires "), err());
    }
  }

  @Test
  void exportBeforeTheFirstStartMakesWhatTheServerThenServes() throws Exception {
    Path ca = stateDir.resolve("ca.pem");
    assertEquals(Main.OK,
        run("export-cert", "--local-ca", "--state-dir", stateDir.toString(), "--out", ca.toString()), err());
    assertEquals("", out());
    assertTrue(err().endsWith("; written to " + ca + "\n"), err());
    Main.Outcome started = Main.run(
        new String[] {"--listen", "127.0.0.1:0", "--local-ca", "--state-dir", stateDir.toString()},
        print(new ByteArrayOutputStream()), print(err), name -> null);
    assertNotNull(started.session(), err());
    try (Session session = started.session()) {
      List<X509Certificate> served = session.wrapper().identity().chain();
      assertEquals(served.get(served.size() - 1), parse(Files.readString(ca)));
    }
  }

  @Test
  void exportCertOfAPemFileIsItsCertificateAndTheFileIsNamed() throws Exception {
    Identity made = CertificateSource.selfSigned().stateDirectory(stateDir.resolve("made")).load();
    Path cert = stateDir.resolve("made/self-signed/certificate.pem");
    Path key = stateDir.resolve("made/self-signed/key.pem");
    assertEquals(Main.OK, run("export-cert", "--cert", cert.toString(), "--key", key.toString()), err());
    assertEquals(made.certificatePem(), out());
    assertTrue(err().startsWith("export-cert: the certificate, "), err());
    assertTrue(err().endsWith(", from PEM " + cert + " with key " + key + "\n"), err());
  }

  @Test
  void exportCertReadsTheConfigFile() throws Exception {
    Path config = Files.writeString(stateDir.resolve("site.conf"),
        "target = 127.0.0.1:4334\nlocal-ca = true\nstate-dir = " + stateDir + "\n");
    assertEquals(Main.OK, run("export-cert", "--config", config.toString()), err());
    Path root = CertificateSource.localCa().stateDirectory(stateDir).rootCertificateFile();
    assertEquals(Files.readString(root), out());
  }

  @Test
  void trustForALocalCaNamesTheRootAndEveryWayToTrustIt() throws Exception {
    assertEquals(Main.OK,
        run("trust", "--local-ca", "--state-dir", stateDir.toString(), "--listen", "0.0.0.0:8443"), err());
    CertificateSource.LocalCa source = CertificateSource.localCa().stateDirectory(stateDir);
    String root = source.rootCertificateFile().toAbsolutePath().toString();
    assertTrue(out().startsWith("Trust the local CA root:\n  file         " + root + "\n"), out());
    for (String hint : source.trustHint().split("\n")) {
      assertTrue(out().contains("\n               " + hint + "\n"), out());
    }
    assertTrue(out().contains("\n  curl         curl --cacert " + root + " https://localhost:8443/\n"), out());
    assertTrue(out().contains("\n  Java         keytool -importcert -cacerts -alias https-wrapper-local-ca -file "
        + root + "\n"), out());
    assertTrue(out().contains("\n  Firefox      Settings > Privacy & Security > Certificates > View Certificates >"
        + " Authorities > Import, choose " + root), out());
    assertTrue(out().contains("\n  Chromium     "), out());
    assertTrue(out().contains("\n  certutil     certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n"
        + " https-wrapper-local-ca -i " + root + "\n"), out());
    assertEquals("", err());
  }

  @Test
  void trustForASelfSignedCertificateNamesItsFileAndTrustsItAsAServer() throws Exception {
    assertEquals(Main.OK, run("trust", "--state-dir", stateDir.toString()), err());
    Path file = stateDir.resolve("self-signed/certificate.pem").toAbsolutePath();
    Identity identity = CertificateSource.selfSigned().stateDirectory(stateDir).load();
    assertTrue(out().startsWith("Trust the self-signed certificate:\n  file         " + file + "\n"), out());
    assertTrue(out().contains("\n  SHA-256      " + identity.sha256Fingerprint() + "\n"), out());
    assertTrue(out().contains("\n  curl         curl --cacert " + file + " https://127.0.0.1:8443/\n"), out());
    assertTrue(out().contains(" -A -t P,, -n https-wrapper -i " + file + "\n"), out());
    assertFalse(out().contains("Trust the local CA"), out());
  }

  @Test
  void trustForAKeyStoreWritesTheServedCertificateAsTheServerDoes() throws Exception {
    Identity made = CertificateSource.selfSigned().stateDirectory(stateDir.resolve("made")).load();
    Path both = stateDir.resolve("both.pem");
    Path dir = stateDir.resolve("made/self-signed");
    Files.writeString(both, Files.readString(dir.resolve("key.pem")) + Files.readString(dir.resolve("certificate.pem")));
    assertEquals(Main.OK, run("trust", "--cert", both.toString(), "--state-dir", stateDir.toString()), err());
    Path served = stateDir.resolve("served-certificate.pem").toAbsolutePath();
    assertEquals(made.certificatePem(), Files.readString(served));
    assertTrue(out().startsWith("Trust the certificate:\n  file         " + served + "\n"), out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"export-cert", "trust"})
  void helpIsItsOwn(String command) {
    assertEquals(Main.OK, run(command, "--state-dir", stateDir.toString(), "--help"));
    assertTrue(out().startsWith("Usage: java -jar https-wrapper.jar " + command + " "), out());
    assertTrue(out().contains("Exit codes: 0 printed, 1 "), out());
    assertFalse(Files.exists(stateDir.resolve("self-signed")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"export-cert", "trust"})
  void badUsageExitsWithTwoAndPointsAtTheCommandsHelp(String command) {
    assertEquals(Main.USAGE_ERROR, run(command, "--lcal-ca"));
    assertEquals("https-wrapper: unknown option --lcal-ca (did you mean --local-ca?)\nTry " + command
        + " --help.\n", err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"export-cert", "trust"})
  void acmeHasNothingToTrust(String command) {
    assertEquals(Main.USAGE_ERROR, run(command, "--acme", "https://acme.test/directory", "--name", "a.example.org",
        "--acme-accept-tos", "--redirect-http", "8080"));
    assertTrue(err().startsWith("https-wrapper: --acme: clients trust the certificate of an ACME CA already"), err());
  }

  @Test
  void outGivenTwiceOrEmptyIsBadUsage() {
    assertEquals(Main.USAGE_ERROR, run("export-cert", "--out", "a.pem", "--out=b.pem"));
    assertEquals("https-wrapper: --out was given twice: give it once\nTry export-cert --help.\n", err());
  }

  @Test
  void anUnwritableOutFileIsARuntimeError() {
    Path out = stateDir.resolve("missing/dir/ca.pem");
    assertEquals(Main.RUNTIME_ERROR,
        run("export-cert", "--state-dir", stateDir.toString(), "--out", out.toString()));
    assertTrue(err().startsWith("https-wrapper: cannot write " + out + ": "), err());
  }

  @Test
  void aCommandAfterAnOptionIsNamedAsOne() {
    assertEquals(Main.USAGE_ERROR, Main.run(new String[] {"--local-ca", "trust"}, print(out), print(err),
        name -> null).exitCode());
    assertEquals("https-wrapper: trust is a command: write it first, e.g. java -jar https-wrapper.jar trust"
        + " --local-ca\nTry --help.\n", err());
  }

  @Test
  void aMisspeltCommandIsSuggested() {
    assertEquals(Main.USAGE_ERROR, Main.run(new String[] {"export-crt"}, print(out), print(err),
        name -> null).exitCode());
    assertEquals("https-wrapper: unknown command export-crt (did you mean export-cert?)\nTry --help.\n", err());
  }

  private int run(String... args) {
    return Main.run(args, print(out), print(err), name -> null).exitCode();
  }

  private static X509Certificate parse(String pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
