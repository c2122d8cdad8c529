/**
 * HTTPS around a test's plain-HTTP target, without trust code in the test:
 * {@link io.github.httpswrapper.junit.HttpsWrapperExtension} starts an
 * {@link io.github.httpswrapper.HttpsWrapper} in front of the target, hands out a client that trusts exactly that
 * wrapper's certificate, and closes everything when the test (or the test class) is done.
 *
 * <pre>{@code
 * @RegisterExtension
 * final HttpsWrapperExtension https = HttpsWrapperExtension.forTarget("127.0.0.1", () -> target.getPort());
 * }</pre>
 *
 * <p>It lives in its own module, {@code https-wrapper-junit5}, so that the library itself does not depend on
 * JUnit: applications use {@code https-wrapper}, tests add this module.
 */
package io.github.httpswrapper.junit;
