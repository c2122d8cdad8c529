package io.github.httpswrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.httpswrapper.internal.client.Pki;
import io.github.httpswrapper.internal.metrics.AccessLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class AccessLogLineTest {
  private static final String BODY = "hello, world";
  private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

  @TempDir Path dir;
  private HttpServer target;
  private HttpsWrapper wrapper;
  private LogCapture log;

  @BeforeEach
  void start() throws IOException {
    target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.createContext(
        "/",
        exchange -> {
          byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    target.start();
    log = new LogCapture();
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.stop(0);
    log.close();
  }

  private HttpsWrapper start(AccessPolicy policy) throws Exception {
    wrapper = HttpsWrapper.forTarget("127.0.0.1", target.getAddress().getPort())
        .certificate(TestCertificates.localhost())
        .accessPolicy(policy)
        .start();
    return wrapper;
  }

  /** The access lines written so far, once {@code count} of them are there (they follow the response). */
  private List<String> accessLines(int count) throws InterruptedException {
    List<String> lines = log.messages(AccessLog.LOGGER_NAME);
    for (int i = 0; i < 500 && lines.size() < count; i++) {
      Thread.sleep(20);
      lines = log.messages(AccessLog.LOGGER_NAME);
    }
    assertEquals(count, lines.size(), "access lines: " + lines);
    return lines;
  }

  /** The fields of an access line: time, client, user, the quoted request, status, bytes, ms, TLS version. */
  private static String[] fields(String line) {
    int open = line.indexOf('"');
    int close = line.lastIndexOf('"');
    String[] before = line.substring(0, open).trim().split(" ");
    String[] after = line.substring(close + 1).trim().split(" ");
    return new String[] {
      before[0], before[1], before[2], line.substring(open + 1, close), after[0], after[1], after[2], after[3]
    };
  }

  @Test
  void aForwardedRequestIsOneLineWithEveryField() throws Exception {
    start(AccessPolicy.trustedNetwork());
    Raw.exchange(wrapper.clientSslContext(), wrapper.port(), Raw.get("/blog/post?id=7"));

    String[] f = fields(accessLines(1).get(0));

    assertTrue(TIME.matcher(f[0]).matches(), f[0]);
    assertEquals("127.0.0.1", f[1]);
    assertEquals("-", f[2]);
    assertEquals("GET /blog/post?id=7 HTTP/1.1", f[3]);
    assertEquals("200", f[4]);
    assertEquals(Integer.toString(BODY.length()), f[5]);
    assertTrue(Long.parseLong(f[6]) >= 0, f[6]);
    assertEquals("TLSv1.3", f[7]);
  }

  @Test
  void theClientIsTheOneATrustedProxyNamed() throws Exception {
    wrapper = HttpsWrapper.forTarget("127.0.0.1", target.getAddress().getPort())
        .certificate(TestCertificates.localhost())
        .trustedProxies("127.0.0.1")
        .start();
    Raw.exchange(wrapper.clientSslContext(), wrapper.port(),
        "GET /via-proxy HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 203.0.113.9\r\nConnection: close\r\n\r\n");

    assertEquals("203.0.113.9", fields(accessLines(1).get(0))[1]);
  }

  @Test
  void theUserIsTheBasicUserNameAPasswordRuleAccepted() throws Exception {
    Users users = Users.builder().user("alice", Users.hashPassword("secret".toCharArray())).build();
    start(AccessPolicy.builder().users(users).rule(Rule.anyClient().requirePassword()).build());
    String basic = Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8));
    Raw.exchange(wrapper.clientSslContext(), wrapper.port(),
        "GET /in HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + basic + "\r\nConnection: close\r\n\r\n");
    Raw.exchange(wrapper.clientSslContext(), wrapper.port(), Raw.get("/out"));

    List<String> lines = accessLines(2);

    assertEquals("alice", fields(lines.get(0))[2]);
    assertEquals("200", fields(lines.get(0))[4]);
    assertEquals("-", fields(lines.get(1))[2]);
    assertEquals("401", fields(lines.get(1))[4]);
  }

  @Test
  void theUserIsTheCommonNameOfTheClientCertificateARuleAccepted() throws Exception {
    Pki pki = new Pki(dir);
    Path ca = pki.rootCa("team-ca");
    pki.client("carol", "/CN=carol/OU=ops", ca);
    start(AccessPolicy.builder()
        .rule(Rule.anyClient().requireClientCertificate(ClientCertificates.issuedBy(ca)))
        .build());

    Raw.exchange(clientContext("carol"), wrapper.port(), Raw.get("/team"));

    String[] f = fields(accessLines(1).get(0));
    assertEquals("carol", f[2]);
    assertEquals("200", f[4]);
  }

  @Test
  void aRequestWithoutTheClientCertificateARuleNeedsIsLoggedAs401WithoutAUser() throws Exception {
    Pki pki = new Pki(dir);
    Path ca = pki.rootCa("team-ca");
    start(AccessPolicy.builder()
        .rule(Rule.anyClient().requireClientCertificate(ClientCertificates.issuedBy(ca)))
        .build());

    String answer = Raw.exchange(wrapper.clientSslContext(), wrapper.port(), Raw.get("/team"));

    assertTrue(answer.startsWith("HTTP/1.1 401 "), answer);
    String[] f = fields(accessLines(1).get(0));
    assertEquals("-", f[2]);
    assertEquals("401", f[4]);
  }

  @Test
  void aPathCannotForgeALogLine() throws Exception {
    start(AccessPolicy.trustedNetwork());
    String forged = "2026-01-01T00:00:00Z 10.0.0.1 admin \"GET /FORGED HTTP/1.1\" 200 1 1 TLSv1.3";
    String[] attacks = {
      Raw.get("/x%0d%0aFORGED"),
      "GET /x\r\n" + forged + "\r\nHost: 127.0.0.1\r\n\r\n",
      "GET /x\u001b[1A\u001b[2K" + forged.replace(' ', '_') + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
      "GET /x\u009b2K\u0085FORGED HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
      "GET /x\rFORGED HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    };
    for (String attack : attacks) {
      Raw.exchange(wrapper.clientSslContext(), wrapper.port(), attack);
    }

    List<String> lines = accessLines(attacks.length);

    assertTrue(lines.get(0).contains(" \"GET /x%0d%0aFORGED HTTP/1.1\" "), lines.get(0));
    assertTrue(lines.get(1).contains(" \"GET /x\" 400 "), lines.get(1));
    assertTrue(lines.get(2).contains(" \"GET /x\\x1b[1A\\x1b[2K2026-01-01T00:00:00Z_10.0.0.1_admin_\\\"GET_/FORGED"),
        lines.get(2));
    assertTrue(lines.get(3).contains(" \"GET /x\\x9b2K\\x85FORGED HTTP/1.1\" 400 "), lines.get(3));
    assertTrue(lines.get(4).contains(" \"- - -\" 400 "), lines.get(4));
    for (String line : lines) {
      assertFalse(line.chars().anyMatch(c -> c < 0x20 || c >= 0x7f), line);
    }
    Predicate<String> accessLine = line -> line.contains(" " + AccessLog.LOGGER_NAME + " - ");
    for (String physical : String.join("\n", log.lines()).split("[\r\n\u0085\u2028\u2029]")) {
      if (physical.contains("FORGED")) {
        assertTrue(accessLine.test(physical), "a line that is not an access line: " + physical);
      }
      assertFalse(physical.contains("\u001b") || physical.contains("\u009b"), physical);
    }
  }

  /** A client context presenting {@code name}'s certificate and trusting exactly the wrapper's. */
  private SSLContext clientContext(String name) throws Exception {
    String pem = Files.readString(dir.resolve(name + ".key"), StandardCharsets.US_ASCII);
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(name, key, new char[0], new Certificate[] {Pki.read(dir.resolve(name + ".pem"))});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("server", wrapper.certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }
}
