package io.github.httpswrapper;

import io.github.httpswrapper.internal.access.AccessRule;
import io.github.httpswrapper.internal.access.AccessRule.Clients;
import io.github.httpswrapper.internal.access.AccessRule.Outcome;
import io.github.httpswrapper.internal.access.Cidr;
import io.github.httpswrapper.internal.http.HttpException;
import io.github.httpswrapper.internal.http.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of an {@link AccessPolicy}: <em>who</em> (client addresses), optionally <em>what</em> (path prefixes,
 * methods), and the outcome. Rules are checked in order for every request; the first one whose conditions all
 * match decides.
 *
 * <pre>{@code
 * Rule.fromLoopback().allow()                                   // this machine: no password
 * Rule.from("192.168.1.0/24").paths("/admin").requirePassword() // the LAN, for /admin: password
 * Rule.anyClient().methods("GET", "HEAD").allow()               // everyone may read
 * Rule.anyClient().deny()                                       // the rest: 403
 * }</pre>
 *
 * <p>The client address is the TCP peer's, unless that peer is a trusted proxy
 * ({@link HttpsWrapper.Builder#trustedProxies(String...)}); then it comes from the proxy's
 * {@code X-Forwarded-For}/{@code Forwarded} header or PROXY protocol header. Paths are compared after
 * refusing requests with dot segments or encoded slashes, and after decoding percent-encoded unreserved
 * characters, so {@code /%61dmin} and {@code /x/../admin} cannot slip past a rule on {@code /admin}. Matching is
 * case-sensitive.
 */
public final class Rule {
  final AccessRule spec;

  private Rule(Builder b, Outcome outcome, ClientCertificates certificates) {
    String text = describe(b, outcome);
    this.spec =
        new AccessRule(
            b.clients, List.copyOf(b.blocks), List.copyOf(b.paths), List.copyOf(b.methods), outcome,
            certificates, text);
  }

  /** A rule about every client. */
  public static Builder anyClient() {
    return new Builder(Clients.ANY, List.of());
  }

  /** A rule about clients on this machine: {@code 127.0.0.0/8} and {@code ::1}. */
  public static Builder fromLoopback() {
    return new Builder(Clients.LOOPBACK, List.of());
  }

  /**
   * A rule about clients on private networks: {@code 10.0.0.0/8}, {@code 172.16.0.0/12},
   * {@code 192.168.0.0/16}, {@code 100.64.0.0/10}, link-local {@code 169.254.0.0/16}, {@code fc00::/7},
   * {@code fe80::/10}, and loopback.
   */
  public static Builder fromPrivateNetworks() {
    return new Builder(Clients.PRIVATE, List.of());
  }

  /**
   * A rule about clients in these address blocks ({@code "192.168.1.0/24"}, {@code "10.0.0.7"},
   * {@code "fd00::/8"}).
   *
   * @throws IllegalArgumentException when a block is not an IP address with an optional prefix length
   */
  public static Builder from(String... cidrs) {
    if (cidrs.length == 0) {
      throw new IllegalArgumentException(
          "Rule.from() needs at least one address block, e.g. Rule.from(\"192.168.1.0/24\")");
    }
    List<Cidr> blocks = new ArrayList<>();
    for (String cidr : cidrs) {
      blocks.add(Cidr.parse(cidr));
    }
    return new Builder(Clients.BLOCKS, blocks);
  }

  @Override
  public String toString() {
    return spec.text();
  }

  private static String describe(Builder b, Outcome outcome) {
    StringBuilder sb = new StringBuilder();
    switch (b.clients) {
      case ANY:
        sb.append("any client");
        break;
      case LOOPBACK:
        sb.append("loopback clients");
        break;
      case PRIVATE:
        sb.append("private-network clients");
        break;
      default:
        sb.append("clients in ").append(b.blocks);
    }
    if (!b.methods.isEmpty()) {
      sb.append(", methods ").append(b.methods);
    }
    if (!b.paths.isEmpty()) {
      sb.append(", paths ").append(b.paths);
    }
    sb.append(": ").append(outcomeText(outcome));
    return sb.toString();
  }

  private static String outcomeText(Outcome outcome) {
    switch (outcome) {
      case PASSWORD:
        return "password required";
      case CLIENT_CERTIFICATE:
        return "client certificate required";
      case PASSWORD_OR_CLIENT_CERTIFICATE:
        return "password or client certificate required";
      case PASSWORD_AND_CLIENT_CERTIFICATE:
        return "password and client certificate required";
      default:
        return outcome.name().toLowerCase(Locale.ROOT);
    }
  }

  /** The conditions of a rule being written; an outcome method finishes it. */
  public static final class Builder {
    private final Clients clients;
    private final List<Cidr> blocks;
    private final List<String> paths = new ArrayList<>();
    private final List<String> methods = new ArrayList<>();

    private Builder(Clients clients, List<Cidr> blocks) {
      this.clients = clients;
      this.blocks = blocks;
    }

    /**
     * Narrows the rule to requests whose path starts with one of these prefixes. {@code "/admin"} matches
     * {@code /admin}, {@code /admin/} and {@code /admin/users}, not {@code /administrator}. Default: every path.
     */
    public Builder paths(String... prefixes) {
      for (String prefix : prefixes) {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.startsWith("/")) {
          throw new IllegalArgumentException(
              "a path prefix starts with '/', e.g. \"/admin\"; was \"" + prefix + "\"");
        }
        try {
          // The same normal form requests are compared in, so "/%61dmin" here means "/admin".
          paths.add(Paths.checkedPath(prefix));
        } catch (HttpException e) {
          throw new IllegalArgumentException(
              "path prefix \"" + prefix + "\" is not a plain path: " + e.getMessage(), e);
        }
      }
      return this;
    }

    /** Narrows the rule to these request methods ({@code "GET"}, {@code "POST"}, ...). Default: every method. */
    public Builder methods(String... methods) {
      for (String method : methods) {
        Objects.requireNonNull(method, "method");
        if (!method.matches("[A-Za-z]{1,32}")) {
          throw new IllegalArgumentException("not a request method: \"" + method + "\"");
        }
        this.methods.add(method.toUpperCase(Locale.ROOT));
      }
      return this;
    }

    /** Matching requests go to the target. */
    public Rule allow() {
      return new Rule(this, Outcome.ALLOW, null);
    }

    /** Matching requests are answered {@code 403 Forbidden}. */
    public Rule deny() {
      return new Rule(this, Outcome.DENY, null);
    }

    /**
     * Matching requests need a user name and password (HTTP Basic) from the policy's {@link Users}; without
     * valid ones the client gets {@code 401} with {@code WWW-Authenticate: Basic realm="...", charset="UTF-8"},
     * or {@code 429} while its address is throttled after repeated failures.
     */
    public Rule requirePassword() {
      return new Rule(this, Outcome.PASSWORD, null);
    }

    /**
     * Matching requests need a TLS client certificate that {@code certificates} accepts. No certificate:
     * {@code 401} (with no {@code WWW-Authenticate} challenge: the credential is presented during the TLS
     * handshake, not in HTTP); a certificate that does not match: {@code 403}. A certificate that no configured
     * issuer signed fails the TLS handshake itself.
     */
    public Rule requireClientCertificate(ClientCertificates certificates) {
      return new Rule(this, Outcome.CLIENT_CERTIFICATE, Objects.requireNonNull(certificates, "certificates"));
    }

    /** Either a matching client certificate or a valid password lets the request through. */
    public Rule requirePasswordOrClientCertificate(ClientCertificates certificates) {
      return new Rule(
          this, Outcome.PASSWORD_OR_CLIENT_CERTIFICATE, Objects.requireNonNull(certificates, "certificates"));
    }

    /** Both a matching client certificate and a valid password are needed. */
    public Rule requirePasswordAndClientCertificate(ClientCertificates certificates) {
      return new Rule(
          this, Outcome.PASSWORD_AND_CLIENT_CERTIFICATE, Objects.requireNonNull(certificates, "certificates"));
    }
  }
}
