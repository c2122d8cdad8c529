package io.github.httpswrapper.cli;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.ClientCertificates;
import io.github.httpswrapper.Rule;
import io.github.httpswrapper.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Turns {@link AccessOptions} into the {@link AccessPolicy} the wrapper applies to every request.
 *
 * <p>The library's presets are used as they are whenever the options fit one, so that the policy keeps the
 * preset's name ({@code local-open}, ...). Options that a preset does not take ({@code --realm}, an HSTS age
 * other than the preset's, client certificates without users, or with {@code local-open}) give the same rules
 * written out with {@link AccessPolicy#builder()}: a {@code custom} policy that behaves like the scenario.
 */
final class AccessSetup {
  private AccessSetup() {}

  /**
   * The policy the options ask for.
   *
   * @throws IllegalArgumentException when the htpasswd file or the CA bundle cannot be read or holds nothing
   *     usable; the message names the file
   */
  static AccessPolicy policy(AccessOptions options) {
    Users users = users(options);
    ClientCertificates certificates = clientCertificates(options);
    AccessPolicy preset = preset(options, users, certificates);
    if (preset != null) {
      return preset;
    }
    AccessPolicy.Builder builder = AccessPolicy.builder();
    if (users != null) {
      builder.users(users);
    }
    if (options.scenario().asksRemoteClients()) {
      builder.rule(Rule.fromLoopback().allow());
      builder.rule(remoteRule(users, certificates));
    } else {
      builder.rule(Rule.anyClient().allow());
    }
    Duration hsts = hsts(options);
    if (hsts != null) {
      builder.hsts(hsts);
    }
    if (options.realm() != null) {
      builder.realm(options.realm());
    }
    return builder.build();
  }

  /** The HSTS max-age in force: {@code --hsts}, else one year for {@code hostile-network}, else none. */
  static Duration hsts(AccessOptions options) {
    if (options.hsts() != null) {
      return options.hsts();
    }
    return options.scenario() == Scenario.HOSTILE_NETWORK ? Durations.DEFAULT_HSTS : null;
  }

  /** The library's preset for these options, or {@code null} when the options go beyond what one takes. */
  private static AccessPolicy preset(AccessOptions options, Users users, ClientCertificates certificates) {
    boolean presetHsts =
        options.hsts() == null
            || options.scenario() == Scenario.HOSTILE_NETWORK && options.hsts().equals(Durations.DEFAULT_HSTS);
    if (options.realm() != null || !presetHsts) {
      return null;
    }
    switch (options.scenario()) {
      case TRUSTED_NETWORK:
        return AccessPolicy.trustedNetwork();
      case LOCAL_OPEN:
        return users != null && certificates == null ? AccessPolicy.localOpenRemotePassword(users) : null;
      default:
        if (users == null) {
          return null;
        }
        return certificates == null
            ? AccessPolicy.hostileNetwork(users)
            : AccessPolicy.hostileNetwork(users, certificates);
    }
  }

  /** What other machines must show: a password, a client certificate, or either. */
  private static Rule remoteRule(Users users, ClientCertificates certificates) {
    if (certificates == null) {
      return Rule.anyClient().requirePassword();
    }
    return users == null
        ? Rule.anyClient().requireClientCertificate(certificates)
        : Rule.anyClient().requirePasswordOrClientCertificate(certificates);
  }

  /**
   * The users of {@code --htpasswd} (read again when the file changes) or of {@code --user}; {@code null} when
   * neither was given. The parser lets only one of the two through.
   */
  static Users users(AccessOptions options) {
    if (options.htpasswd() != null) {
      return Users.htpasswd(options.htpasswd());
    }
    return options.users().isEmpty() ? null : Users.of(options.users());
  }

  private static ClientCertificates clientCertificates(AccessOptions options) {
    if (options.clientCa() == null) {
      return null;
    }
    ClientCertificates certificates = ClientCertificates.issuedBy(options.clientCa());
    if (!options.clientCommonNames().isEmpty()) {
      certificates = certificates.commonName(options.clientCommonNames().toArray(new String[0]));
    }
    if (!options.clientSpkiPins().isEmpty()) {
      certificates = certificates.spkiSha256(options.clientSpkiPins().toArray(new String[0]));
    }
    return certificates;
  }

  /**
   * How many users an htpasswd file holds: its {@code name:hash} lines. For the banner only, after the library
   * has read and checked the file; 0 when it cannot be read any more.
   */
  static int htpasswdUsers(Path file) {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return (int) lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#") && l.indexOf(':') > 0)
          .count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }
}
