/**
 * The command line: {@code java -jar https-wrapper.jar --target 127.0.0.1:4334 --listen 0.0.0.0:8443}.
 *
 * <p>{@link io.github.httpswrapper.cli.Main} reads the options ({@code ArgumentParser}, strict: an unknown or
 * repeated option is an error that says what to write instead), turns them into an
 * {@link io.github.httpswrapper.HttpsWrapper} and a {@link io.github.httpswrapper.cert.CertificateSource}
 * ({@code WrapperSetup}) with the access policy that {@code --policy} names ({@code AccessSetup}), starts it,
 * prints a banner that tells how to reach it and whom it lets in ({@code Banner}, {@code AccessLines}), and
 * serves until Ctrl-C or SIGTERM ({@code Signals}, {@code Session}). With no target it wraps a small built-in
 * site ({@code DemoSite}) so that the whole path can be tried in one command. {@code java -jar https-wrapper.jar
 * hash-password} ({@code HashPassword}) makes the password hashes that {@code --user} and htpasswd files hold.
 *
 * <p>Nothing here is API: the options, the banner's wording and the exit codes are the interface.
 */
package io.github.httpswrapper.cli;
