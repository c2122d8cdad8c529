package io.github.httpswrapper.cli;

import java.nio.file.Path;

/**
 * One {@code --sni NAME=CERT[,KEY]}: a PEM certificate served to clients that ask for {@code name} in the TLS
 * handshake (SNI), instead of the main certificate.
 *
 * @param name the server name as given, an exact DNS name or a {@code *.} wildcard
 * @param cert PEM chain, with the key unless {@code key} is set
 * @param key PEM private key of {@code cert}, or {@code null} when {@code cert} holds it
 */
record ServerNameCertificate(String name, Path cert, Path key) {}
