package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code sslscan} against the command-line program, with an ECDSA and an RSA certificate, on the Java that runs
 * the tests: which protocol versions and cipher suites the wrapper accepts, enumerated by a client that offers
 * everything its OpenSSL knows, and the classic flaws (Heartbleed, compression). sslscan's renegotiation line is not
 * checked: it says "not supported" for the JDK's server even when the JDK does accept a client's renegotiation
 * ({@link ClientRenegotiationTest} and {@link TestsslScanTest} check that).
 */
@Timeout(60)
class SslscanTest {
  private static final Pattern SERVING = Pattern.compile("serving\\s+https://127\\.0\\.0\\.1:(\\d+)/");
  /** TLS 1.3's suites are all AEAD; these are the ones with AES-GCM or ChaCha20-Poly1305. */
  private static final Pattern TLS13_AEAD =
      Pattern.compile("TLS_AES_(128_GCM_SHA256|256_GCM_SHA384)|TLS_CHACHA20_POLY1305_SHA256");
  /** TLS 1.2 in OpenSSL's names: ephemeral ECDH key exchange, then AES-GCM or ChaCha20-Poly1305. */
  private static final Pattern TLS12_ECDHE_AEAD =
      Pattern.compile("ECDHE-(ECDSA|RSA)-(AES(128|256)-GCM-SHA(256|384)|CHACHA20-POLY1305)");

  /** The {@code --key-type} of the wrapper's generated certificate. */
  enum KeyType {
    ECDSA,
    RSA
  }

  @TempDir static Path directory;
  private static JdkTarget target;
  private static final Map<KeyType, Document> scans = new EnumMap<>(KeyType.class);
  private static String sslscan;

  @BeforeAll
  static void start() throws Exception {
    sslscan = ExternalTool.find("sslscan");
    target = JdkTarget.start(exchange -> JdkTarget.respond(exchange, 200, "scanned"));
  }

  @AfterAll
  static void stop() {
    if (target != null) {
      target.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KeyType.class)
  void onlyTls12AndTls13AreEnabled(KeyType key) throws Exception {
    Map<String, Boolean> enabled = new LinkedHashMap<>();
    for (Element protocol : elements(scan(key), "protocol")) {
      String name = protocol.getAttribute("type") + protocol.getAttribute("version");
      enabled.put(name, "1".equals(protocol.getAttribute("enabled")));
    }

    assertEquals(
        Map.of("ssl2", false, "ssl3", false, "tls1.0", false, "tls1.1", false, "tls1.2", true, "tls1.3", true),
        enabled);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KeyType.class)
  void everyAcceptedSuiteIsAeadWithForwardSecrecy(KeyType key) throws Exception {
    List<String> accepted = new ArrayList<>();
    List<String> weak = new ArrayList<>();
    for (Element cipher : elements(scan(key), "cipher")) {
      String version = cipher.getAttribute("sslversion");
      String suite = cipher.getAttribute("cipher");
      accepted.add(version + " " + suite);
      boolean strong =
          version.equals("TLSv1.3") && TLS13_AEAD.matcher(suite).matches()
              || version.equals("TLSv1.2") && TLS12_ECDHE_AEAD.matcher(suite).matches();
      if (!strong) {
        weak.add(version + " " + suite);
      }
    }

    assertEquals(List.of(), weak, "accepted: " + accepted);
    assertTrue(accepted.stream().anyMatch(s -> s.startsWith("TLSv1.2 ECDHE-" + key.name() + "-")), "" + accepted);
    assertTrue(accepted.stream().anyMatch(s -> s.startsWith("TLSv1.3 ")), "" + accepted);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(KeyType.class)
  void heartbleedFindsNothing(KeyType key) throws Exception {
    List<Element> probes = elements(scan(key), "heartbleed");

    assertEquals(2, probes.size(), "one Heartbleed probe per enabled protocol");
    for (Element probe : probes) {
      assertEquals("0", probe.getAttribute("vulnerable"), probe.getAttribute("sslversion"));
    }
  }

  /**
   * sslscan reports compression only when its OpenSSL was built with zlib (Debian's is not, and then the element
   * is missing); {@link TestsslScanTest} checks compression (CRIME) with its own handshakes either way.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(KeyType.class)
  void compressionIsNotReportedEnabled(KeyType key) throws Exception {
    for (Element compression : elements(scan(key), "compression")) {
      assertFalse("1".equals(compression.getAttribute("supported")), "TLS compression is enabled");
    }
  }

  /** The scan of a wrapper with a {@code key} certificate, made once per key type. */
  private static synchronized Document scan(KeyType key) throws Exception {
    Document done = scans.get(key);
    if (done != null) {
      return done;
    }
    Path xml = directory.resolve(key + ".xml");
    try (CliProcess cli =
        CliProcess.start(List.of(), "--target", "127.0.0.1:" + target.port(), "--listen", "127.0.0.1:0",
            "--state-dir", directory.resolve(key.name()).toString(), "--key-type", key.name().toLowerCase())) {
      String port = cli.awaitLine(SERVING, Duration.ofSeconds(30)).group(1);
      try (ExternalTool.Running run =
          ExternalTool.Running.start(Map.of(), List.of(sslscan, "--no-colour", "--xml=" + xml, "127.0.0.1:" + port))) {
        Commands.Result result = run.await(Duration.ofSeconds(45)).requireSuccess();
        System.out.printf("sslscan ran %d ms against the wrapper (%s key) on Java %s%n", run.elapsed().toMillis(),
            key, Runtime.version().feature());
        assertTrue(Files.isRegularFile(xml), "sslscan wrote no XML\n" + result);
      }
    }
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    assertEquals(1, document.getElementsByTagName("ssltest").getLength(), "sslscan did not reach the wrapper");
    scans.put(key, document);
    return document;
  }

  private static List<Element> elements(Document document, String tag) {
    NodeList nodes = document.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }
}
