package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.KeyAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Identity material made the way people make it, with {@code openssl} and {@code keytool}, for names
 * {@code localhost} and {@code 127.0.0.1}. Each variant pairs a {@link CertificateSource} for the wrapper with the
 * PEM file a client should trust: the certificate itself, or the root CA that issued it.
 */
enum Material {
  /** {@code openssl req -x509 -nodes -out mycert.pem -keyout mycert.pem}: RSA key and certificate in one file. */
  PEM_ONE_FILE {
    @Override
    Served make(Path dir) {
      Path file = dir.resolve("mycert.pem");
      openssl("req", "-x509", "-nodes", "-newkey", "rsa:2048", "-out", file, "-keyout", file, "-days", "30",
          "-subj", "/CN=localhost", "-addext", SAN);
      return new Served(CertificateSource.pem(file), file);
    }
  },
  /** A certificate file and a PKCS#1 {@code RSA PRIVATE KEY} file. */
  PEM_PKCS1_RSA_KEY {
    @Override
    Served make(Path dir) {
      Path key = dir.resolve("key.pem");
      openssl("genrsa", "-traditional", "-out", key, "2048");
      requireHeader(key, "-----BEGIN RSA PRIVATE KEY-----");
      Path cert = selfSignedWith(dir, key);
      return new Served(CertificateSource.pem(cert, key), cert);
    }
  },
  /** A certificate file and a SEC1 {@code EC PRIVATE KEY} file. */
  PEM_SEC1_EC_KEY {
    @Override
    Served make(Path dir) {
      Path key = dir.resolve("key.pem");
      openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key);
      requireHeader(key, "-----BEGIN EC PRIVATE KEY-----");
      Path cert = selfSignedWith(dir, key);
      return new Served(CertificateSource.pem(cert, key), cert);
    }
  },
  /** A certificate file and an {@code ENCRYPTED PRIVATE KEY} (PKCS#8) file with its password. */
  PEM_ENCRYPTED_PKCS8_KEY {
    @Override
    Served make(Path dir) {
      Path key = dir.resolve("key.pem");
      openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes-256-cbc",
          "-pass", "pass:" + PASSWORD, "-out", key);
      requireHeader(key, "-----BEGIN ENCRYPTED PRIVATE KEY-----");
      Path cert = selfSignedWith(dir, key, "-passin", "pass:" + PASSWORD);
      return new Served(CertificateSource.pem(cert, key).password(PASSWORD.toCharArray()), cert);
    }
  },
  /** A certificate file and a legacy OpenSSL-encrypted ({@code Proc-Type: 4,ENCRYPTED}) RSA key with password. */
  PEM_LEGACY_ENCRYPTED_RSA_KEY {
    @Override
    Served make(Path dir) {
      Path plain = dir.resolve("plain-key.pem");
      Path key = dir.resolve("key.pem");
      openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", plain);
      openssl("rsa", "-in", plain, "-traditional", "-aes256", "-passout", "pass:" + PASSWORD, "-out", key);
      requireHeader(key, "Proc-Type: 4,ENCRYPTED");
      Path cert = selfSignedWith(dir, plain);
      return new Served(CertificateSource.pem(cert, key).password(PASSWORD.toCharArray()), cert);
    }
  },
  /** A certificate file and an Ed25519 PKCS#8 key file. */
  PEM_ED25519_KEY {
    @Override
    Served make(Path dir) {
      Path key = dir.resolve("key.pem");
      openssl("genpkey", "-algorithm", "ED25519", "-out", key);
      Path cert = selfSignedWith(dir, key);
      return new Served(CertificateSource.pem(cert, key), cert);
    }
  },
  /** {@code keytool -genkeypair -storetype PKCS12 -keyalg EC -groupname secp256r1}. */
  PKCS12_BY_KEYTOOL {
    @Override
    Served make(Path dir) {
      return keytoolStore(dir, "PKCS12", "server.p12", "-keyalg", "EC", "-groupname", "secp256r1");
    }
  },
  /** {@code openssl pkcs12 -export} with OpenSSL 3's defaults (AES-256, PBKDF2). */
  PKCS12_BY_OPENSSL {
    @Override
    Served make(Path dir) {
      Path key = dir.resolve("key.pem");
      openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
      Path cert = selfSignedWith(dir, key);
      Path store = dir.resolve("server.p12");
      openssl("pkcs12", "-export", "-inkey", key, "-in", cert, "-name", "web", "-passout", "pass:" + PASSWORD,
          "-out", store);
      return new Served(CertificateSource.keyStore(store, PASSWORD.toCharArray()), cert);
    }
  },
  /** {@code keytool -genkeypair -storetype JKS -keyalg RSA}. */
  JKS_BY_KEYTOOL {
    @Override
    Served make(Path dir) {
      return keytoolStore(dir, "JKS", "server.jks", "-keyalg", "RSA", "-keysize", "2048");
    }
  },
  /** Generated and kept by the wrapper: ECDSA P-256. */
  SELF_SIGNED_ECDSA {
    @Override
    Served make(Path dir) {
      return generated(dir, KeyAlgorithm.ECDSA_P256);
    }
  },
  /** Generated and kept by the wrapper: RSA 2048. */
  SELF_SIGNED_RSA {
    @Override
    Served make(Path dir) {
      return generated(dir, KeyAlgorithm.RSA_2048);
    }
  },
  /** Root CA → leaf; the wrapper serves the leaf (chain file leaf, root), the client trusts only the root. */
  CA_SIGNED_LEAF {
    @Override
    Served make(Path dir) {
      Path root = rootCa(dir);
      Path leaf = issue(dir, "leaf", "/CN=localhost", "root", "leaf_ext");
      Path chain = concat(dir.resolve("chain.pem"), leaf, root);
      return new Served(CertificateSource.pem(chain, dir.resolve("leaf.key")), root);
    }
  },
  /**
   * Root → intermediate → leaf, the chain file holding intermediate before leaf (it must be sorted) and no root;
   * the client trusts only the root, so the wrapper must send the intermediate.
   */
  INTERMEDIATE_CHAIN_OUT_OF_ORDER {
    @Override
    Served make(Path dir) {
      Path root = rootCa(dir);
      Path intermediate = issue(dir, "intermediate", "/CN=Test Intermediate CA", "root", "ca_ext");
      Path leaf = issue(dir, "leaf", "/CN=localhost", "intermediate", "leaf_ext");
      Path chain = concat(dir.resolve("chain.pem"), intermediate, leaf);
      return new Served(CertificateSource.pem(chain, dir.resolve("leaf.key")), root);
    }
  };

  static final String PASSWORD = "s3cret-Pa55";
  private static final String SAN = "subjectAltName=DNS:localhost,IP:127.0.0.1";
  private static final String CA_CONFIG =
      String.join(
          "\n",
          "[req]",
          "distinguished_name = dn",
          "[dn]",
          "[ca_ext]",
          "basicConstraints = critical,CA:TRUE",
          "keyUsage = critical,keyCertSign,cRLSign",
          "subjectKeyIdentifier = hash",
          "authorityKeyIdentifier = keyid",
          "[leaf_ext]",
          "basicConstraints = critical,CA:FALSE",
          "keyUsage = critical,digitalSignature,keyEncipherment",
          "extendedKeyUsage = serverAuth",
          "subjectKeyIdentifier = hash",
          "authorityKeyIdentifier = keyid",
          "subjectAltName = DNS:localhost,IP:127.0.0.1",
          "");

  /** Makes the material in {@code dir}, which must exist and be empty. */
  abstract Served make(Path dir);

  /** A source for the wrapper and the PEM file a client should trust for it. */
  record Served(CertificateSource source, Path trustedPem) {}

  static void openssl(Object... args) {
    String[] command = new String[args.length + 1];
    command[0] = "openssl";
    for (int i = 0; i < args.length; i++) {
      command[i + 1] = args[i].toString();
    }
    Commands.run(command).requireSuccess();
  }

  private static Path selfSignedWith(Path dir, Path key, String... extra) {
    Path cert = dir.resolve("cert.pem");
    String[] base = {"req", "-x509", "-new", "-key", key.toString(), "-out", cert.toString(), "-days", "30",
        "-subj", "/CN=localhost", "-addext", SAN};
    Object[] all = new Object[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    openssl(all);
    return cert;
  }

  private static Served keytoolStore(Path dir, String type, String fileName, String... keyArgs) {
    Path store = dir.resolve(fileName);
    Path cert = dir.resolve("cert.pem");
    String keytool = Commands.jdkTool("keytool");
    List<String> generate = new ArrayList<>(List.of(keytool, "-genkeypair",
        "-storetype", type, "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD,
        "-alias", "web", "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "30"));
    generate.addAll(List.of(keyArgs));
    Commands.run(Commands.DEFAULT_TIMEOUT, generate).requireSuccess();
    Commands.run(keytool, "-exportcert", "-rfc", "-alias", "web", "-keystore", store.toString(), "-storepass",
        PASSWORD, "-file", cert.toString()).requireSuccess();
    return new Served(CertificateSource.keyStore(store, PASSWORD.toCharArray()), cert);
  }

  private static Served generated(Path dir, KeyAlgorithm algorithm) {
    CertificateSource.SelfSigned source =
        CertificateSource.selfSigned().keyAlgorithm(algorithm).stateDirectory(dir.resolve("state"));
    // The client trusts the certificate file the source keeps, as a user would hand it to curl.
    Path kept = source.load().certificateFile().orElseThrow(
        () -> new AssertionError("a generated certificate should be kept in a file: " + source));
    Path trusted = dir.resolve("trusted.pem");
    try {
      Files.copy(kept, trusted);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Served(source, trusted);
  }

  private static Path rootCa(Path dir) {
    writeConfig(dir);
    Path key = dir.resolve("root.key");
    Path cert = dir.resolve("root.pem");
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
    openssl("req", "-x509", "-new", "-config", dir.resolve("ca.cnf"), "-extensions", "ca_ext", "-key", key,
        "-out", cert, "-days", "30", "-subj", "/CN=Test Root CA");
    return cert;
  }

  /** Makes {@code name}.key and {@code name}.pem, signed by {@code issuer}.key / {@code issuer}.pem. */
  private static Path issue(Path dir, String name, String subject, String issuer, String extensions) {
    Path key = dir.resolve(name + ".key");
    Path csr = dir.resolve(name + ".csr");
    Path cert = dir.resolve(name + ".pem");
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key);
    openssl("req", "-new", "-config", dir.resolve("ca.cnf"), "-key", key, "-out", csr, "-subj", subject);
    openssl("x509", "-req", "-in", csr, "-CA", dir.resolve(issuer + ".pem"), "-CAkey", dir.resolve(issuer + ".key"),
        "-set_serial", Long.toString(System.nanoTime() & Long.MAX_VALUE), "-days", "30",
        "-extfile", dir.resolve("ca.cnf"), "-extensions", extensions, "-out", cert);
    return cert;
  }

  private static void writeConfig(Path dir) {
    try {
      Files.writeString(dir.resolve("ca.cnf"), CA_CONFIG, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path concat(Path target, Path... parts) {
    try {
      StringBuilder text = new StringBuilder();
      for (Path part : parts) {
        text.append(Files.readString(part, StandardCharsets.US_ASCII));
      }
      Files.writeString(target, text, StandardCharsets.US_ASCII);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireHeader(Path file, String header) {
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII);
      assertTrue(text.contains(header), file + " should contain " + header + " but starts " + text.lines().findFirst());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
