package io.github.httpswrapper.cert;

import io.github.httpswrapper.cert.internal.KeyStoreLoader;
import io.github.httpswrapper.cert.internal.LocalCaStore;
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
 * CertificateSource.localCa().names("blog.home.arpa");             // issued by your own local CA
 * }</pre>
 *
 * <p>A {@link #localCa() local CA} works like mkcert or Caddy's internal CA: a root certificate is made once,
 * clients (curl, a JVM, browsers) are told to trust it once, and every server certificate it then issues and
 * renews is trusted without warnings or exceptions. Prefer it to a self-signed certificate when people open the
 * service in a browser, or when several services should be trusted at once.
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
   * Server certificates issued by a local certificate authority that is made once and kept in a state directory;
   * trust its {@link LocalCa#rootCertificateFile() root certificate} in your clients once (see
   * {@link LocalCa#trustHint()}), and every certificate it issues is trusted.
   *
   * <p>The root: made only when the state directory holds none, an {@link KeyAlgorithm#ECDSA_P256 ECDSA P-256}
   * key, valid for 10 years, allowed to sign end-entity (not CA) certificates only. It is never replaced behind
   * your back: root files that cannot be used (damaged, mismatched or expired) make {@link #load()} fail with a
   * message saying what to do. Keep {@code root-key.pem} secret: whoever has it can make certificates your
   * clients trust for any name.
   *
   * <p>The server certificate (leaf): defaults as for {@link #selfSigned()} (names {@code localhost},
   * {@code 127.0.0.1}, {@code ::1} and this machine's host name, plus any added with {@link LocalCa#names};
   * an ECDSA P-256 key; kept in {@code ~/.https-wrapper}), but valid for 30 days only. It is reused until less
   * than half of its validity is left, then issued again, as it is when the names or key algorithm change;
   * load again now and then (daily, say) to pick up the renewed one.
   */
  public static LocalCa localCa() {
    return new LocalCa(List.of(), KeyAlgorithm.ECDSA_P256, null, Duration.ofDays(30));
  }

  /**
   * Server certificates issued by a local certificate authority kept in a state directory. Immutable.
   *
   * @see CertificateSource#localCa()
   */
  public static final class LocalCa extends CertificateSource {
    private final List<String> names;
    private final KeyAlgorithm keyAlgorithm;
    private final Path stateDirectory;
    private final Duration leafValidity;

    private LocalCa(List<String> names, KeyAlgorithm keyAlgorithm, Path stateDirectory, Duration leafValidity) {
      this.names = names;
      this.keyAlgorithm = keyAlgorithm;
      this.stateDirectory = stateDirectory;
      this.leafValidity = leafValidity;
    }

    /**
     * Adds host names or IP addresses (IPv4 or IPv6 literals) to the server certificate's subject alternative
     * names, besides the defaults {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the machine's host name.
     * A DNS name may start with a {@code *.} wildcard label. The first name added also becomes the certificate's
     * common name (CN); without added names it is {@code localhost}.
     *
     * @throws CertificateMaterialException when a name is neither a DNS name nor an IP address
     */
    public LocalCa names(String... names) {
      Set<String> all = new LinkedHashSet<>(this.names);
      for (String name : names) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
          throw new IllegalArgumentException("a certificate name must not be blank");
        }
        LocalCaStore.checkName(name);
        all.add(name.trim());
      }
      return new LocalCa(List.copyOf(all), keyAlgorithm, stateDirectory, leafValidity);
    }

    /**
     * The server certificate's key type. Default: {@link KeyAlgorithm#ECDSA_P256}. The root's key is always
     * ECDSA P-256; it can sign an RSA server key too.
     */
    public LocalCa keyAlgorithm(KeyAlgorithm keyAlgorithm) {
      Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
      return new LocalCa(names, keyAlgorithm, stateDirectory, leafValidity);
    }

    /**
     * Where the CA is kept, in its {@code local-ca} subdirectory (created if missing). Default:
     * {@code .https-wrapper} in the user's home directory, as for {@link CertificateSource#selfSigned()}.
     */
    public LocalCa stateDirectory(Path stateDirectory) {
      Objects.requireNonNull(stateDirectory, "stateDirectory");
      return new LocalCa(names, keyAlgorithm, stateDirectory, leafValidity);
    }

    /**
     * How long a newly issued server certificate is valid. Default: 30 days. At least one day. Short is safer
     * (a copied key is soon worthless) and costs nothing, since renewal is automatic.
     */
    public LocalCa leafValidity(Duration leafValidity) {
      Objects.requireNonNull(leafValidity, "leafValidity");
      if (leafValidity.compareTo(Duration.ofDays(1)) < 0) {
        throw new IllegalArgumentException("leafValidity must be at least one day, was " + leafValidity);
      }
      return new LocalCa(names, keyAlgorithm, stateDirectory, leafValidity);
    }

    /**
     * The root certificate that clients must trust, {@code local-ca/root-certificate.pem} in the state
     * directory, whether or not it has been made yet. It holds no private key and can be handed out freely.
     */
    public Path rootCertificateFile() {
      return LocalCaStore.rootCertificateFile(effectiveStateDirectory());
    }

    /**
     * Tells how to trust the {@link #rootCertificateFile() root} in curl, Java and browsers, on two lines, for
     * a banner or log: {@code Trust the local CA: curl --cacert ROOT; Java: keytool -importcert -cacerts ...}
     * with {@code ROOT} the root certificate file (quoted for a shell when it has spaces).
     */
    public String trustHint() {
      return LocalCaStore.trustHint(rootCertificateFile());
    }

    private Path effectiveStateDirectory() {
      return stateDirectory != null
          ? stateDirectory
          : Path.of(System.getProperty("user.home"), ".https-wrapper");
    }

    /**
     * Makes the root if there is none, then reuses or issues the server certificate. The identity's chain is the
     * server certificate followed by the root, and its {@link Identity#certificateFile() certificate file} is the
     * root certificate file.
     *
     * @throws CertificateMaterialException when a stored root cannot be used, or the state directory cannot be
     *     written; the message names the file and says what to do
     */
    @Override
    public Identity load() {
      return LocalCaStore.loadOrCreate(effectiveStateDirectory(), names, keyAlgorithm, leafValidity, description());
    }

    @Override
    public String description() {
      return "local CA in " + effectiveStateDirectory();
    }
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

  /**
   * The files whose change means the material should be {@link #load() loaded} again: the certificate and key
   * files of a PEM source, the keystore file. Empty for sources that are not read from files the user owns
   * (PEM text) and for generated ones, which decide on their own when to make a new certificate.
   */
  public List<Path> watchedFiles() {
    return List.of();
  }

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

    @Override
    public List<Path> watchedFiles() {
      if (text != null) {
        return List.of();
      }
      return key == null ? List.of(certificate) : List.of(certificate, key);
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

    @Override
    public List<Path> watchedFiles() {
      return List.of(file);
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

  /**
   * A certificate from an ACME certificate authority (RFC 8555) such as Let's Encrypt, obtained with the HTTP-01
   * challenge, kept in a state directory and renewed before it expires.
   *
   * <p>How HTTP-01 works: the CA gives a token for each domain and fetches
   * {@code http://<domain>/.well-known/acme-challenge/<token>} (always port 80) from the internet; the answer must
   * be the token's key authorization, which {@link Acme#challengeResponse(String)} tells while validation runs.
   * So port 80 of every domain must reach the wrapper's plain-HTTP listener before the first {@link #load()}.
   *
   * <pre>{@code
   * CertificateSource.acme(URI.create("https://acme-v02.api.letsencrypt.org/directory"), "blog.example.org")
   *     .email("admin@example.org")
   *     .acceptTermsOfService();
   * }</pre>
   *
   * @param directory the CA's directory URL ({@code https://} only)
   * @param domains the DNS names the certificate is for, at least one; the first names the stored files
   * @throws IllegalArgumentException when the directory is not an {@code https://} URL, or a domain is not a
   *     fully qualified DNS name (IP addresses, {@code localhost} and {@code *.} wildcards cannot be validated
   *     over HTTP-01)
   */
  public static Acme acme(java.net.URI directory, String... domains) {
    return new Acme(
        io.github.httpswrapper.cert.internal.acme.AcmeConfig.of(
            io.github.httpswrapper.cert.internal.acme.AcmeNames.directory(directory),
            io.github.httpswrapper.cert.internal.acme.AcmeNames.domains(domains)),
        new io.github.httpswrapper.cert.internal.acme.AcmeCertificates());
  }

  /**
   * A certificate from an ACME CA, kept and renewed. Immutable configuration; the copies made by its methods
   * share one challenge table and one renewal schedule, so the wrapper may hold any of them.
   *
   * <p>{@link #load()} returns the stored certificate while it is valid, is for the same domains and is not due
   * for renewal. Otherwise it obtains a new one: the account key (EC P-256, made once, readable by its owner
   * only) registers or finds the account, an order for the domains is placed, each domain is proved over HTTP-01,
   * a new EC P-256 key is certified, and the chain and key are stored. Files, under the state directory:
   * {@code acme/<CA host>/account-key.pem} and {@code acme/<CA host>/<first domain>/certificate.pem},
   * {@code key.pem}. The CA's validation and issuance may take up to 60 s each.
   *
   * <p>When renewal fails but the stored certificate is still valid, {@code load()} returns the stored one and
   * logs a warning with the error and the time of the next attempt (1 min after the first failure, then doubling
   * up to 6 h; loads in between do not ask the CA). It throws {@link CertificateMaterialException} only when no
   * usable certificate exists, with a message that says which step failed and what to do.
   */
  public static final class Acme extends CertificateSource {
    private final io.github.httpswrapper.cert.internal.acme.AcmeConfig config;
    private final io.github.httpswrapper.cert.internal.acme.AcmeCertificates certificates;

    private Acme(
        io.github.httpswrapper.cert.internal.acme.AcmeConfig config,
        io.github.httpswrapper.cert.internal.acme.AcmeCertificates certificates) {
      this.config = config;
      this.certificates = certificates;
    }

    /**
     * The account's contact address, where the CA sends expiry notices and policy changes. Default: none. Only
     * used when the account is registered (an existing account keeps its contact).
     */
    public Acme email(String email) {
      Objects.requireNonNull(email, "email");
      if (email.isBlank() || email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1) {
        throw new IllegalArgumentException("\"" + email + "\" is not an email address: use one like admin@example.org");
      }
      return new Acme(config.withEmail(email.trim()), certificates);
    }

    /**
     * Where the account key and certificates are kept (created if missing). Default: {@code .https-wrapper} in
     * the user's home directory. Keep it between runs: a CA limits how many certificates it issues per week.
     */
    public Acme stateDirectory(Path stateDirectory) {
      Objects.requireNonNull(stateDirectory, "stateDirectory");
      return new Acme(config.withStateDirectory(stateDirectory), certificates);
    }

    /**
     * Accepts the CA's terms of service, which registering an account requires. Without it, only an account
     * already registered with the stored account key is used, and {@link #load()} fails with a message asking
     * for this call (or the command line's {@code --acme-accept-tos}) when there is none.
     */
    public Acme acceptTermsOfService() {
      return new Acme(config.withTermsOfServiceAccepted(), certificates);
    }

    /**
     * Trust material for the CA's own HTTPS API: a PEM bundle of the root certificates to trust, read at each
     * {@link #load()}. Needed for a private or test CA whose API certificate no public root vouches for. Default:
     * the JDK's trust store. Host names are checked either way.
     */
    public Acme trustedRoots(Path pemBundle) {
      Objects.requireNonNull(pemBundle, "pemBundle");
      return new Acme(config.withTrustedRoots(pemBundle), certificates);
    }

    /**
     * How long before its expiry a certificate is renewed. Default: a third of the certificate's lifetime (30
     * days for a 90-day certificate), which leaves time to retry if the CA is down.
     */
    public Acme renewBefore(Duration renewBefore) {
      Objects.requireNonNull(renewBefore, "renewBefore");
      if (renewBefore.isNegative() || renewBefore.isZero()) {
        throw new IllegalArgumentException("renewBefore must be positive, was " + renewBefore);
      }
      return new Acme(config.withRenewBefore(renewBefore), certificates);
    }

    /** The domains the certificate is for, in canonical spelling, first one first. */
    public List<String> domains() {
      return config.domains();
    }

    /** The state directory this source uses, the default one if none was set. */
    public Path effectiveStateDirectory() {
      return config.effectiveStateDirectory();
    }

    /**
     * The answer to an HTTP-01 challenge: for a {@code token} that the CA is validating right now, its key
     * authorization, which the plain-HTTP listener sends as the {@code text/plain} body of
     * {@code GET /.well-known/acme-challenge/<token>}; empty for any other token.
     */
    public java.util.Optional<String> challengeResponse(String token) {
      return certificates.challengeResponse(token);
    }

    @Override
    public Identity load() {
      return certificates.load(config);
    }

    @Override
    public String description() {
      return config.description();
    }
  }
}
