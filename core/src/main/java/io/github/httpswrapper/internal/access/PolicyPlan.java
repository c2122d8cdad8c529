package io.github.httpswrapper.internal.access;

import io.github.httpswrapper.Users;
import java.time.Duration;
import java.util.List;

/**
 * The internal form of a public {@code AccessPolicy}.
 *
 * @param name the preset's name ({@code trusted-network}, {@code local-open}, {@code hostile-network}) or
 *     {@code custom}
 * @param rules in order; the first match decides; no match means 403
 * @param users for password outcomes, or {@code null}
 * @param realm the Basic realm
 * @param throttleLogins whether failed logins slow down their address
 * @param hsts the {@code Strict-Transport-Security} max-age to send, or {@code null} for none
 */
public record PolicyPlan(
    String name, List<AccessRule> rules, Users users, String realm, boolean throttleLogins, Duration hsts) {

  /** Whether any rule can ask for a client certificate (then TLS asks clients for one). */
  public boolean wantsClientCertificates() {
    return rules.stream().anyMatch(r -> r.outcome().certificate());
  }

  /** Whether the policy lets every request through without looking (the trusted-network case). */
  public boolean allowsEverything() {
    return !rules.isEmpty()
        && rules.get(0).clients() == AccessRule.Clients.ANY
        && rules.get(0).paths().isEmpty()
        && rules.get(0).methods().isEmpty()
        && rules.get(0).outcome() == AccessRule.Outcome.ALLOW;
  }
}
