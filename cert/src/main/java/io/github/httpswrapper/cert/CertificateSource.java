package io.github.httpswrapper.cert;

import io.github.httpswrapper.cert.internal.KeyStoreLoader;
import io.github.httpswrapper.cert.internal.PemLoader;
import io.github.httpswrapper.cert.internal.SelfSignedStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a server's identity material (private key and certificate chain) comes from.
 *
 * <p>Pick one with an intent-named factory, adjust it with its immutable {@code with}-style methods, and hand it
 * to the wrapper. Every source can be {@link #load() loaded} again at any time: files are read afresh each time.
 *
 * <pre>{@code
 * CertificateSource.pem(Path.of("mycert.pem"));                    // cert and key in one file
 * CertificateSource.pem(Path.of("cert.pem"), Path.of("key.pem"))   // or two
 *     .password("secret".toCharArray());                            // encrypted key
 * CertificateSource.parsePem(System.getenv("TLS_PEM"));            // PEM text, even folded onto one line
 * CertificateSource.keyStore(Path.of("server.p12"), storePassword) // PKCS#12 or JKS
 *     .alias("web");
 * CertificateSource.selfSigned().names("blog.home.arpa");          // generated once, kept, reused
 * }</pre>
 *
 * <p>Expired certificates: a certificate (leaf) that has expired, or is not valid yet, is refused with a
 * {@link CertificateMaterialException}, since every client would refuse it anyway. One that expires in less than
 * 14 days loads, with a warning in the log.
 */
public abstract class CertificateSource {
  CertificateSource() {}

  /**
   * A PEM file that holds both the certificate chain and the private key, in any order: exactly what
   * {@code openssl req -x509 -nodes -out mycert.pem -keyout mycert.pem} writes. The key may be PKCS#8
   * ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}), SEC1 ({@code EC PRIVATE KEY}), encrypted PKCS#8 or
   * legacy OpenSSL-encrypted PEM (then give a {@link Pem#password(char[]) password}), or Ed25519.
   *
   * <p>Ed25519 keys serve TLS 1.2 and 1.3 with the JDK (17 and later) and with OpenSSL-based clients such as
   * curl, but web browsers do not accept Ed25519 certificates: for a site people open in a browser, use an EC
   * (P-256) or RSA key.
   *
   * @see <a href="https://www.rfc-editor.org/rfc/rfc8446#section-4.2.3">RFC 8446, signature schemes (ed25519)</a>
   */
  public static Pem pem(Path certificateAndKey) {
    Objects.requireNonNull(certificateAndKey, "certificateAndKey");
    return new Pem(certificateAndKey, null, null, null);
  }

  /**
   * A certificate chain (leaf first, or in any order: it is sorted) and its private key in two PEM files.
   *
   * @see #pem(Path) for the key formats
   */
  public static Pem pem(Path certificate, Path key) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(key, "key");
    return new Pem(certificate, key, null, null);
  }

  /**
   * PEM text holding the certificate chain and the private key, for example from an environment variable. Text
   * folded onto one line (newlines turned into spaces or into the two characters {@code \n}) is accepted.
   */
  public static Pem parsePem(String pemText) {
    Objects.requireNonNull(pemText, "pemText");
    return new Pem(null, null, pemText, null);
  }

  /**
   * A PKCS#12 ({@code .p12}, {@code .pfx}) or JKS keystore; the type is detected from the content. The key
   * password defaults to the store password; the alias defaults to the only key entry in the store.
   */
  public static KeyStoreFile keyStore(Path file, char[] storePassword) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(storePassword, "storePassword");
    return new KeyStoreFile(file, storePassword.clone(), null, null);
  }

  /**
   * A self-signed certificate made for you and kept in a state directory, so that the same certificate (and
   * any browser exception a user accepted for it) is reused on the next start.
   *
   * <p>Defaults: an {@link KeyAlgorithm#ECDSA_P256 ECDSA P-256} key; subject alternative names
   * {@code localhost}, {@code 127.0.0.1}, {@code ::1} and this machine's host name, plus any added with
   * {@link SelfSigned#names(String...)}; valid for 397 days; kept in {@code ~/.https-wrapper}. A new certificate
   * is made when none is stored, when the stored one has expired or expires within 14 days (or within a third
   * of its validity, if that is shorter), or when the names or key algorithm asked for differ from the stored
   * ones. The key file is readable by its owner only.
   */
  public static SelfSigned selfSigned() {
    return new SelfSigned(List.of(), KeyAlgorithm.ECDSA_P256, null, Duration.ofDays(397));
  }

  /**
   * Loads (or, for generated sources, makes or reuses) the identity material, and checks it: the key must match
   * the leaf certificate and the leaf must be valid now.
   *
   * @throws CertificateMaterialException when the material cannot be used; the message says why and what to do
   */
  public abstract Identity load();

  /** A short description for logs and banners, naming the file or directory, e.g. {@code PEM mycert.pem}. */
  public abstract String description();

  @Override
  public String toString() {
    return description();
  }

  /** A certificate chain and key from PEM (one file, two files, or text). Immutable. */
  public static final class Pem extends CertificateSource {
    private final Path certificate;
    private final Path key;
    private final String text;
    private final char[] password;

    private Pem(Path certificate, Path key, String text, char[] password) {
      this.certificate = certificate;
      this.key = key;
      this.text = text;
      this.password = password;
    }

    /**
     * The password of an encrypted private key (encrypted PKCS#8, or legacy OpenSSL {@code Proc-Type:
     * 4,ENCRYPTED}). Without it, an encrypted key fails to load with a message asking for it.
     */
    public Pem password(char[] password) {
      Objects.requireNonNull(password, "password");
      return new Pem(certificate, key, text, password.clone());
    }

    @Override
    public Identity load() {
      char[] pw = password == null ? null : password.clone();
      try {
        return text != null
            ? PemLoader.parse(text, pw, description())
            : PemLoader.load(certificate, key, pw, description());
      } finally {
        if (pw != null) {
          Arrays.fill(pw, '\0');
        }
      }
    }

    @Override
    public String description() {
      if (text != null) {
        return "PEM text";
      }
      return key == null ? "PEM " + certificate : "PEM " + certificate + " with key " + key;
    }
  }

  /** A key and certificate chain from a PKCS#12 or JKS keystore. Immutable. */
  public static final class KeyStoreFile extends CertificateSource {
    private final Path file;
    private final char[] storePassword;
    private final char[] keyPassword;
    private final String alias;

    private KeyStoreFile(Path file, char[] storePassword, char[] keyPassword, String alias) {
      this.file = file;
      this.storePassword = storePassword;
      this.keyPassword = keyPassword;
      this.alias = alias;
    }

    /** The key entry's password, when it differs from the store password. Default: the store password. */
    public KeyStoreFile keyPassword(char[] keyPassword) {
      Objects.requireNonNull(keyPassword, "keyPassword");
      return new KeyStoreFile(file, storePassword, keyPassword.clone(), alias);
    }

    /**
     * The alias of the key entry to use. Default: the store's only key entry; a store with several key entries
     * and no alias fails to load with a message listing them.
     */
    public KeyStoreFile alias(String alias) {
      Objects.requireNonNull(alias, "alias");
      return new KeyStoreFile(file, storePassword, keyPassword, alias);
    }

    @Override
    public Identity load() {
      return KeyStoreLoader.load(
          file,
          storePassword.clone(),
          keyPassword == null ? storePassword.clone() : keyPassword.clone(),
          alias,
          description());
    }

    @Override
    public String description() {
      return "keystore " + file + (alias == null ? "" : " alias " + alias);
    }
  }

  /** A generated self-signed certificate, kept in a state directory and reused. Immutable. */
  public static final class SelfSigned extends CertificateSource {
    private final List<String> names;
    private final KeyAlgorithm keyAlgorithm;
    private final Path stateDirectory;
    private final Duration validity;

    private SelfSigned(
        List<String> names, KeyAlgorithm keyAlgorithm, Path stateDirectory, Duration validity) {
      this.names = names;
      this.keyAlgorithm = keyAlgorithm;
      this.stateDirectory = stateDirectory;
      this.validity = validity;
    }

    /**
     * Adds host names or IP addresses (IPv4 or IPv6 literals) to the certificate's subject alternative names,
     * besides the defaults {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the machine's host name. A DNS
     * name may start with a {@code *.} wildcard label. The first name added also becomes the certificate's common
     * name (CN), which browsers show; without added names the CN is {@code localhost}.
     *
     * @throws CertificateMaterialException when a name is neither a DNS name nor an IP address
     */
    public SelfSigned names(String... names) {
      Set<String> all = new LinkedHashSet<>(this.names);
      for (String name : names) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
          throw new IllegalArgumentException("a certificate name must not be blank");
        }
        SelfSignedStore.checkName(name);
        all.add(name.trim());
      }
      return new SelfSigned(List.copyOf(all), keyAlgorithm, stateDirectory, validity);
    }

    /** The key type. Default: {@link KeyAlgorithm#ECDSA_P256}. */
    public SelfSigned keyAlgorithm(KeyAlgorithm keyAlgorithm) {
      Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
      return new SelfSigned(names, keyAlgorithm, stateDirectory, validity);
    }

    /**
     * Where the certificate and key are kept (created if missing). Default: {@code .https-wrapper} in the
     * user's home directory.
     */
    public SelfSigned stateDirectory(Path stateDirectory) {
      Objects.requireNonNull(stateDirectory, "stateDirectory");
      return new SelfSigned(names, keyAlgorithm, stateDirectory, validity);
    }

    /** How long a newly made certificate is valid. Default: 397 days. At least one day. */
    public SelfSigned validity(Duration validity) {
      Objects.requireNonNull(validity, "validity");
      if (validity.compareTo(Duration.ofDays(1)) < 0) {
        throw new IllegalArgumentException("validity must be at least one day, was " + validity);
      }
      return new SelfSigned(names, keyAlgorithm, stateDirectory, validity);
    }

    /** The names asked for with {@link #names(String...)}, without the defaults. */
    public List<String> extraNames() {
      return Collections.unmodifiableList(new ArrayList<>(names));
    }

    /** The state directory this source uses, the default one if none was set. */
    public Path effectiveStateDirectory() {
      return stateDirectory != null
          ? stateDirectory
          : Path.of(System.getProperty("user.home"), ".https-wrapper");
    }

    @Override
    public Identity load() {
      return SelfSignedStore.loadOrCreate(
          effectiveStateDirectory(), names, keyAlgorithm, validity, description());
    }

    @Override
    public String description() {
      return "self-signed certificate in " + effectiveStateDirectory();
    }
  }
}
