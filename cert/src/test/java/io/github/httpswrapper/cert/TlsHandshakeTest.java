package io.github.httpswrapper.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Loaded keys really serve TLS with the JDK's own implementation: a server uses the identity, and a client that
 * trusts only the expected certificate and checks the host name completes a handshake.
 */
@Timeout(120)
class TlsHandshakeTest {
  @TempDir Path dir;

  enum Kind {
    GENERATED_ECDSA(dir -> CertificateSource.selfSigned().stateDirectory(dir).load()),
    GENERATED_RSA(dir -> CertificateSource.selfSigned().stateDirectory(dir).keyAlgorithm(KeyAlgorithm.RSA_2048).load()),
    PKCS1_RSA(dir -> pemWithKey(dir, Material.pkcs1RsaKey(dir))),
    SEC1_EC(dir -> pemWithKey(dir, Material.sec1EcKey(dir))),
    PKCS8_EC(dir -> pemWithKey(dir, Material.pkcs8EcKey(dir))),
    ENCRYPTED_PKCS8_EC(dir -> pemWithKey(dir, Material.encryptedPkcs8(dir, Material.pkcs8EcKey(dir)))),
    LEGACY_ENCRYPTED_RSA(dir -> pemWithKey(dir, Material.legacyEncryptedRsaKey(dir))),
    ED25519(dir -> pemWithKey(dir, Material.ed25519Key(dir))),
    ONE_FILE_RSA(dir -> CertificateSource.pem(Material.rsaCertificateAndKeyInOneFile(dir)).load());

    final Function<Path, Identity> load;

    Kind(Function<Path, Identity> load) {
      this.load = load;
    }

    private static Identity pemWithKey(Path dir, Path key) {
      return CertificateSource.pem(Material.certificateFor(dir, key, "cert.pem"), key)
          .password(Material.PASSWORD.toCharArray())
          .load();
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void servesTls13(Kind kind) throws Exception {
    Identity identity = kind.load.apply(dir);

    SSLSession session = Handshake.connect(identity, identity.certificate(), "TLSv1.3");

    assertEquals("TLSv1.3", session.getProtocol());
    assertEquals(identity.certificate(), session.getPeerCertificates()[0]);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void servesTls12(Kind kind) throws Exception {
    Identity identity = kind.load.apply(dir);

    SSLSession session = Handshake.connect(identity, identity.certificate(), "TLSv1.2");

    assertEquals("TLSv1.2", session.getProtocol());
  }

  @org.junit.jupiter.api.Test
  void chainIsSentSoAClientTrustingOnlyTheRootAccepts() throws Exception {
    Chain chain = Chain.make(dir);
    Identity identity = CertificateSource.pem(
        Chain.concatenate(dir.resolve("bundle.pem"), chain.intermediate, chain.leaf, chain.root), chain.leafKey)
        .load();
    X509Certificate root = identity.chain().get(2);

    SSLSession session = Handshake.connect(identity, root, "TLSv1.3");

    assertEquals(3, session.getPeerCertificates().length);
    assertEquals(List.of(identity.chain().toArray()), List.of(session.getPeerCertificates()));
  }
}
