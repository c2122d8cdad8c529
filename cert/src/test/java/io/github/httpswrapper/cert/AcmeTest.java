package io.github.httpswrapper.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.internal.acme.ChallengeResponder;
import io.github.httpswrapper.cert.internal.acme.Pebble;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates from a real ACME server: pebble on loopback (see {@link Pebble} for how it is started and why a
 * mock DNS server makes {@code blog.example.org} resolve to 127.0.0.1), with the HTTP-01 challenges answered by a
 * {@link ChallengeResponder} from {@link CertificateSource.Acme#challengeResponse(String)}, as the wrapper's
 * plain-HTTP listener does. Skipped only when pebble is not installed.
 */
@Timeout(120)
class AcmeTest {
  private static final String DOMAIN = "blog.example.org";
  private static final Duration ALWAYS_DUE = Duration.ofDays(365 * 100);

  private static ChallengeResponder responder;
  private static Pebble pebble;

  @TempDir Path state;

  @BeforeAll
  static void startPebble(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Pebble.installed(), "pebble is not installed (Debian package pebble)");
    responder = ChallengeResponder.start();
    pebble = Pebble.start(dir, responder.port());
  }

  @AfterAll
  static void stopPebble() {
    if (pebble != null) {
      pebble.close();
    }
    if (responder != null) {
      responder.close();
    }
  }

  private CertificateSource.Acme source() {
    CertificateSource.Acme source = CertificateSource.acme(pebble.directory(), DOMAIN)
        .stateDirectory(state)
        .trustedRoots(pebble.apiCertificate())
        .email("admin@example.org")
        .acceptTermsOfService();
    responder.answerFrom(source::challengeResponse);
    return source;
  }

  private Path acmeDirectory() {
    return state.resolve("acme").resolve("127.0.0.1");
  }

  @BeforeEach
  void answerNothingByDefault() {
    responder.answerFrom(token -> Optional.empty());
  }

  @Test
  void issuesACertificateThatClientsTrustThroughTheCaRoot() throws Exception {
    Identity identity = source().load();

    assertEquals(List.of(DOMAIN), identity.names());
    assertEquals(2, identity.chain().size(), "leaf and pebble's intermediate");
    assertEquals("EC", identity.privateKey().getAlgorithm());
    X509Certificate root = pebble.issuingRoot();
    assertEquals("TLSv1.3", ServedIdentity.handshake(identity, root, DOMAIN));
  }

  @Test
  void storesTheChainAndAnOwnerOnlyKeyUnderTheFirstDomain() throws Exception {
    Identity identity = source().load();

    Path certificate = acmeDirectory().resolve(DOMAIN).resolve("certificate.pem");
    assertEquals(Optional.of(certificate), identity.certificateFile());
    assertEquals(identity.certificatePem(), Files.readString(certificate));
    assertOwnerOnly(acmeDirectory().resolve(DOMAIN).resolve("key.pem"));
    assertOwnerOnly(acmeDirectory().resolve("account-key.pem"));
  }

  @Test
  void secondLoadReusesTheStoredCertificateWithoutANewOrder() throws Exception {
    CertificateSource.Acme source = source();
    Identity first = source.load();
    int challengesAsked = responder.asked().size();
    Path certificate = first.certificateFile().orElseThrow();
    FileTime written = Files.getLastModifiedTime(certificate);

    Identity second = source.load();

    assertEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
    assertEquals(challengesAsked, responder.asked().size(), "no new validation, so no new order");
    assertEquals(written, Files.getLastModifiedTime(certificate));
  }

  @Test
  void renewsTheStoredCertificateOnceItIsDue() {
    Identity first = source().load();

    Identity renewed = source().renewBefore(ALWAYS_DUE).load();

    assertNotEquals(first.sha256Fingerprint(), renewed.sha256Fingerprint());
    assertNotEquals(first.privateKey(), renewed.privateKey(), "each certificate gets a new key");
    assertEquals(renewed.sha256Fingerprint(), source().load().sha256Fingerprint(), "the renewed one is stored");
  }

  @Test
  void keepsTheAccountKeyAcrossCertificates() throws Exception {
    source().load();
    Path accountKey = acmeDirectory().resolve("account-key.pem");
    String key = Files.readString(accountKey);

    source().renewBefore(ALWAYS_DUE).load();

    assertEquals(key, Files.readString(accountKey));
  }

  @Test
  void answersAChallengeOnlyWhileItIsBeingValidated() {
    CertificateSource.Acme source = source();

    source.load();

    List<String> asked = responder.asked();
    assertFalse(asked.isEmpty(), "pebble fetched the HTTP-01 answer");
    assertEquals(Optional.empty(), source.challengeResponse(asked.get(asked.size() - 1)));
    assertEquals(Optional.empty(), source.challengeResponse("unknown-token"));
  }

  @Test
  void refusesToRegisterAnAccountWithoutAcceptingTheTermsOfService() {
    CertificateSource.Acme source = CertificateSource.acme(pebble.directory(), DOMAIN)
        .stateDirectory(state)
        .trustedRoots(pebble.apiCertificate());

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, source::load);

    assertEquals("ACME certificate for [blog.example.org] from " + pebble.directory() + ": registering an ACME"
        + " account accepts the certificate authority's terms of service (data:text/plain,Do%20what%20thou%20wilt):"
        + " read them, then call acceptTermsOfService() or pass --acme-accept-tos", e.getMessage());
    assertFalse(Files.exists(acmeDirectory().resolve("account-key.pem")));
  }

  @Test
  void usesAnAccountRegisteredEarlierWithoutAcceptingTheTermsAgain() {
    Identity first = source().load();
    CertificateSource.Acme withoutTerms = CertificateSource.acme(pebble.directory(), DOMAIN)
        .stateDirectory(state)
        .trustedRoots(pebble.apiCertificate())
        .renewBefore(ALWAYS_DUE);
    responder.answerFrom(withoutTerms::challengeResponse);

    Identity renewed = withoutTerms.load();

    assertNotEquals(first.sha256Fingerprint(), renewed.sha256Fingerprint());
  }

  @Test
  void reportsAFailedHttp01ValidationWithWhatToFix() {
    CertificateSource.Acme source = source();
    responder.answerFrom(token -> Optional.of(token + ".not-the-key-authorization"));

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, source::load);

    String prefix = "ACME certificate for [blog.example.org] from " + pebble.directory() + ": the ACME server could"
        + " not validate blog.example.org over HTTP-01 (unauthorized: ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    assertTrue(e.getMessage().endsWith("): port 80 of blog.example.org must reach this wrapper's --redirect-http"
        + " listener, which answers http://blog.example.org/.well-known/acme-challenge/..."), e.getMessage());
  }

  @Test
  void refusesAnAcmeServerWhoseHttpsCertificateIsNotTrusted() {
    CertificateSource.Acme source = CertificateSource.acme(pebble.directory(), DOMAIN)
        .stateDirectory(state)
        .acceptTermsOfService();

    CertificateMaterialException e = assertThrows(CertificateMaterialException.class, source::load);

    assertTrue(e.getMessage().startsWith("ACME certificate for [blog.example.org] from " + pebble.directory()
        + ": cannot verify the HTTPS certificate of the ACME server at " + pebble.directory() + " ("),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("): if it is issued by a private CA, pass that CA's certificate with"
        + " trustedRoots(...) or --acme-ca"), e.getMessage());
  }

  private static void assertOwnerOnly(Path file) throws Exception {
    assertTrue(Files.exists(file), file.toString());
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
  }
}
