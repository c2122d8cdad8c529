package io.github.httpswrapper.cli;

/**
 * A host and a port as written on the command line: {@code 127.0.0.1:4334}, {@code localhost:4334},
 * {@code [::1]:8443}, or a bare port, which means {@code 127.0.0.1}.
 *
 * <p>IPv6 addresses must be written in brackets, because {@code ::1:8443} could be read two ways. The host is
 * kept without brackets, as {@link io.github.httpswrapper.HttpsWrapper.Builder} wants it;
 * {@link #toString()} puts them back.
 */
record HostPort(String host, int port) {
  static final String LOOPBACK = "127.0.0.1";

  /**
   * Parses a {@code --target}: the plain-HTTP service. Port 1 to 65535. A leading {@code http://} and a
   * trailing {@code /} are forgiven, since people paste URLs.
   */
  static HostPort parseTarget(String flag, String text) throws UsageException {
    String t = text.trim();
    if (t.regionMatches(true, 0, "https://", 0, 8)) {
      throw new UsageException(
          flag + " " + text + ": the target must speak plain HTTP (https-wrapper adds the TLS); give "
              + "HOST:PORT of the plain-HTTP service, e.g. 127.0.0.1:4334");
    }
    if (t.regionMatches(true, 0, "http://", 0, 7)) {
      t = t.substring(7);
    }
    if (t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    if (t.contains("/")) {
      throw new UsageException(
          flag + " " + text + ": give only HOST:PORT, without a path, e.g. 127.0.0.1:4334");
    }
    return parse(flag, text, t, 1, "e.g. 127.0.0.1:4334");
  }

  /** Parses a {@code --listen}: where to accept HTTPS. Port 0 to 65535; 0 picks a free port. */
  static HostPort parseListen(String flag, String text) throws UsageException {
    return parse(flag, text, text.trim(), 0, "e.g. 0.0.0.0:8443, 127.0.0.1:8443, [::]:8443 or 8443");
  }

  private static HostPort parse(String flag, String original, String t, int minPort, String example)
      throws UsageException {
    String where = flag + " " + original + ": ";
    if (t.isEmpty()) {
      throw new UsageException(flag + " needs HOST:PORT, " + example);
    }
    String host;
    String port;
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        throw new UsageException(where + "the ']' after the IPv6 address is missing, e.g. [::1]:8443");
      }
      host = t.substring(1, close);
      String rest = t.substring(close + 1);
      if (!rest.startsWith(":")) {
        throw new UsageException(where + "the port is missing after the address, e.g. [" + host + "]:8443");
      }
      port = rest.substring(1);
      if (host.isEmpty()) {
        throw new UsageException(where + "the IPv6 address in brackets is empty, e.g. [::1]:8443");
      }
    } else if (t.chars().allMatch(Character::isDigit)) {
      host = LOOPBACK;
      port = t;
    } else {
      int colon = t.indexOf(':');
      if (colon < 0) {
        throw new UsageException(where + "the port is missing, " + example);
      }
      if (t.indexOf(':', colon + 1) >= 0) {
        throw new UsageException(
            where + "write an IPv6 address in brackets, e.g. [::1]:8443, so the port can be told apart");
      }
      host = t.substring(0, colon);
      port = t.substring(colon + 1);
      if (host.isEmpty()) {
        throw new UsageException(
            where + "the host is missing: use 127.0.0.1:" + port + " for this machine only or 0.0.0.0:"
                + port + " for every address");
      }
    }
    return new HostPort(host, parsePort(where, port, minPort));
  }

  private static int parsePort(String where, String port, int minPort) throws UsageException {
    String range = minPort + " to 65535";
    if (port.isEmpty()) {
      throw new UsageException(where + "the port is missing after ':'");
    }
    if (!port.chars().allMatch(Character::isDigit) || port.length() > 5) {
      throw new UsageException(where + "'" + port + "' is not a port: use a number from " + range);
    }
    int value = Integer.parseInt(port);
    if (value < minPort || value > 65535) {
      throw new UsageException(where + "the port must be " + range + ", was " + value);
    }
    return value;
  }

  /** Whether the host is an IPv6 literal (written in brackets in URLs and in {@link #toString()}). */
  boolean isIpv6() {
    return host.indexOf(':') >= 0;
  }

  @Override
  public String toString() {
    return (isIpv6() ? "[" + host + "]" : host) + ":" + port;
  }
}
