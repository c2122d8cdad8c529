package io.github.httpswrapper.internal.tls;

import io.github.httpswrapper.cert.CertificateSource;
import java.time.Duration;
import java.util.List;

/**
 * Where the server's identities come from and how often their files are looked at, as the public builder
 * validated them.
 *
 * @param defaultSource for clients that send no server name, or one no {@code byServerName} entry matches
 * @param byServerName identities chosen by the server name a client sends (SNI); no two patterns are equal
 * @param reloadInterval how often watched files are polled; {@link Duration#ZERO} for never
 */
public record CertificateSettings(
    CertificateSource defaultSource, List<Named> byServerName, Duration reloadInterval) {

  /** An identity for the clients that ask for {@code serverName}. */
  public record Named(ServerNamePattern serverName, CertificateSource source) {}

  /** Every source: the default first, then the named ones in the order given. */
  public List<CertificateSource> sources() {
    List<CertificateSource> all = new java.util.ArrayList<>();
    all.add(defaultSource);
    byServerName.forEach(named -> all.add(named.source()));
    return List.copyOf(all);
  }
}
