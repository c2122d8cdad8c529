/**
 * Internal: how the public {@code io.github.httpswrapper.cert} API reads PEM files and keystores, checks identity
 * material and makes self-signed certificates.
 *
 * <p>This package is not exported by the module and is not API: its classes may change or disappear in any
 * release. BouncyCastle is used here, and nowhere else in https-wrapper; what leaves this package is plain JDK
 * keys and certificates, so the JDK's own TLS implementation can use them.
 */
package io.github.httpswrapper.cert.internal;
