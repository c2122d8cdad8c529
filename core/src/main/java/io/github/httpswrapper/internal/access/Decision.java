package io.github.httpswrapper.internal.access;

/**
 * What the access policy decided about one request.
 *
 * @param status 0 to forward the request; otherwise the status the wrapper answers with itself (401, 403, 429)
 * @param reason why, for the log (never shown to the client)
 * @param challenge the {@code WWW-Authenticate} value to send with a 401, or {@code null}
 * @param retryAfterSeconds the {@code Retry-After} value to send with a 429, else 0
 * @param user who the request was accepted as: the Basic user name a password rule accepted, or the common
 *     name of the client certificate a certificate rule accepted; else {@code null}
 * @param rule the deciding rule as logs and metrics name it, {@code "rule 2 (...)"}, or {@code null} when no
 *     rule matched
 */
public record Decision(
    int status, String reason, String challenge, long retryAfterSeconds, String user, String rule) {

  static Decision allow(String user, String rule, String reason) {
    return new Decision(0, reason, null, 0, user, rule);
  }

  static Decision deny(String rule, String reason) {
    return new Decision(403, reason, null, 0, null, rule);
  }

  static Decision unauthorized(String rule, String reason, String challenge) {
    return new Decision(401, reason, challenge, 0, null, rule);
  }

  static Decision throttled(String rule, String reason, long retryAfterSeconds) {
    return new Decision(429, reason, null, retryAfterSeconds, null, rule);
  }

  /** How the rule at {@code number} (from 1) is named in logs and metrics. */
  public static String ruleLabel(int number, AccessRule rule) {
    return "rule " + number + " (" + rule.text() + ")";
  }

  /** Whether the request goes to the target. */
  public boolean allowed() {
    return status == 0;
  }
}
