package io.github.httpswrapper.cert.internal.acme;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.Identity;
import io.github.httpswrapper.cert.internal.Pem;
import io.github.httpswrapper.cert.internal.PemLoader;
import io.github.httpswrapper.cert.internal.StateFiles;
import io.github.httpswrapper.cert.internal.StateLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The files an ACME source keeps in its state directory:
 *
 * <pre>
 * acme/&lt;CA host&gt;/account-key.pem                    the account's key pair (EC P-256), made once
 * acme/&lt;CA host&gt;/&lt;first domain&gt;/certificate.pem   the chain the CA issued, leaf first
 * acme/&lt;CA host&gt;/&lt;first domain&gt;/key.pem           the certificate's private key (PKCS#8)
 * </pre>
 *
 * <p>The account key identifies the account to the CA: losing it means registering a new account, which is
 * harmless, but the CA's rate limits count per account, so it is kept. Both keys are readable by their owner
 * only, and every file is replaced in one step. Wrappers that share a state directory take turns through a lock
 * file, so a second one waits and then reuses the certificate the first one obtained.
 */
final class AcmeStore {
  static final String ACCOUNT_KEY = "account-key.pem";
  static final String CERTIFICATE = "certificate.pem";
  static final String KEY = "key.pem";
  private static final StateLock LOCK = new StateLock();

  final Path accountKeyFile;
  final Path certificateFile;
  final Path keyFile;
  private final Path certificateDirectory;
  private final String origin;

  private AcmeStore(Path serverDirectory, String firstDomain, String origin) {
    this.accountKeyFile = serverDirectory.resolve(ACCOUNT_KEY);
    this.certificateDirectory = serverDirectory.resolve(firstDomain);
    this.certificateFile = certificateDirectory.resolve(CERTIFICATE);
    this.keyFile = certificateDirectory.resolve(KEY);
    this.origin = origin;
  }

  static AcmeStore of(AcmeConfig config) {
    Path server = config.effectiveStateDirectory().resolve("acme").resolve(AcmeNames.folderFor(config.directory()));
    return new AcmeStore(server, config.domains().get(0), config.description());
  }

  /**
   * Runs {@code work} while no other thread or process works on this certificate.
   *
   * @throws CertificateMaterialException when the directory cannot be created or written, with the fix
   */
  <T> T locked(StateLock.Work<T> work) {
    return LOCK.run(certificateDirectory, origin, work);
  }

  /**
   * The stored certificate and key, checked like any identity material.
   *
   * @throws CertificateMaterialException when none is stored, or it cannot be used (expired, unreadable); the
   *     message says which
   */
  Identity readCertificate() {
    if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
      throw new CertificateMaterialException("none stored yet");
    }
    return PemLoader.load(certificateFile, keyFile, null, origin);
  }

  /** Replaces the stored certificate with a new one and returns it as identity material. */
  Identity saveCertificate(KeyPair key, List<X509Certificate> chain) throws IOException {
    Identity identity = Identity.of(key.getPrivate(), chain, origin, certificateFile);
    // The key goes first: a certificate on disk whose key is missing is unusable, the reverse is merely unused.
    StateFiles.write(keyFile, Pem.encodePrivateKey(key.getPrivate()), true);
    StateFiles.write(certificateFile, Pem.encodeCertificates(identity.chain()), true);
    return identity;
  }

  boolean hasAccountKey() {
    return Files.exists(accountKeyFile);
  }

  /** The account key pair: the stored one, or a new EC P-256 pair, stored before it is first used. */
  KeyPair accountKey() throws IOException {
    if (hasAccountKey()) {
      try {
        return AccountKeys.decode(Files.readString(accountKeyFile, StandardCharsets.US_ASCII));
      } catch (IOException | IllegalArgumentException e) {
        throw new CertificateMaterialException(
            origin + ": " + accountKeyFile + " does not hold the ACME account key (" + e.getMessage() + "): restore"
                + " it from a backup, or delete it to register a new ACME account",
            e);
      }
    }
    StateFiles.createPrivateDirectory(accountKeyFile.getParent());
    KeyPair key = Keys.newP256();
    StateFiles.write(accountKeyFile, AccountKeys.encode(key), true);
    return key;
  }
}
