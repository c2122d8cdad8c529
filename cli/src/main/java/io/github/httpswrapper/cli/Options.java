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
 *     {@code --name}); it is also what happens when no source is given
 * @param names extra names for the self-signed certificate
 * @param stateDir where the self-signed certificate and the served certificate's copy are kept
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
    List<String> names,
    KeyAlgorithm keyType,
    List<String> allow,
    List<String> deny,
    Path stateDir,
    Integer maxConnections,
    Duration handshakeTimeout,
    Duration idleTimeout,
    Duration connectTimeout,
    AccessOptions access,
    ProtocolOptions protocol,
    boolean debug,
    boolean help,
    boolean version) {

  /** Where HTTPS is accepted when {@code --listen} is not given: this machine only, port 8443. */
  static final HostPort DEFAULT_LISTEN = new HostPort(HostPort.LOOPBACK, 8443);

  /** The state directory when {@code --state-dir} is not given: {@code ~/.https-wrapper}. */
  static Path defaultStateDir() {
    return Path.of(System.getProperty("user.home"), ".https-wrapper");
  }

  /** The options of a plain {@code --help} or {@code --version}, which need nothing else. */
  static Options infoOnly(boolean help, boolean version) {
    return new Options(
        null, DEFAULT_LISTEN, null, null, null, null, null, null, false, List.of(), null, List.of(), List.of(),
        defaultStateDir(), null, null, null, null, AccessOptions.DEFAULTS, ProtocolOptions.DEFAULTS, false, help,
        version);
  }
}
