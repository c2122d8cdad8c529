package io.github.httpswrapper.cli;

import java.net.URI;
import java.nio.file.Path;

/**
 * The options of an ACME certificate ({@code --acme} and what goes with it), checked by {@link ArgumentParser}:
 * the domains are the {@code --name}s, and the terms of service have been accepted, or it would not have got
 * this far.
 *
 * @param directory {@code --acme}: the CA's directory URL, {@code https://}
 * @param email {@code --acme-email}: the account's contact, or {@code null}
 * @param trustedRoots {@code --acme-ca}: PEM bundle trusted for the CA's own HTTPS, or {@code null} for the
 *     JDK's trust store
 */
record AcmeOptions(URI directory, String email, Path trustedRoots) {}
