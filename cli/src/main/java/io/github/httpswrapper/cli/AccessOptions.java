package io.github.httpswrapper.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The options that decide, request by request, who is served: {@code --policy} and what it needs. Checked for
 * consistency by {@link ArgumentParser}; turned into an {@link io.github.httpswrapper.AccessPolicy} by
 * {@link AccessSetup}. A {@code null} component means the option was not given.
 *
 * @param scenario {@code --policy}; {@link Scenario#TRUSTED_NETWORK} when not given
 * @param htpasswd {@code --htpasswd}: an Apache htpasswd file
 * @param users {@code --user NAME:HASH}, in the order given: name to hash
 * @param clientCa {@code --client-ca}: PEM bundle of the CAs whose client certificates are accepted
 * @param clientCommonNames {@code --client-cn}: accepted subject common names; empty means any
 * @param clientSpkiPins {@code --client-spki}: accepted public keys (base64 SHA-256); empty means any
 * @param realm {@code --realm}: the name browsers show in the password dialog
 * @param hsts {@code --hsts}: the HSTS max-age; {@code null} for the scenario's default
 * @param stripAuthorization {@code --strip-authorization}: the target never sees {@code Authorization}
 */
record AccessOptions(
    Scenario scenario,
    Path htpasswd,
    Map<String, String> users,
    Path clientCa,
    List<String> clientCommonNames,
    List<String> clientSpkiPins,
    String realm,
    Duration hsts,
    boolean stripAuthorization) {

  /** Everything left at its default: a trusted network. */
  static final AccessOptions DEFAULTS =
      new AccessOptions(Scenario.TRUSTED_NETWORK, null, Map.of(), null, List.of(), List.of(), null, null, false);

  /** Whether any user was given, in a file or on the command line. */
  boolean hasUsers() {
    return htpasswd != null || !users.isEmpty();
  }
}
