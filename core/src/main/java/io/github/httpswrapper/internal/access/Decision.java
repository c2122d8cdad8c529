package io.github.httpswrapper.internal.access;

/**
 * What the access policy decided about one request.
 *
 * @param status 0 to forward the request; otherwise the status the wrapper answers with itself (401, 403, 429)
 * @param reason why, for the log (never shown to the client)
 * @param challenge the {@code WWW-Authenticate} value to send with a 401, or {@code null}
 * @param retryAfterSeconds the {@code Retry-After} value to send with a 429, else 0
 * @param user the authenticated user name, or {@code null}
 */
public record Decision(int status, String reason, String challenge, long retryAfterSeconds, String user) {

  static Decision allow(String user, String reason) {
    return new Decision(0, reason, null, 0, user);
  }

  static Decision deny(String reason) {
    return new Decision(403, reason, null, 0, null);
  }

  static Decision unauthorized(String reason, String challenge) {
    return new Decision(401, reason, challenge, 0, null);
  }

  static Decision throttled(String reason, long retryAfterSeconds) {
    return new Decision(429, reason, null, retryAfterSeconds, null);
  }

  /** Whether the request goes to the target. */
  public boolean allowed() {
    return status == 0;
  }
}
