package io.github.httpswrapper.cert.internal.acme;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP-01 challenges being validated right now: token to key authorization.
 *
 * <p>To prove control of a domain, the CA fetches {@code http://<domain>/.well-known/acme-challenge/<token>}
 * and expects the key authorization ({@code <token>.<account key thumbprint>}) as the body. The issuer puts an
 * entry here just before asking the CA to validate and takes it out once validation is over, so the plain-HTTP
 * listener answers only tokens that are in play. Safe for concurrent use: the listener reads from its own
 * threads while the issuer writes.
 */
public final class ChallengeTable {
  private final Map<String, String> answers = new ConcurrentHashMap<>();

  /** The key authorization for {@code token}, if a challenge with that token is being validated. */
  public Optional<String> response(String token) {
    return token == null ? Optional.empty() : Optional.ofNullable(answers.get(token));
  }

  void publish(String token, String keyAuthorization) {
    answers.put(token, keyAuthorization);
  }

  void withdraw(String token) {
    answers.remove(token);
  }
}
