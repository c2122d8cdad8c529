package io.github.httpswrapper.internal.access;

import io.github.httpswrapper.ClientCertificates;
import java.util.List;

/**
 * The internal form of one public {@code Rule}: who, what, and the outcome.
 *
 * @param clients which clients the rule is about
 * @param blocks the address blocks, for {@link Clients#BLOCKS}
 * @param paths path prefixes; empty means every path
 * @param methods upper-case methods; empty means every method
 * @param outcome what happens to a matching request
 * @param certificates the accepted client certificates, for outcomes that involve them, else {@code null}
 * @param text how the rule reads in logs
 */
public record AccessRule(
    Clients clients,
    List<Cidr> blocks,
    List<String> paths,
    List<String> methods,
    Outcome outcome,
    ClientCertificates certificates,
    String text) {

  /** Which clients a rule is about. */
  public enum Clients {
    ANY,
    LOOPBACK,
    PRIVATE,
    BLOCKS
  }

  /** What happens to a request a rule matches. */
  public enum Outcome {
    ALLOW,
    DENY,
    PASSWORD,
    CLIENT_CERTIFICATE,
    PASSWORD_OR_CLIENT_CERTIFICATE,
    PASSWORD_AND_CLIENT_CERTIFICATE;

    /** Whether this outcome can ask for a password. */
    public boolean password() {
      return this == PASSWORD || this == PASSWORD_OR_CLIENT_CERTIFICATE || this == PASSWORD_AND_CLIENT_CERTIFICATE;
    }

    /** Whether this outcome can ask for a client certificate. */
    public boolean certificate() {
      return this == CLIENT_CERTIFICATE
          || this == PASSWORD_OR_CLIENT_CERTIFICATE
          || this == PASSWORD_AND_CLIENT_CERTIFICATE;
    }
  }
}
