package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import io.github.httpswrapper.cert.Identity;
import io.github.httpswrapper.cert.KeyAlgorithm;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a generated self-signed certificate in a state directory and reuses it while it still fits.
 *
 * <p>Reuse matters: a browser exception, a pinned fingerprint or a {@code curl --cacert} file all stay valid only
 * as long as the certificate does not change. So a new one is made only when none is stored, the stored one
 * cannot be read, expires within 14 days (a third of its validity, if shorter), or was made for other names or another key algorithm.
 *
 * <p>The files are {@code self-signed/certificate.pem} and {@code self-signed/key.pem} (unencrypted PKCS#8,
 * readable by its owner only). Processes that start at the same time take turns through a lock file, so they
 * end up sharing one certificate instead of overwriting each other's halves.
 */
public final class SelfSignedStore {
  private static final Logger log = LoggerFactory.getLogger(SelfSignedStore.class);
  static final String DIRECTORY = "self-signed";
  static final String CERTIFICATE_FILE = "certificate.pem";
  static final String KEY_FILE = "key.pem";
  /**
   * Renew this long before expiry (or a third of the validity, if shorter), so a long-running server is not
   * caught out by its own certificate, and before the 14-day expiry warning would fire.
   */
  static final Duration RENEW_BEFORE = Duration.ofDays(14);
  private static final List<String> DEFAULT_NAMES = List.of("localhost", "127.0.0.1", "::1");
  private static final StateLock LOCK = new StateLock();

  private SelfSignedStore() {}

  /** How long before expiry a certificate of this validity is made again. */
  static Duration renewBefore(Duration validity) {
    Duration third = validity.dividedBy(3);
    return third.compareTo(RENEW_BEFORE) < 0 ? third : RENEW_BEFORE;
  }

  /**
   * Checks a name asked for, so that a bad one fails when the configuration is built.
   *
   * @throws CertificateMaterialException when it is neither a DNS name nor an IP address
   */
  public static void checkName(String name) {
    HostNames.canonical(name, "selfSigned().names(...)");
  }

  /**
   * The stored certificate if it still fits, else a new one, stored for next time.
   *
   * @param extraNames DNS names or IP addresses wanted besides the defaults
   * @throws CertificateMaterialException when a name is invalid, or the state directory cannot be written
   */
  public static Identity loadOrCreate(
      Path stateDir, List<String> extraNames, KeyAlgorithm algorithm, Duration validity, String origin) {
    List<String> names = wantedNames(extraNames, origin);
    // The CN is only shown to people (clients match the alternative names), so show the name they asked for.
    String commonName = extraNames.isEmpty() ? DEFAULT_NAMES.get(0) : HostNames.canonical(extraNames.get(0), origin);
    Path directory = stateDir.resolve(DIRECTORY);
    return LOCK.run(directory, origin, () -> loadOrCreate(directory, names, commonName, algorithm, validity, origin));
  }

  private static Identity loadOrCreate(
      Path directory, List<String> names, String commonName, KeyAlgorithm algorithm, Duration validity,
      String origin) throws IOException {
    Path certificateFile = directory.resolve(CERTIFICATE_FILE);
    Path keyFile = directory.resolve(KEY_FILE);
    StoredCertificate stored = StoredCertificate.read(certificateFile, keyFile);
    String reason = stored.reasonToReplace(new LinkedHashSet<>(names), algorithm, renewBefore(validity));
    if (reason == null) {
      log.debug("{}: reusing {}", origin, certificateFile);
      return Identity.of(stored.key, List.of(stored.certificate), origin, certificateFile);
    }
    KeyAndCertificate made =
        SelfSignedCertificates.generate(algorithm, commonName, names, validity);
    StateFiles.writeKeyAndCertificates(keyFile, made.key, certificateFile, List.of(made.certificate));
    Identity identity = Identity.of(made.key, List.of(made.certificate), origin, certificateFile);
    log.info("{}: made a new certificate ({}) for {}, valid until {}, SHA-256 {}",
        origin, reason, names, identity.notAfter(), identity.sha256Fingerprint());
    return identity;
  }

  /** The defaults, this machine's host name, then the extra names; canonical spellings, no duplicates. */
  static List<String> wantedNames(List<String> extraNames, String origin) {
    Set<String> names = new LinkedHashSet<>(DEFAULT_NAMES);
    String hostName = hostName();
    if (hostName != null) {
      names.add(hostName);
    }
    for (String extra : extraNames) {
      names.add(HostNames.canonical(extra, origin));
    }
    return new ArrayList<>(names);
  }

  /**
   * This machine's host name in its canonical spelling, for certificate names; {@code null} if it has no usable
   * one (it cannot be resolved, or is not a valid DNS name).
   */
  static String hostName() {
    try {
      return HostNames.canonical(InetAddress.getLocalHost().getHostName(), "this machine's host name");
    } catch (IOException | CertificateMaterialException e) {
      // A machine without a resolvable or valid host name still gets localhost and the loopback addresses.
      log.debug("not adding this machine's host name to certificates: {}", e.getMessage());
      return null;
    }
  }
}
