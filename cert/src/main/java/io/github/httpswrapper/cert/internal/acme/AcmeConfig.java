package io.github.httpswrapper.cert.internal.acme;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What an ACME source was configured with; immutable. Components that were not set are {@code null} and mean
 * the documented default.
 *
 * @param directory the CA's directory URL, checked by {@link AcmeNames#directory}
 * @param domains the DNS names wanted, canonical, first one first; checked by {@link AcmeNames#domains}
 * @param email the account's contact address, or {@code null} for none
 * @param stateDirectory where account key and certificates live, or {@code null} for {@code ~/.https-wrapper}
 * @param termsOfServiceAccepted whether a new account may be registered (which accepts the CA's terms)
 * @param trustedRoots a PEM bundle trusted for the CA's own HTTPS, or {@code null} for the JDK's trust store
 * @param renewBefore renew this long before expiry, or {@code null} for a third of the certificate's lifetime
 */
public record AcmeConfig(
    URI directory,
    List<String> domains,
    String email,
    Path stateDirectory,
    boolean termsOfServiceAccepted,
    Path trustedRoots,
    Duration renewBefore) {

  /** A configuration with only the required parts; the rest defaults. */
  public static AcmeConfig of(URI directory, List<String> domains) {
    return new AcmeConfig(directory, List.copyOf(domains), null, null, false, null, null);
  }

  public AcmeConfig withEmail(String email) {
    return new AcmeConfig(directory, domains, email, stateDirectory, termsOfServiceAccepted, trustedRoots, renewBefore);
  }

  public AcmeConfig withStateDirectory(Path stateDirectory) {
    return new AcmeConfig(directory, domains, email, stateDirectory, termsOfServiceAccepted, trustedRoots, renewBefore);
  }

  public AcmeConfig withTermsOfServiceAccepted() {
    return new AcmeConfig(directory, domains, email, stateDirectory, true, trustedRoots, renewBefore);
  }

  public AcmeConfig withTrustedRoots(Path trustedRoots) {
    return new AcmeConfig(directory, domains, email, stateDirectory, termsOfServiceAccepted, trustedRoots, renewBefore);
  }

  public AcmeConfig withRenewBefore(Duration renewBefore) {
    return new AcmeConfig(directory, domains, email, stateDirectory, termsOfServiceAccepted, trustedRoots, renewBefore);
  }

  /** The state directory in use: the one set, or {@code .https-wrapper} in the user's home directory. */
  public Path effectiveStateDirectory() {
    return stateDirectory != null ? stateDirectory : Path.of(System.getProperty("user.home"), ".https-wrapper");
  }

  /** How long before expiry a certificate of this lifetime is renewed. */
  public Duration renewBefore(Duration lifetime) {
    return renewBefore != null ? renewBefore : lifetime.dividedBy(3);
  }

  /** E.g. {@code ACME certificate for [blog.example.org] from https://acme.example/dir}. */
  public String description() {
    return "ACME certificate for " + domains + " from " + directory;
  }
}
