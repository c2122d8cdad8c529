package io.github.httpswrapper;

import io.github.httpswrapper.internal.access.AccessRule;
import io.github.httpswrapper.internal.access.PolicyPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who may do what through the wrapper, decided for every request (not once per connection: a keep-alive
 * connection cannot carry an unchecked second request).
 *
 * <p>A policy is an ordered list of {@link Rule}s. For each request the first rule whose conditions match
 * decides: allow, deny ({@code 403}), ask for a password ({@code 401}), ask for a client certificate. When no
 * rule matches, the request is denied ({@code 403}): write a last catch-all rule to say otherwise.
 *
 * <p>Three presets cover the usual situations:
 *
 * <ul>
 *   <li>{@link #trustedNetwork()}: everyone who can connect is served (HTTPS, no password).
 *   <li>{@link #localOpenRemotePassword(Users)}: this machine is served as before; every other address needs a
 *       user and password (HTTP Basic).
 *   <li>{@link #hostileNetwork(Users)}: as the previous one, and the browser is told to use HTTPS only (HSTS),
 *       and optionally client certificates stand in for passwords.
 * </ul>
 *
 * <p>All presets that ask for passwords throttle guessing: after 5 failed logins from one address (one /64 for
 * IPv6) each further failure doubles a waiting period, from 1 second up to 15 minutes, during which that address
 * gets {@code 429 Too Many Requests} with {@code Retry-After}. It costs honest users nothing.
 *
 * <p>A password is never asked for over plain HTTP: plain requests to the TLS port, and to the optional
 * {@linkplain HttpsWrapper.Builder#redirectHttp(int) redirect port}, only ever get a redirect to
 * {@code https://}.
 */
public final class AccessPolicy {
  private final PolicyPlan plan;

  private AccessPolicy(PolicyPlan plan) {
    this.plan = plan;
  }

  /** Scenario 1, a trusted network: every client that can connect is served. No password. */
  public static AccessPolicy trustedNetwork() {
    return builder().rule(Rule.anyClient().allow()).build("trusted-network");
  }

  /**
   * Scenario 2: clients on this machine (loopback) are served without a password; every other client needs a
   * user and password from {@code users}.
   */
  public static AccessPolicy localOpenRemotePassword(Users users) {
    return builder()
        .users(users)
        .rule(Rule.fromLoopback().allow())
        .rule(Rule.anyClient().requirePassword())
        .build("local-open");
  }

  /**
   * Scenario 3, a hostile network: as {@link #localOpenRemotePassword(Users)}, plus HSTS for one year (browsers
   * that trust the certificate will only ever use HTTPS for this host; they ignore it while the certificate is
   * not trusted, so a self-signed certificate does not lock anyone out).
   */
  public static AccessPolicy hostileNetwork(Users users) {
    return builder()
        .users(users)
        .rule(Rule.fromLoopback().allow())
        .rule(Rule.anyClient().requirePassword())
        .hsts(Duration.ofDays(365))
        .build("hostile-network");
  }

  /**
   * Scenario 3 with client certificates: loopback clients are served; every other client needs a client
   * certificate accepted by {@code certificates} or a password from {@code users}.
   */
  public static AccessPolicy hostileNetwork(Users users, ClientCertificates certificates) {
    return builder()
        .users(users)
        .rule(Rule.fromLoopback().allow())
        .rule(Rule.anyClient().requirePasswordOrClientCertificate(certificates))
        .hsts(Duration.ofDays(365))
        .build("hostile-network");
  }

  /** A policy of your own rules. */
  public static Builder builder() {
    return new Builder();
  }

  /** The preset's name, or {@code custom}. */
  public String name() {
    return plan.name();
  }

  /** The rules, in order, as text. */
  public List<String> describeRules() {
    List<String> out = new ArrayList<>();
    for (AccessRule rule : plan.rules()) {
      out.add(rule.text());
    }
    return out;
  }

  PolicyPlan plan() {
    return plan;
  }

  @Override
  public String toString() {
    return plan.name() + " " + describeRules();
  }

  /** Builds a policy; {@link #build()} checks that every rule can be satisfied and can match. */
  public static final class Builder {
    private final List<AccessRule> rules = new ArrayList<>();
    private Users users;
    private String realm = "https-wrapper";
    private boolean throttleLogins = true;
    private Duration hsts;

    private Builder() {}

    /** Appends a rule; rules are checked in the order they were added. */
    public Builder rule(Rule rule) {
      rules.add(Objects.requireNonNull(rule, "rule").spec);
      return this;
    }

    /** The users that password rules accept. Required when a rule asks for a password. */
    public Builder users(Users users) {
      this.users = Objects.requireNonNull(users, "users");
      return this;
    }

    /** The realm browsers show in their password dialog. Default: {@code https-wrapper}. */
    public Builder realm(String realm) {
      Objects.requireNonNull(realm, "realm");
      if (realm.isEmpty() || !realm.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != '"' && c != '\\')) {
        throw new IllegalArgumentException(
            "a realm is printable text without quotes or backslashes, was \"" + realm + "\"");
      }
      this.realm = realm;
      return this;
    }

    /**
     * Whether repeated failed logins from one address slow that address down ({@code 429} with
     * {@code Retry-After}). Default: on.
     */
    public Builder throttleLogins(boolean throttle) {
      this.throttleLogins = throttle;
      return this;
    }

    /**
     * Sends {@code Strict-Transport-Security: max-age=...} on every response, so browsers that trust the
     * certificate use only HTTPS for this host. Default: off (on in {@link #hostileNetwork}).
     */
    public Builder hsts(Duration maxAge) {
      Objects.requireNonNull(maxAge, "maxAge");
      if (maxAge.isNegative()) {
        throw new IllegalArgumentException("HSTS max-age must not be negative, was " + maxAge);
      }
      this.hsts = maxAge;
      return this;
    }

    /**
     * Checks and freezes the policy.
     *
     * @throws IllegalArgumentException when there are no rules, when a rule asks for a password and no
     *     {@link #users(Users) users} were given, or when a rule can never match because an earlier rule
     *     matches every request
     */
    public AccessPolicy build() {
      return build("custom");
    }

    private AccessPolicy build(String name) {
      if (rules.isEmpty()) {
        throw new IllegalArgumentException(
            "an access policy needs at least one rule, e.g. rule(Rule.anyClient().allow())");
      }
      for (int i = 0; i < rules.size(); i++) {
        AccessRule rule = rules.get(i);
        if (rule.outcome().password() && users == null) {
          throw new IllegalArgumentException(
              "rule " + (i + 1) + " (" + rule.text() + ") asks for a password, but the policy has no users:"
                  + " call users(Users.htpasswd(path)) or users(Users.builder()...)");
        }
        for (int j = 0; j < i; j++) {
          if (catchesAll(rules.get(j))) {
            throw new IllegalArgumentException(
                "rule " + (i + 1) + " (" + rule.text() + ") can never match: rule " + (j + 1) + " ("
                    + rules.get(j).text() + ") before it matches every request");
          }
        }
      }
      return new AccessPolicy(
          new PolicyPlan(name, List.copyOf(rules), users, realm, throttleLogins, hsts));
    }

    private static boolean catchesAll(AccessRule rule) {
      return rule.clients() == AccessRule.Clients.ANY && rule.paths().isEmpty() && rule.methods().isEmpty();
    }
  }
}
