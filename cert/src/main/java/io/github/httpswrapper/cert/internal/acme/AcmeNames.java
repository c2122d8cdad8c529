package io.github.httpswrapper.cert.internal.acme;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks what an ACME source is configured with, so that a mistake fails when it is made, not at issuance. */
public final class AcmeNames {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[^a-z0-9.-]");

  private AcmeNames() {}

  /**
   * The CA's directory URL, which RFC 8555 requires to be HTTPS.
   *
   * @throws IllegalArgumentException when it is not an absolute {@code https://} URL with a host
   */
  public static URI directory(URI directory) {
    Objects.requireNonNull(directory, "directory");
    if (!"https".equalsIgnoreCase(directory.getScheme()) || directory.getHost() == null) {
      throw new IllegalArgumentException(
          "the ACME directory must be an https:// URL such as https://acme-v02.api.letsencrypt.org/directory,"
              + " was " + directory);
    }
    return directory;
  }

  /**
   * The domains in canonical spelling (lower case, no trailing dot, no duplicates), in the order given.
   *
   * @throws IllegalArgumentException when there is none, or one is not a DNS name HTTP-01 can validate
   */
  public static List<String> domains(String... domains) {
    Objects.requireNonNull(domains, "domains");
    if (domains.length == 0) {
      throw new IllegalArgumentException(
          "an ACME certificate needs at least one domain: acme(directory, \"blog.example.org\")");
    }
    Set<String> canonical = new LinkedHashSet<>();
    for (String domain : domains) {
      Objects.requireNonNull(domain, "domain");
      canonical.add(domain(domain));
    }
    return List.copyOf(new ArrayList<>(canonical));
  }

  private static String domain(String given) {
    String name = given.trim().toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.startsWith("*.")) {
      throw new IllegalArgumentException(
          "\"" + given + "\": a wildcard name can only be validated over DNS-01, not HTTP-01: list each name"
              + " the wrapper serves instead");
    }
    String[] labels = name.split("\\.", -1);
    boolean valid = !name.isEmpty() && name.length() <= 253 && labels.length >= 2
        && !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    for (String label : labels) {
      valid &= LABEL.matcher(label).matches();
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "\"" + given + "\" is not a fully qualified DNS name: an ACME certificate authority issues only for"
              + " public names like blog.example.org (not IP addresses, not single-label names like localhost)");
    }
    return name;
  }

  /** A directory name for files that belong to {@code uri}'s server: its host, safe in a file name. */
  static String folderFor(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return UNSAFE_IN_FILE_NAME.matcher(host).replaceAll("_");
  }
}
