package io.github.httpswrapper.cli;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Turns {@link Options} into a certificate source and a configured {@link HttpsWrapper.Builder}. */
final class WrapperSetup {
  private WrapperSetup() {}

  /**
   * The certificate source the options ask for: {@code --cert} (with {@code --key}), {@code --keystore}, a local
   * CA or an ACME certificate kept in the state directory, or a self-signed certificate kept there, the
   * default. Passwords are looked up here.
   *
   * @throws IllegalArgumentException when a password's variable is not set or its file cannot be read
   */
  static CertificateSource certificateSource(Options options, Function<String, String> environment) {
    if (options.cert() != null) {
      CertificateSource.Pem pem =
          options.key() == null
              ? CertificateSource.pem(options.cert())
              : CertificateSource.pem(options.cert(), options.key());
      return options.keyPassword() == null ? pem : pem.password(options.keyPassword().resolve(environment));
    }
    if (options.keyStore() != null) {
      char[] storePassword =
          options.keyStorePassword() == null ? new char[0] : options.keyStorePassword().resolve(environment);
      CertificateSource.KeyStoreFile store = CertificateSource.keyStore(options.keyStore(), storePassword);
      if (options.keyPassword() != null) {
        store = store.keyPassword(options.keyPassword().resolve(environment));
      }
      return options.keyAlias() == null ? store : store.alias(options.keyAlias());
    }
    String[] names = options.names().toArray(new String[0]);
    if (options.localCa()) {
      CertificateSource.LocalCa localCa =
          CertificateSource.localCa().stateDirectory(options.stateDir()).names(names);
      return options.keyType() == null ? localCa : localCa.keyAlgorithm(options.keyType());
    }
    if (options.acme() != null) {
      AcmeOptions acme = options.acme();
      CertificateSource.Acme source =
          CertificateSource.acme(acme.directory(), names)
              .stateDirectory(options.stateDir())
              .acceptTermsOfService();
      if (acme.email() != null) {
        source = source.email(acme.email());
      }
      return acme.trustedRoots() == null ? source : source.trustedRoots(acme.trustedRoots());
    }
    CertificateSource.SelfSigned selfSigned =
        CertificateSource.selfSigned()
            .stateDirectory(options.stateDir())
            .names(names);
    return options.keyType() == null ? selfSigned : selfSigned.keyAlgorithm(options.keyType());
  }

  /**
   * A builder for a wrapper in front of {@code target} with every other option applied: the certificates
   * chosen by server name, the access policy (loaded now, so a missing htpasswd file or CA bundle fails before
   * anything listens), proxies, the redirect port, limits.
   *
   * @throws IllegalArgumentException when an address block or an {@code --sni} name is malformed (the message
   *     names the option), or the htpasswd file or the CA bundle cannot be used (the message names the file)
   */
  static HttpsWrapper.Builder builder(Options options, HostPort target, CertificateSource source) {
    HttpsWrapper.Builder builder =
        HttpsWrapper.forTarget(target.host(), target.port())
            .listen(options.listen().host(), options.listen().port())
            .certificate(source);
    for (ServerNameCertificate named : options.serverNames()) {
      try {
        builder.certificate(named.name(), serverNameSource(named));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--sni " + named.name() + ": " + e.getMessage(), e);
      }
    }
    if (options.reloadInterval() != null) {
      builder.certificateReloadInterval(options.reloadInterval());
    }
    addBlocks("--allow", options.allow(), builder::allow);
    addBlocks("--deny", options.deny(), builder::deny);
    if (options.maxConnections() != null) {
      builder.maxConnections(options.maxConnections());
    }
    if (options.handshakeTimeout() != null) {
      builder.handshakeTimeout(options.handshakeTimeout());
    }
    if (options.idleTimeout() != null) {
      builder.idleTimeout(options.idleTimeout());
    }
    if (options.connectTimeout() != null) {
      builder.connectTimeout(options.connectTimeout());
    }
    applyLimits(options.limits(), builder);
    ProtocolOptions protocol = options.protocol();
    if (protocol.tcp()) {
      builder.plainTcp();
    } else {
      builder.accessPolicy(AccessSetup.policy(options.access()));
      if (options.access().stripAuthorization()) {
        builder.forwardAuthorization(false);
      }
    }
    addBlocks("--trusted-proxy", protocol.trustedProxies(), builder::trustedProxies);
    if (protocol.proxyProtocol()) {
      builder.proxyProtocol();
    }
    if (protocol.redirectHttp() != null) {
      builder.redirectHttp(protocol.redirectHttp());
    }
    if (protocol.maxRequestLine() != null) {
      builder.maxRequestLineBytes(protocol.maxRequestLine());
    }
    if (protocol.maxHeaderSize() != null) {
      builder.maxHeaderBytes(protocol.maxHeaderSize());
    }
    if (protocol.metricsPort() != null) {
      builder.metricsEndpoint(protocol.metricsPort());
    }
    return builder;
  }

  /** The PEM source of one {@code --sni}. */
  static CertificateSource serverNameSource(ServerNameCertificate named) {
    return named.key() == null
        ? CertificateSource.pem(named.cert())
        : CertificateSource.pem(named.cert(), named.key());
  }

  private static void applyLimits(LimitOptions limits, HttpsWrapper.Builder builder) {
    if (limits.requestHeadTimeout() != null) {
      builder.requestHeadTimeout(limits.requestHeadTimeout());
    }
    if (limits.keepAliveTimeout() != null) {
      builder.keepAliveTimeout(limits.keepAliveTimeout());
    }
    if (limits.requestBodyTimeout() != null) {
      builder.requestBodyTimeout(limits.requestBodyTimeout());
    }
    if (limits.responseTimeout() != null) {
      builder.responseTimeout(limits.responseTimeout());
    }
    if (limits.shutdownTimeout() != null) {
      builder.shutdownTimeout(limits.shutdownTimeout());
    }
    if (limits.maxConnectionsPerClient() != null) {
      builder.maxConnectionsPerClient(limits.maxConnectionsPerClient());
    }
    if (limits.maxRequestBody() != null) {
      builder.maxRequestBodyBytes(limits.maxRequestBody());
    }
  }

  private static void addBlocks(String flag, List<String> blocks, Consumer<String> add) {
    for (String block : blocks) {
      try {
        add.accept(block);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(flag + " " + e.getMessage(), e);
      }
    }
  }
}
