/**
 * Internal: how {@code CertificateSource.acme(...)} obtains certificates from an ACME certificate authority (RFC
 * 8555) with the HTTP-01 challenge, keeps them in the state directory, and renews them.
 *
 * <p>The protocol itself is spoken by acme4j; this package decides <em>when</em> to ask (nothing stored, stored
 * one due for renewal, names changed), keeps the account key and the certificates on disk, answers challenges
 * through a {@link io.github.httpswrapper.cert.internal.acme.ChallengeTable}, turns the CA's problem documents
 * into messages that say what to do, and backs off when the CA cannot be reached while a stored certificate is
 * still good.
 *
 * <p>This package is not exported by the module and is not API.
 */
package io.github.httpswrapper.cert.internal.acme;
