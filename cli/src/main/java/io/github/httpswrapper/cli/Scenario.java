package io.github.httpswrapper.cli;

import java.util.Locale;

/** The three situations {@code --policy} names, each a preset of {@link io.github.httpswrapper.AccessPolicy}. */
enum Scenario {
  /** Everyone who can connect is served, without a password: a LAN where every machine is trusted. */
  TRUSTED_NETWORK("trusted-network"),
  /** This machine is served without a password; every other address needs one (or a client certificate). */
  LOCAL_OPEN("local-open"),
  /** As {@link #LOCAL_OPEN}, and browsers are told to use HTTPS only (HSTS, 365 days). */
  HOSTILE_NETWORK("hostile-network");

  /** How it is written after {@code --policy}. */
  final String text;

  Scenario(String text) {
    this.text = text;
  }

  /** Reads the value of {@code --policy}; case does not matter. */
  static Scenario parse(String value) throws UsageException {
    String wanted = value.trim().toLowerCase(Locale.ROOT);
    for (Scenario scenario : values()) {
      if (scenario.text.equals(wanted)) {
        return scenario;
      }
    }
    throw new UsageException(
        "--policy " + value + ": use trusted-network (everyone who can connect, no password), local-open (this"
            + " machine without a password, other addresses with one) or hostile-network (as local-open, plus"
            + " HSTS)");
  }

  /** Whether clients on other machines must prove who they are. */
  boolean asksRemoteClients() {
    return this != TRUSTED_NETWORK;
  }
}
