/**
 * Wrap a plain-HTTP service in HTTPS: {@link io.github.httpswrapper.HttpsWrapper} is the entry point.
 *
 * <pre>{@code
 * try (HttpsWrapper wrapper = HttpsWrapper.forTarget("127.0.0.1", 4334).start()) {
 *   System.out.println("serving " + wrapper.uri());
 *   ...
 * }
 * }</pre>
 *
 * <p>Certificates come from {@link io.github.httpswrapper.cert.CertificateSource}. Everything under
 * {@code io.github.httpswrapper.internal} is implementation and may change without notice.
 */
package io.github.httpswrapper;
