package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.KeyAlgorithm;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code openssl s_client} may and may not negotiate: TLS 1.2 and 1.3 only, AEAD suites with forward secrecy
 * only, ALPN {@code http/1.1}. A refusal only counts when it is the wrapper's alert, not the client declining to
 * offer something, so the client is told to offer legacy protocols and suites ({@code @SECLEVEL=0}).
 */
@Timeout(30)
class TlsPolicyTest {
  @TempDir Path directory;
  private final MockWebServer target = new MockWebServer();
  private final List<HttpsWrapper> wrappers = new ArrayList<>();

  @BeforeAll
  static void opensslIsInstalled() {
    Commands.assumeInstalled("openssl", "version");
  }

  @BeforeEach
  void start() throws IOException {
    target.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    wrappers.forEach(HttpsWrapper::close);
    target.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"-tls1", "-tls1_1"})
  void oldProtocolVersionIsRefusedWithProtocolVersionAlert(String versionFlag) {
    Commands.Result result = sClient(KeyAlgorithm.ECDSA_P256, versionFlag, "-cipher", "DEFAULT@SECLEVEL=0");

    assertNotEquals(0, result.exitCode(), result.toString());
    assertTrue(result.output().contains("alert protocol version"),
        "expected the wrapper's protocol_version alert\n" + result);
  }

  @ParameterizedTest(name = "{1} with {0} key")
  @CsvSource({
    "RSA_2048, AES128-SHA",
    "RSA_2048, AES256-SHA256",
    "RSA_2048, ECDHE-RSA-AES128-SHA",
    "RSA_2048, ECDHE-RSA-AES128-SHA256",
    "RSA_2048, ECDHE-RSA-AES256-SHA384",
    "RSA_2048, AES128-GCM-SHA256", // AEAD, but RSA key exchange: no forward secrecy
    "RSA_2048, AES256-GCM-SHA384",
    "ECDSA_P256, ECDHE-ECDSA-AES128-SHA",
    "ECDSA_P256, ECDHE-ECDSA-AES128-SHA256",
    "ECDSA_P256, ECDHE-ECDSA-AES256-SHA384",
  })
  void tls12SuiteWithoutAeadOrForwardSecrecyIsRefused(KeyAlgorithm key, String cipher) {
    Commands.Result result = sClient(key, "-tls1_2", "-cipher", cipher + ":@SECLEVEL=0");

    assertNotEquals(0, result.exitCode(), result.toString());
    assertFalse(result.output().contains("no ciphers available"), "the client did not offer " + cipher + "\n" + result);
    assertTrue(result.output().contains("alert handshake failure"),
        "expected the wrapper's handshake_failure alert\n" + result);
  }

  @ParameterizedTest(name = "{1} with {0} key")
  @CsvSource({
    "ECDSA_P256, ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDSA_P256, ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDSA_P256, ECDHE-ECDSA-CHACHA20-POLY1305",
    "RSA_2048, ECDHE-RSA-AES128-GCM-SHA256",
    "RSA_2048, ECDHE-RSA-AES256-GCM-SHA384",
    "RSA_2048, ECDHE-RSA-CHACHA20-POLY1305",
  })
  void tls12AeadSuiteIsAcceptedWithAlpnHttp11(KeyAlgorithm key, String cipher) {
    Commands.Result result = sClient(key, "-tls1_2", "-cipher", cipher, "-alpn", "h2,http/1.1");

    assertAccepted(result, "TLSv1.2", cipher);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
  void tls13SuiteIsAcceptedWithAlpnHttp11(String suite) {
    Commands.Result result =
        sClient(KeyAlgorithm.ECDSA_P256, "-tls1_3", "-ciphersuites", suite, "-alpn", "h2,http/1.1");

    assertAccepted(result, "TLSv1.3", suite);
  }

  private static void assertAccepted(Commands.Result result, String protocol, String cipher) {
    String out = result.stdout();
    assertTrue(result.exitCode() == 0, result.toString());
    assertTrue(out.contains("New, " + protocol + ", Cipher is " + cipher), result.toString());
    assertTrue(out.contains("ALPN protocol: http/1.1"), result.toString());
    assertTrue(out.contains("Verify return code: 0 (ok)"), result.toString());
  }

  /**
   * Runs {@code openssl s_client} against a new wrapper with a generated {@code key}, trusting only that wrapper's
   * certificate and checking its IP address.
   */
  private Commands.Result sClient(KeyAlgorithm key, String... args) {
    Path state = directory.resolve(key.name());
    HttpsWrapper wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.getPort())
            .certificate(CertificateSource.selfSigned().keyAlgorithm(key).stateDirectory(state))
            .start();
    wrappers.add(wrapper);
    Path trusted = directory.resolve(key.name() + ".pem");
    wrapper.identity().writeCertificatePem(trusted);
    List<String> command =
        new ArrayList<>(
            List.of("openssl", "s_client", "-connect", "127.0.0.1:" + wrapper.port(), "-CAfile", trusted.toString(),
                "-verify_return_error", "-verify_ip", "127.0.0.1"));
    command.addAll(List.of(args));
    return Commands.run(Commands.DEFAULT_TIMEOUT, command);
  }
}
