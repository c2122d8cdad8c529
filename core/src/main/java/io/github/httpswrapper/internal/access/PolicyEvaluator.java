package io.github.httpswrapper.internal.access;

import io.github.httpswrapper.internal.auth.BasicCredentials;
import io.github.httpswrapper.internal.auth.LoginThrottle;
import io.github.httpswrapper.internal.auth.UserStore;
import io.github.httpswrapper.internal.client.CertificateMatcher;
import io.github.httpswrapper.internal.client.ClientAddress;
import io.github.httpswrapper.internal.http.Paths;

/**
 * Applies an access policy to one request: the first rule whose conditions match decides; no match is 403.
 * Thread-safe; one per wrapper.
 */
public final class PolicyEvaluator {
  private final PolicyPlan plan;
  private final UserStore users;
  private final LoginThrottle throttle;
  private final String challenge;

  /** @param name the wrapper's name, for log lines */
  public PolicyEvaluator(PolicyPlan plan, String name) {
    this.plan = plan;
    this.users = plan.users() == null ? null : UserStore.of(plan.users());
    this.throttle = plan.throttleLogins() ? new LoginThrottle(name) : null;
    this.challenge = BasicCredentials.challenge(plan.realm());
  }

  /** The decision for one request. */
  public Decision decide(RequestFacts request) {
    for (int i = 0; i < plan.rules().size(); i++) {
      AccessRule rule = plan.rules().get(i);
      if (matches(rule, request)) {
        return apply(rule, i + 1, request);
      }
    }
    return Decision.deny(null, "no rule matches");
  }

  private static boolean matches(AccessRule rule, RequestFacts request) {
    if (!clientMatches(rule, request)) {
      return false;
    }
    if (!rule.methods().isEmpty() && !rule.methods().contains(request.method())) {
      return false;
    }
    if (rule.paths().isEmpty()) {
      return true;
    }
    for (String prefix : rule.paths()) {
      if (Paths.hasPrefix(request.path(), prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean clientMatches(AccessRule rule, RequestFacts request) {
    switch (rule.clients()) {
      case ANY:
        return true;
      case LOOPBACK:
        return ClientAddress.isLoopback(request.client());
      case PRIVATE:
        return ClientAddress.isLoopback(request.client()) || ClientAddress.isPrivate(request.client());
      case BLOCKS:
        for (Cidr block : rule.blocks()) {
          if (block.contains(request.client())) {
            return true;
          }
        }
        return false;
      default:
        throw new AssertionError(rule.clients());
    }
  }

  private Decision apply(AccessRule rule, int number, RequestFacts request) {
    String by = Decision.ruleLabel(number, rule);
    switch (rule.outcome()) {
      case ALLOW:
        return Decision.allow(null, by, by);
      case DENY:
        return Decision.deny(by, "denied by " + by);
      case PASSWORD:
        return password(by, request);
      case CLIENT_CERTIFICATE:
        return certificate(rule, by, request, Decision.allow(commonName(request), by, by));
      case PASSWORD_OR_CLIENT_CERTIFICATE:
        if (request.hasClientCertificate() && accepts(rule, request)) {
          return Decision.allow(commonName(request), by, by + " with a client certificate");
        }
        return password(by, request);
      case PASSWORD_AND_CLIENT_CERTIFICATE:
        Decision withCertificate = certificate(rule, by, request, null);
        return withCertificate != null ? withCertificate : password(by, request);
      default:
        throw new AssertionError(rule.outcome());
    }
  }

  /** @return the refusal when the certificate is missing or does not match, else {@code accepted} */
  private static Decision certificate(AccessRule rule, String by, RequestFacts request, Decision accepted) {
    if (!request.hasClientCertificate()) {
      return Decision.unauthorized(by, by + " needs a client certificate and none was presented", null);
    }
    if (!accepts(rule, request)) {
      return Decision.deny(
          by,
          by + " does not accept the client certificate "
              + request.clientCertificates()[0].getSubjectX500Principal().getName());
    }
    return accepted;
  }

  /** The common name of the client certificate, for logs ("who"); {@code null} without one or without a name. */
  private static String commonName(RequestFacts request) {
    return request.hasClientCertificate() ? CertificateMatcher.commonName(request.clientCertificates()[0]) : null;
  }

  /** Whether the rule's CAs and identities accept the request's certificate, as the handshake's CAs stood. */
  private static boolean accepts(AccessRule rule, RequestFacts request) {
    return CertificateMatcher.matches(rule.certificates(), request.clientCertificates(), request.clientTrust());
  }

  private Decision password(String by, RequestFacts request) {
    if (throttle != null) {
      long wait = throttle.retryAfterSeconds(request.client());
      if (wait > 0) {
        return Decision.throttled(by, by + ": too many failed logins, blocked for " + wait + " s", wait);
      }
    }
    BasicCredentials credentials =
        request.authorization() == null ? null : BasicCredentials.parse(request.authorization());
    if (credentials == null) {
      return Decision.unauthorized(by, by + " needs a password and none was sent", challenge);
    }
    try {
      if (users.verify(credentials.user(), credentials.password())) {
        if (throttle != null) {
          throttle.succeeded(request.client());
        }
        return Decision.allow(credentials.user(), by, by + " as user " + credentials.user());
      }
    } finally {
      credentials.clear();
    }
    if (throttle != null) {
      throttle.failed(request.client());
    }
    return Decision.unauthorized(by, by + ": wrong user or password for user " + credentials.user(), challenge);
  }
}
