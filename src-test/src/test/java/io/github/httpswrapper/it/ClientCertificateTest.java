package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.ClientCertificates;
import io.github.httpswrapper.Rule;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that asks for a client certificate: from a test CA made with openssl, alice's certificate is accepted,
 * bob's (same CA, other name) is refused with 403, no certificate gets 401, and one from another CA does not
 * get through the handshake.
 */
@Timeout(90)
class ClientCertificateTest {
  private static final String CONFIG =
      String.join(
          "\n",
          "[req]",
          "distinguished_name = dn",
          "[dn]",
          "[ca_ext]",
          "basicConstraints = critical,CA:TRUE",
          "keyUsage = critical,keyCertSign,cRLSign",
          "subjectKeyIdentifier = hash",
          "[client_ext]",
          "basicConstraints = critical,CA:FALSE",
          "keyUsage = critical,digitalSignature",
          "extendedKeyUsage = clientAuth",
          "subjectKeyIdentifier = hash",
          "authorityKeyIdentifier = keyid",
          "");

  @TempDir Path directory;
  private final MockWebServer target = new MockWebServer();
  private RemoteHost remote;
  private LinkedWrapper wrapper;

  @BeforeEach
  void start() throws IOException {
    Commands.assumeInstalled("curl", "--version");
    Commands.assumeInstalled("openssl", "version");
    remote = RemoteHost.create();
    Files.writeString(directory.resolve("ca.cnf"), CONFIG, StandardCharsets.US_ASCII);
    Path ca = ca("ca", "Test Client CA");
    client("alice", "ca");
    client("bob", "ca");
    ca("other-ca", "Other Client CA");
    client("alice-elsewhere", "other-ca", "alice");
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    target.enqueue(new MockResponse.Builder().body("hello alice").build());
    wrapper = LinkedWrapper.start(remote, target.getPort(), directory,
        b -> b.accessPolicy(
            AccessPolicy.builder()
                .rule(Rule.anyClient().requireClientCertificate(ClientCertificates.issuedBy(ca).commonName("alice")))
                .build()));
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
    if (remote != null) {
      remote.close();
    }
  }

  @Test
  void aliceCertificateIsServed() {
    RawResponse response = wrapper.remoteCurl(withCertificate("alice", wrapper.url("/")));

    assertEquals(200, response.status(), response.toString());
    assertEquals("hello alice", response.bodyText());
  }

  @Test
  void bobCertificateFromSameCaGets403() {
    RawResponse response = wrapper.remoteCurl(withCertificate("bob", wrapper.url("/")));

    assertEquals(403, response.status(), response.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void noCertificateGets401WithoutPasswordChallenge() {
    RawResponse response = wrapper.remoteCurl(wrapper.url("/"));

    assertEquals(401, response.status(), response.toString());
    assertTrue(response.header("WWW-Authenticate").isEmpty(), "a certificate is not asked for in HTTP\n" + response);
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void aliceCertificateFromAnotherCaFailsTheHandshake() {
    Commands.Result result = wrapper.remoteCurlResult(withCertificate("alice-elsewhere", wrapper.url("/")));

    assertNotEquals(0, result.exitCode(), "a certificate from an unknown issuer should not get through\n" + result);
    assertTrue(!result.stdout().startsWith("HTTP/"), result.toString());
    assertEquals(0, target.getRequestCount());
  }

  @Test
  void loopbackClientWithAliceCertificateIsServed() {
    RawResponse response = wrapper.loopbackCurl(withCertificate("alice", wrapper.url("/")));

    assertEquals(200, response.status(), response.toString());
  }

  private String[] withCertificate(String name, String url) {
    return new String[] {
      "--cert", directory.resolve(name + ".pem").toString(), "--key", directory.resolve(name + ".key").toString(), url
    };
  }

  private Path ca(String name, String commonName) {
    Path key = directory.resolve(name + ".key");
    Path cert = directory.resolve(name + ".pem");
    Material.openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
    Material.openssl("req", "-x509", "-new", "-config", directory.resolve("ca.cnf"), "-extensions", "ca_ext",
        "-key", key, "-out", cert, "-days", "30", "-subj", "/CN=" + commonName);
    return cert;
  }

  private void client(String name, String issuer) {
    client(name, issuer, name);
  }

  private void client(String name, String issuer, String commonName) {
    Path key = directory.resolve(name + ".key");
    Path csr = directory.resolve(name + ".csr");
    Material.openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
    Material.openssl("req", "-new", "-config", directory.resolve("ca.cnf"), "-key", key, "-out", csr,
        "-subj", "/CN=" + commonName);
    Material.openssl("x509", "-req", "-in", csr, "-CA", directory.resolve(issuer + ".pem"),
        "-CAkey", directory.resolve(issuer + ".key"), "-set_serial", Long.toString(System.nanoTime() & Long.MAX_VALUE),
        "-days", "30", "-extfile", directory.resolve("ca.cnf"), "-extensions", "client_ext",
        "-out", directory.resolve(name + ".pem"));
  }
}
