package io.github.httpswrapper.internal.tls;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A server name a client may ask for in the TLS SNI extension: an exact DNS name ({@code blog.example.com}) or a
 * wildcard ({@code *.example.com}) that matches exactly one more label, as in certificates (RFC 6125): it
 * matches {@code www.example.com} but neither {@code example.com} nor {@code a.b.example.com}. Case is ignored;
 * internationalised names are compared in their ASCII ({@code xn--}) form, which is what SNI carries.
 *
 * @param text the pattern as written, lower case and in ASCII form
 */
public record ServerNamePattern(String text) {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
  private static final Pattern IP_LIKE = Pattern.compile("[0-9.]+|.*:.*");

  /**
   * Checks and normalises a server name pattern.
   *
   * @throws IllegalArgumentException when it is blank, an IP address (SNI never carries one), or not a DNS
   *     name with an optional leading {@code *.} label
   */
  public static ServerNamePattern parse(String name) {
    String trimmed = name.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("a server name must not be blank, e.g. \"blog.example.com\"");
    }
    if (IP_LIKE.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(
          "server name " + trimmed + " is an IP address, but clients never send one in SNI: clients that"
              + " connect by address get the default certificate(source)");
    }
    boolean wildcard = trimmed.startsWith("*.");
    String dns = wildcard ? trimmed.substring(2) : trimmed;
    if (dns.endsWith(".")) {
      dns = dns.substring(0, dns.length() - 1);
    }
    String ascii;
    try {
      ascii = IDN.toASCII(dns, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("server name " + trimmed + " is not a DNS name: " + e.getMessage(), e);
    }
    if (ascii.isEmpty() || ascii.length() > 253 || !allLabelsValid(ascii)) {
      throw new IllegalArgumentException(
          "server name " + trimmed + " is not a DNS name: use letters, digits and hyphens in dot-separated labels,"
              + " with an optional leading \"*.\" label, e.g. \"*.example.com\"");
    }
    return new ServerNamePattern(wildcard ? "*." + ascii : ascii);
  }

  private static boolean allLabelsValid(String ascii) {
    for (String label : ascii.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  /** Whether this is a {@code *.} pattern. */
  public boolean wildcard() {
    return text.startsWith("*.");
  }

  /** For a wildcard, the part after {@code *.}; for an exact name, the name. */
  String suffix() {
    return wildcard() ? text.substring(2) : text;
  }

  /** Whether a requested SNI host name (ASCII, any case, trailing dot allowed) matches this pattern. */
  public boolean matches(String requested) {
    String name = normalise(requested);
    if (!wildcard()) {
      return name.equals(text);
    }
    int dot = name.indexOf('.');
    return dot > 0 && name.substring(dot + 1).equals(suffix());
  }

  /**
   * Whether a certificate with these subject alternative names is valid for every name this pattern matches,
   * by the client's rules: an exact name needs that name or a wildcard over it; a wildcard needs that wildcard.
   */
  boolean coveredBy(List<String> certificateNames) {
    for (String san : certificateNames) {
      String lower = san.toLowerCase(Locale.ROOT);
      if (lower.equals(text) || (!wildcard() && new ServerNamePattern(lower).wildcard()
          && new ServerNamePattern(lower).matches(text))) {
        return true;
      }
    }
    return false;
  }

  /** Lower case, without a trailing dot. */
  static String normalise(String requested) {
    String name = requested.toLowerCase(Locale.ROOT);
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  @Override
  public String toString() {
    return text;
  }
}
