package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Loads a key entry and its certificate chain from a PKCS#12 or JKS keystore, whichever the file holds.
 *
 * <p>The passwords are cleared once the store has been read.
 */
public final class KeyStoreLoader {
  private KeyStoreLoader() {}

  /**
   * Loads the key entry {@code aliasOrNull}, or the store's only key entry when it is null.
   *
   * @param origin names the source in the {@link Identity} and its log lines
   */
  public static Identity load(
      Path file, char[] storePassword, char[] keyPassword, String aliasOrNull, String origin) {
    try {
      KeyStore store = open(file, storePassword);
      String alias = keyAlias(store, file, aliasOrNull);
      PrivateKey key = key(store, file, alias, keyPassword);
      Certificate[] chain = store.getCertificateChain(alias);
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate certificate : chain == null ? new Certificate[0] : chain) {
        if (!(certificate instanceof X509Certificate)) {
          throw new CertificateMaterialException(
              file + ": the entry \"" + alias + "\" holds a " + certificate.getType()
                  + " certificate, not an X.509 one: TLS needs X.509 certificates");
        }
        certificates.add((X509Certificate) certificate);
      }
      return Identity.of(key, certificates, origin);
    } catch (KeyStoreException e) {
      // Only reachable for a store that failed to load, which open() already reports.
      throw new CertificateMaterialException(file + " cannot be read as a keystore: " + e.getMessage(), e);
    } finally {
      Arrays.fill(storePassword, '\0');
      Arrays.fill(keyPassword, '\0');
    }
  }

  private static KeyStore open(Path file, char[] password) {
    if (!Files.isRegularFile(file)) {
      String where = file.isAbsolute() ? "" : " (looked for " + file.toAbsolutePath() + ")";
      throw new CertificateMaterialException(
          file + (Files.exists(file) ? " is not a file" : " does not exist") + where + ": check the path");
    }
    try {
      // Probes every keystore type the JDK knows (PKCS#12 and JKS among them) and loads the one that fits.
      return KeyStore.getInstance(file.toFile(), password);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new CertificateMaterialException(file + ": the keystore password is wrong", e);
      }
      throw new CertificateMaterialException(
          file + " cannot be read (" + PemText.oneLine(e.getMessage()) + "): check the path and permissions", e);
    } catch (KeyStoreException e) {
      throw new CertificateMaterialException(
          file + " is not a PKCS#12 or JKS keystore: for PEM files use CertificateSource.pem(...)", e);
    } catch (GeneralSecurityException e) {
      throw new CertificateMaterialException(
          file + " cannot be loaded (" + PemText.oneLine(e.getMessage()) + ")", e);
    }
  }

  private static String keyAlias(KeyStore store, Path file, String requested) throws KeyStoreException {
    List<String> keyAliases = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
        keyAliases.add(alias);
      }
    }
    Collections.sort(keyAliases);
    if (requested != null) {
      if (!store.containsAlias(requested)) {
        throw new CertificateMaterialException(
            file + " has no entry \"" + requested + "\": its key entries are " + keyAliases);
      }
      if (!store.entryInstanceOf(requested, KeyStore.PrivateKeyEntry.class)) {
        throw new CertificateMaterialException(
            file + ": the entry \"" + requested + "\" holds no private key: use one of its key entries "
                + keyAliases);
      }
      return requested;
    }
    if (keyAliases.isEmpty()) {
      throw new CertificateMaterialException(
          file + " holds no private key entry, only trusted certificates: use a keystore made with"
              + " keytool -genkeypair or openssl pkcs12 -export");
    }
    if (keyAliases.size() > 1) {
      throw new CertificateMaterialException(
          file + " holds " + keyAliases.size() + " key entries " + keyAliases + ": choose one with an alias");
    }
    return keyAliases.get(0);
  }

  private static PrivateKey key(KeyStore store, Path file, String alias, char[] password)
      throws KeyStoreException {
    try {
      return (PrivateKey) store.getKey(alias, password);
    } catch (UnrecoverableKeyException e) {
      throw new CertificateMaterialException(
          file + ": the password for the key entry \"" + alias + "\" is wrong: pass the key password if it"
              + " differs from the keystore password",
          e);
    } catch (GeneralSecurityException e) {
      throw new CertificateMaterialException(
          file + ": the key entry \"" + alias + "\" cannot be read (" + PemText.oneLine(e.getMessage()) + ")", e);
    }
  }
}
