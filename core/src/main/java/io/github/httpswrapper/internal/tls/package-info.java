/**
 * Internal: the identities the TLS server presents, and how they change while it runs.
 *
 * <p>{@link io.github.httpswrapper.internal.tls.ServerIdentities} holds one identity per configured source: the
 * default one, and one per server name a client may ask for with SNI. A handshake picks its identity through
 * {@link io.github.httpswrapper.internal.tls.ReloadingKeyManager}, which reads the current identity at that
 * moment, so a certificate can be replaced without a restart: new handshakes get the new one, open connections
 * keep the one they were made with. A background {@code IdentityWatcher} loads a source again when its files
 * change or when its certificate is due for renewal. The same watcher looks after other
 * {@link io.github.httpswrapper.internal.tls.WatchedMaterial} read from files, such as the CA bundles that client
 * certificates are checked against.
 */
package io.github.httpswrapper.internal.tls;
