package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.Identity;
import io.github.httpswrapper.cert.KeyAlgorithm;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local certificate authority kept in a state directory: a root made once, and short-lived server certificates
 * it issues and renews.
 *
 * <p>The files, in {@code local-ca/}: {@code root-certificate.pem} and {@code root-key.pem} (the root, which
 * clients trust), {@code leaf-certificate.pem} (the server certificate followed by the root) and
 * {@code leaf-key.pem}. Key files and the directory are readable by their owner only. Processes that start at the
 * same time take turns through a lock file, so they share one root instead of making two.
 */
public final class LocalCaStore {
  private static final Logger log = LoggerFactory.getLogger(LocalCaStore.class);
  static final String DIRECTORY = "local-ca";
  static final String RETRUST = " (clients that trusted the old root must then trust the new one)";
  /** Warn this long before the root expires: replacing it means every client must trust a new one. */
  private static final Duration ROOT_EXPIRY_WARNING = Duration.ofDays(90);
  private static final String DEFAULT_COMMON_NAME = "localhost";
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");
  private static final StateLock LOCK = new StateLock();

  private LocalCaStore() {}

  /**
   * Checks a name asked for, so that a bad one fails when the configuration is built.
   *
   * @throws CertificateMaterialException when it is neither a DNS name nor an IP address
   */
  public static void checkName(String name) {
    HostNames.canonical(name, "localCa().names(...)");
  }

  /** The root certificate file of the local CA in {@code stateDir}, whether or not it exists yet. */
  public static Path rootCertificateFile(Path stateDir) {
    return stateDir.resolve(DIRECTORY).resolve(LocalCaRoot.CERTIFICATE_FILE);
  }

  /** Two lines telling how to make curl, Java and browsers trust {@code root}. */
  public static String trustHint(Path root) {
    String file = shellQuoted(root.toString());
    return "Trust the local CA: curl --cacert " + file + "; Java: keytool -importcert -cacerts"
        + " -alias https-wrapper-local-ca -file " + file + "\n"
        + "Browsers: import " + file + " as an authority (Firefox: Settings > Privacy & Security > View"
        + " Certificates > Authorities; Chrome on Linux: certutil -d sql:$HOME/.pki/nssdb -A -t C,,"
        + " -n https-wrapper-local-ca -i " + file + ")";
  }

  /**
   * The stored server certificate if it still fits, else a new one issued by the root (made first if there is
   * none), stored for next time.
   *
   * @param extraNames DNS names or IP addresses wanted besides the defaults
   * @throws CertificateMaterialException when a name is invalid, the stored root cannot be used, or the state
   *     directory cannot be written
   */
  public static Identity loadOrCreate(
      Path stateDir, List<String> extraNames, KeyAlgorithm algorithm, Duration leafValidity, String origin) {
    List<String> names = SelfSignedStore.wantedNames(extraNames, origin);
    String commonName = extraNames.isEmpty() ? DEFAULT_COMMON_NAME : HostNames.canonical(extraNames.get(0), origin);
    Path directory = stateDir.resolve(DIRECTORY);
    return LOCK.run(directory, origin, () -> {
      LocalCaRoot root = root(directory, origin);
      return leaf(directory, root, names, commonName, algorithm, leafValidity, origin);
    });
  }

  private static LocalCaRoot root(Path directory, String origin) throws IOException {
    Instant now = Instant.now();
    LocalCaRoot root = LocalCaRoot.read(directory, now);
    if (root == null) {
      root = LocalCaRoot.create(directory, SelfSignedStore.hostName(), now);
      Path file = directory.resolve(LocalCaRoot.CERTIFICATE_FILE);
      log.info("{}: made a new local CA root {} ({}), valid until {}, SHA-256 {}\n{}",
          origin, file, IdentityChecks.subject(root.certificate), root.certificate.getNotAfter().toInstant(),
          IdentityChecks.sha256Fingerprint(root.certificate), trustHint(file));
      return root;
    }
    Instant notAfter = root.certificate.getNotAfter().toInstant();
    if (Duration.between(now, notAfter).compareTo(ROOT_EXPIRY_WARNING) < 0) {
      log.warn("{}: the local CA root {} expires on {}: delete {} to make a new root{}",
          origin, directory.resolve(LocalCaRoot.CERTIFICATE_FILE), notAfter, directory, RETRUST);
    }
    return root;
  }

  private static Identity leaf(
      Path directory, LocalCaRoot root, List<String> names, String commonName, KeyAlgorithm algorithm,
      Duration validity, String origin) throws IOException {
    Path rootFile = directory.resolve(LocalCaRoot.CERTIFICATE_FILE);
    Instant now = Instant.now();
    LocalCaLeaf stored = LocalCaLeaf.read(directory);
    String reason = stored.reasonToReplace(root, new LinkedHashSet<>(names), algorithm, validity, now);
    if (reason == null) {
      log.debug("{}: reusing {}", origin, directory.resolve(LocalCaLeaf.CERTIFICATE_FILE));
      return Identity.of(stored.key, List.of(stored.certificate, root.certificate), origin, rootFile);
    }
    Instant start = now.truncatedTo(ChronoUnit.SECONDS);
    Instant rootNotAfter = root.certificate.getNotAfter().toInstant();
    Instant end = start.plus(validity);
    // A certificate must not outlive its issuer: clients would refuse it from the day the root expires.
    Instant notAfter = end.isAfter(rootNotAfter) ? rootNotAfter : end;
    // Valid from an hour ago, so that clients with a slightly slow clock accept it too.
    KeyAndCertificate made = LocalCaCertificates.leaf(
        root.certificate, root.key, algorithm, commonName, names, start.minus(Duration.ofHours(1)), notAfter);
    List<X509Certificate> chain = List.of(made.certificate, root.certificate);
    StateFiles.writeKeyAndCertificates(
        directory.resolve(LocalCaLeaf.KEY_FILE), made.key, directory.resolve(LocalCaLeaf.CERTIFICATE_FILE), chain);
    Identity identity = Identity.of(made.key, chain, origin, rootFile);
    log.info("{}: issued a new certificate ({}) for {}, valid until {}, SHA-256 {}",
        origin, reason, names, identity.notAfter(), identity.sha256Fingerprint());
    return identity;
  }

  private static String shellQuoted(String text) {
    return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
