/**
 * Where a TLS server's identity comes from.
 *
 * <p>A TLS server proves who it is with <em>identity material</em>: a private key and a certificate chain whose
 * first certificate (the <em>leaf</em>) holds the matching public key and the names clients connect by. A client
 * decides whether to believe the chain with its <em>trust material</em>: the certificates it already trusts.
 *
 * <p>{@link io.github.httpswrapper.cert.CertificateSource} is the one entry point: {@code pem(...)} and
 * {@code parsePem(...)} read what OpenSSL and most tools write, {@code keyStore(...)} reads PKCS#12 and JKS
 * files, and {@code selfSigned()} makes (and keeps) a certificate for you. Each source {@code load()}s an
 * {@link io.github.httpswrapper.cert.Identity}, which also tells its fingerprint, names and expiry and exports
 * the certificate as PEM for clients such as {@code curl --cacert}.
 *
 * <p>Bad material fails when it is loaded, with a
 * {@link io.github.httpswrapper.cert.CertificateMaterialException} whose message names the file and says what
 * to do about it.
 */
package io.github.httpswrapper.cert;
