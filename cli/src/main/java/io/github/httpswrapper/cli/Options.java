package io.github.httpswrapper.cli;

import io.github.httpswrapper.cert.KeyAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The command line, parsed and checked for consistency by {@link ArgumentParser}. A {@code null} component
 * means the option was not given and the library's default applies.
 *
 * @param target the plain-HTTP service, or {@code null} to serve the built-in demo site
 * @param listen where to accept HTTPS
 * @param cert {@code --cert}: PEM chain, with the key unless {@code key} is set
 * @param keyStore {@code --keystore}
 * @param selfSigned whether a self-signed certificate was asked for explicitly ({@code --self-signed} or
 *     {@code --name} alone); it is also what happens when no source is given
 * @param localCa {@code --local-ca}: certificates issued by a local CA kept in the state directory
 * @param acme {@code --acme} and its companions, or {@code null}
 * @param names extra names for the self-signed or local CA certificate; the domains of an ACME certificate
 * @param serverNames {@code --sni}: certificates chosen by the server name clients ask for
 * @param reloadInterval {@code --reload-interval}: how often certificate files are checked; zero turns
 *     watching off
 * @param stateDir where generated certificates (self-signed, local CA, ACME) and the served certificate's copy
 *     are kept
 * @param access {@code --policy} and the users and client certificates it needs
 * @param protocol HTTP or TCP, proxies, the redirect port, request size limits
 */
record Options(
    HostPort target,
    HostPort listen,
    Path cert,
    Path key,
    Secret keyPassword,
    Path keyStore,
    Secret keyStorePassword,
    String keyAlias,
    boolean selfSigned,
    boolean localCa,
    AcmeOptions acme,
    List<String> names,
    KeyAlgorithm keyType,
    List<ServerNameCertificate> serverNames,
    Duration reloadInterval,
    List<String> allow,
    List<String> deny,
    Path stateDir,
    Integer maxConnections,
    Duration handshakeTimeout,
    Duration idleTimeout,
    Duration connectTimeout,
    LimitOptions limits,
    AccessOptions access,
    ProtocolOptions protocol,
    boolean debug,
    boolean help,
    boolean version) {

  /** Where HTTPS is accepted when {@code --listen} is not given: this machine only, port 8443. */
  static final HostPort DEFAULT_LISTEN = new HostPort(HostPort.LOOPBACK, 8443);

  /**
   * How often certificate files are checked for a change when {@code --reload-interval} is not given: the
   * library's default, repeated here for the banner.
   */
  static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(2);

  /** The state directory when {@code --state-dir} is not given: {@code ~/.https-wrapper}. */
  static Path defaultStateDir() {
    return Path.of(System.getProperty("user.home"), ".https-wrapper");
  }

  /** The options of a plain {@code --help} or {@code --version}, which need nothing else. */
  static Options infoOnly(boolean help, boolean version) {
    return new Options(
        null, DEFAULT_LISTEN, null, null, null, null, null, null, false, false, null, List.of(), null, List.of(),
        null, List.of(), List.of(), defaultStateDir(), null, null, null, null, LimitOptions.DEFAULTS, AccessOptions.DEFAULTS,
        ProtocolOptions.DEFAULTS, false, help, version);
  }
}
