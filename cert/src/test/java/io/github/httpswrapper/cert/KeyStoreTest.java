package io.github.httpswrapper.cert;

import static io.github.httpswrapper.cert.Tools.keytool;
import static io.github.httpswrapper.cert.Tools.openssl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** PKCS#12 and JKS keystores load by content, and every way they can be wrong is named. */
@Timeout(120)
class KeyStoreTest {
  private static final char[] STORE_PASSWORD = "store-secret".toCharArray();

  @TempDir Path dir;

  private Path keytoolStore(String file, String type, String... aliases) {
    for (String alias : aliases) {
      keytool(dir, "-genkeypair", "-keystore", file, "-storetype", type, "-storepass", "store-secret",
          "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + alias,
          "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "30");
    }
    return dir.resolve(file);
  }

  private static String failure(CertificateSource source) {
    return assertThrows(CertificateMaterialException.class, source::load).getMessage();
  }

  @Test
  void pkcs12FromKeytoolLoads() {
    Path store = keytoolStore("server.p12", "PKCS12", "web");

    Identity identity = CertificateSource.keyStore(store, STORE_PASSWORD).load();

    assertEquals("CN=web", identity.subject());
    assertEquals(List.of("localhost", "127.0.0.1"), identity.names());
  }

  @Test
  void jksFromKeytoolLoads() {
    Path store = keytoolStore("server.jks", "JKS", "web");

    assertEquals("CN=web", CertificateSource.keyStore(store, STORE_PASSWORD).load().subject());
  }

  @Test
  void pkcs12FromOpensslExportLoadsWithItsChain() {
    Chain chain = Chain.make(dir);
    openssl(dir, "pkcs12", "-export", "-in", chain.leaf.toString(), "-inkey", chain.leafKey.toString(),
        "-certfile", Chain.concatenate(dir.resolve("cas.pem"), chain.root, chain.intermediate).toString(),
        "-passout", "pass:store-secret", "-out", "bundle.pfx");

    Identity identity = CertificateSource.keyStore(dir.resolve("bundle.pfx"), STORE_PASSWORD).load();

    assertEquals(3, identity.chain().size());
    assertEquals("CN=localhost", identity.subject());
  }

  @Test
  void aliasPicksOneOfSeveralKeyEntries() {
    Path store = keytoolStore("server.p12", "PKCS12", "web", "api");

    assertEquals("CN=api", CertificateSource.keyStore(store, STORE_PASSWORD).alias("api").load().subject());
  }

  @Test
  void severalKeyEntriesWithoutAliasAreListed() {
    Path store = keytoolStore("server.p12", "PKCS12", "web", "api");

    assertEquals(store + " holds 2 key entries [api, web]: choose one with an alias",
        failure(CertificateSource.keyStore(store, STORE_PASSWORD)));
  }

  @Test
  void unknownAliasListsTheKeyEntries() {
    Path store = keytoolStore("server.p12", "PKCS12", "web");

    assertEquals(store + " has no entry \"mail\": its key entries are [web]",
        failure(CertificateSource.keyStore(store, STORE_PASSWORD).alias("mail")));
  }

  @Test
  void wrongStorePasswordIsReported() {
    Path store = keytoolStore("server.p12", "PKCS12", "web");

    assertEquals(store + ": the keystore password is wrong",
        failure(CertificateSource.keyStore(store, "wrong".toCharArray())));
  }

  @Test
  void wrongStorePasswordOfJksIsReported() {
    Path store = keytoolStore("server.jks", "JKS", "web");

    assertEquals(store + ": the keystore password is wrong",
        failure(CertificateSource.keyStore(store, "wrong".toCharArray())));
  }

  @Test
  void keyPasswordThatDiffersFromTheStorePasswordIsUsed() {
    keytool(dir, "-genkeypair", "-keystore", "server.jks", "-storetype", "JKS", "-storepass", "store-secret",
        "-keypass", "key-secret", "-alias", "web", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=web",
        "-validity", "30");
    Path store = dir.resolve("server.jks");

    assertEquals(store + ": the password for the key entry \"web\" is wrong: pass the key password if it differs"
        + " from the keystore password", failure(CertificateSource.keyStore(store, STORE_PASSWORD)));
    assertEquals("CN=web", CertificateSource.keyStore(store, STORE_PASSWORD)
        .keyPassword("key-secret".toCharArray()).load().subject());
  }

  @Test
  void storeWithOnlyTrustedCertificatesIsRefused() {
    Path certificate = Material.certificateFor(dir, Material.pkcs8EcKey(dir), "cert.pem");
    keytool(dir, "-importcert", "-noprompt", "-keystore", "trust.p12", "-storetype", "PKCS12",
        "-storepass", "store-secret", "-alias", "ca", "-file", certificate.toString());
    Path store = dir.resolve("trust.p12");

    assertEquals(store + " holds no private key entry, only trusted certificates: use a keystore made with"
        + " keytool -genkeypair or openssl pkcs12 -export", failure(CertificateSource.keyStore(store, STORE_PASSWORD)));
  }

  @Test
  void missingKeyStoreIsNamed() {
    Path missing = dir.resolve("missing.p12");

    assertEquals(missing + " does not exist: check the path",
        failure(CertificateSource.keyStore(missing, STORE_PASSWORD)));
  }

  @Test
  void pemFilePassedAsKeyStoreIsRedirected() {
    Path pem = Material.rsaCertificateAndKeyInOneFile(dir);

    assertEquals(pem + " is not a PKCS#12 or JKS keystore: for PEM files use CertificateSource.pem(...)",
        failure(CertificateSource.keyStore(pem, STORE_PASSWORD)));
  }
}
