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
   * The certificate source the options ask for: {@code --cert} (with {@code --key}), {@code --keystore}, or a
   * self-signed certificate kept in the state directory, the default. Passwords are looked up here.
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
    CertificateSource.SelfSigned selfSigned =
        CertificateSource.selfSigned()
            .stateDirectory(options.stateDir())
            .names(options.names().toArray(new String[0]));
    return options.keyType() == null ? selfSigned : selfSigned.keyAlgorithm(options.keyType());
  }

  /**
   * A builder for a wrapper in front of {@code target} with every other option applied: the access policy
   * (loaded now, so a missing htpasswd file or CA bundle fails before anything listens), proxies, the redirect
   * port, limits.
   *
   * @throws IllegalArgumentException when an address block is malformed (the message names the option), or
   *     the htpasswd file or the CA bundle cannot be used (the message names the file)
   */
  static HttpsWrapper.Builder builder(Options options, HostPort target, CertificateSource source) {
    HttpsWrapper.Builder builder =
        HttpsWrapper.forTarget(target.host(), target.port())
            .listen(options.listen().host(), options.listen().port())
            .certificate(source);
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
    return builder;
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
