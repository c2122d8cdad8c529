package io.github.httpswrapper.cli;

import io.github.httpswrapper.cert.KeyAlgorithm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the command line into {@link Options}, or fails with a {@link UsageException} whose message says what
 * is wrong and how to write it.
 *
 * <p>Every option is {@code --name value} or {@code --name=value}. Options that may be repeated
 * ({@code --name}, {@code --allow}, {@code --deny}) add up; any other option given twice is an error rather
 * than a silent "last one wins". {@code --help} and {@code --version} win over everything else on the line.
 */
final class ArgumentParser {
  /** Each option: whether it takes a value, whether it may repeat, and an example value for error messages. */
  private enum Flag {
    TARGET("--target", "127.0.0.1:4334"),
    LISTEN("--listen", "0.0.0.0:8443"),
    CERT("--cert", "cert.pem"),
    KEY("--key", "key.pem"),
    KEY_PASSWORD("--key-password", "env:KEY_PASSWORD"),
    KEYSTORE("--keystore", "server.p12"),
    KEYSTORE_PASSWORD("--keystore-password", "env:KEYSTORE_PASSWORD"),
    KEY_ALIAS("--key-alias", "web"),
    SELF_SIGNED("--self-signed", null),
    NAME("--name", "blog.home.arpa"),
    KEY_TYPE("--key-type", "rsa"),
    ALLOW("--allow", "192.168.1.0/24"),
    DENY("--deny", "192.168.1.13"),
    STATE_DIR("--state-dir", "/var/lib/https-wrapper"),
    MAX_CONNECTIONS("--max-connections", "500"),
    HANDSHAKE_TIMEOUT("--handshake-timeout", "10s"),
    IDLE_TIMEOUT("--idle-timeout", "5m"),
    CONNECT_TIMEOUT("--connect-timeout", "5s"),
    DEBUG("--debug", null),
    HELP("--help", null),
    VERSION("--version", null);

    final String name;
    final String example;

    Flag(String name, String example) {
      this.name = name;
      this.example = example;
    }

    boolean takesValue() {
      return example != null;
    }

    boolean repeatable() {
      return this == NAME || this == ALLOW || this == DENY;
    }
  }

  private final Map<Flag, List<String>> given = new LinkedHashMap<>();

  private ArgumentParser() {}

  /** Parses {@code args}. */
  static Options parse(String... args) throws UsageException {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        return Options.infoOnly(true, false);
      }
      if (arg.equals("--version") || arg.equals("-V")) {
        return Options.infoOnly(false, true);
      }
    }
    ArgumentParser parser = new ArgumentParser();
    parser.read(args);
    return parser.toOptions();
  }

  private void read(String[] args) throws UsageException {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
        throw new UsageException(
            "unexpected argument '" + arg + "': every option starts with --, e.g. --target 127.0.0.1:4334");
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      Flag flag = lookup(name);
      String value;
      if (!flag.takesValue()) {
        if (eq >= 0) {
          throw new UsageException(flag.name + " takes no value: write just " + flag.name);
        }
        value = "";
      } else if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        value = "";
      }
      if (flag.takesValue() && value.isBlank()) {
        throw new UsageException(
            flag.name + " needs a value, e.g. " + flag.name + " " + flag.example);
      }
      List<String> values = given.computeIfAbsent(flag, f -> new ArrayList<>());
      if (!values.isEmpty() && !flag.repeatable()) {
        throw new UsageException(flag.name + " was given twice: give it once");
      }
      values.add(value);
    }
  }

  private static Flag lookup(String name) throws UsageException {
    Flag closest = null;
    int best = Integer.MAX_VALUE;
    for (Flag flag : Flag.values()) {
      if (flag.name.equals(name)) {
        return flag;
      }
      int distance = editDistance(flag.name, name.startsWith("--") ? name : "-" + name);
      if (distance < best) {
        best = distance;
        closest = flag;
      }
    }
    // Two slips (a missing, extra or swapped letter) still point at the option meant; more is a guess.
    String hint = best <= 2 && name.length() > 4 ? " (did you mean " + closest.name + "?)" : "";
    throw new UsageException("unknown option " + name + hint);
  }

  private Options toOptions() throws UsageException {
    HostPort target = has(Flag.TARGET) ? HostPort.parseTarget("--target", one(Flag.TARGET)) : null;
    HostPort listen =
        has(Flag.LISTEN) ? HostPort.parseListen("--listen", one(Flag.LISTEN)) : Options.DEFAULT_LISTEN;
    checkCertificateChoice();
    List<String> names = new ArrayList<>(all(Flag.NAME));
    KeyAlgorithm keyType = has(Flag.KEY_TYPE) ? keyType(one(Flag.KEY_TYPE)) : null;
    return new Options(
        target,
        listen,
        path(Flag.CERT),
        path(Flag.KEY),
        secret(Flag.KEY_PASSWORD),
        path(Flag.KEYSTORE),
        secret(Flag.KEYSTORE_PASSWORD),
        has(Flag.KEY_ALIAS) ? one(Flag.KEY_ALIAS) : null,
        has(Flag.SELF_SIGNED) || has(Flag.NAME),
        List.copyOf(names),
        keyType,
        blocks(Flag.ALLOW),
        blocks(Flag.DENY),
        has(Flag.STATE_DIR) ? path(Flag.STATE_DIR) : Options.defaultStateDir(),
        has(Flag.MAX_CONNECTIONS) ? positiveInt(Flag.MAX_CONNECTIONS) : null,
        duration(Flag.HANDSHAKE_TIMEOUT),
        duration(Flag.IDLE_TIMEOUT),
        duration(Flag.CONNECT_TIMEOUT),
        has(Flag.DEBUG),
        false,
        false);
  }

  /** One certificate source at most, and only the options that belong to it. */
  private void checkCertificateChoice() throws UsageException {
    List<String> sources = new ArrayList<>();
    for (Flag flag : new Flag[] {Flag.CERT, Flag.KEYSTORE, Flag.SELF_SIGNED}) {
      if (has(flag)) {
        sources.add(flag.name);
      }
    }
    if (sources.size() > 1) {
      throw new UsageException(
          String.join(" and ", sources) + " are alternatives: choose one certificate source");
    }
    boolean pem = has(Flag.CERT);
    boolean keyStore = has(Flag.KEYSTORE);
    requires(Flag.KEY, pem, "--cert: --key is the private key of the --cert certificate, e.g. --cert cert.pem "
        + "--key key.pem");
    requires(Flag.KEYSTORE_PASSWORD, keyStore, "--keystore");
    requires(Flag.KEY_ALIAS, keyStore, "--keystore");
    requires(Flag.KEY_PASSWORD, pem || keyStore,
        "--cert or --keystore: the self-signed certificate's key has no password");
    for (Flag flag : new Flag[] {Flag.NAME, Flag.KEY_TYPE}) {
      if (has(flag) && (pem || keyStore)) {
        throw new UsageException(
            flag.name + " sets up the self-signed certificate and cannot be used with "
                + (pem ? "--cert" : "--keystore") + ": leave out one of them");
      }
    }
  }

  private void requires(Flag flag, boolean present, String what) throws UsageException {
    if (has(flag) && !present) {
      throw new UsageException(flag.name + " needs " + what);
    }
  }

  private boolean has(Flag flag) {
    return given.containsKey(flag);
  }

  private String one(Flag flag) {
    return given.get(flag).get(0);
  }

  private List<String> all(Flag flag) {
    return given.getOrDefault(flag, List.of());
  }

  private Path path(Flag flag) {
    if (!has(flag)) {
      return null;
    }
    String text = one(flag);
    if (text.equals("~") || text.startsWith("~/")) {
      // The shell expands ~ only at the start of a word, so --state-dir=~/x arrives unexpanded.
      text = System.getProperty("user.home") + text.substring(1);
    }
    return Path.of(text);
  }

  private Secret secret(Flag flag) throws UsageException {
    return has(flag) ? Secret.parse(flag.name, one(flag)) : null;
  }

  private Duration duration(Flag flag) throws UsageException {
    return has(flag) ? Durations.parse(flag.name, one(flag)) : null;
  }

  /** Address blocks; a value may list several, separated by commas. Checked later by the wrapper's builder. */
  private List<String> blocks(Flag flag) throws UsageException {
    List<String> blocks = new ArrayList<>();
    for (String value : all(flag)) {
      for (String part : value.split(",", -1)) {
        if (part.isBlank()) {
          throw new UsageException(
              flag.name + " " + value + ": an empty address block; separate blocks with single commas, e.g. "
                  + flag.name + " 192.168.1.0/24,10.0.0.7");
        }
        blocks.add(part.trim());
      }
    }
    return List.copyOf(blocks);
  }

  private int positiveInt(Flag flag) throws UsageException {
    String text = one(flag).trim();
    if (text.matches("[0-9]{1,9}") && Integer.parseInt(text) > 0) {
      return Integer.parseInt(text);
    }
    throw new UsageException(flag.name + " " + one(flag) + ": must be a whole number of 1 or more, e.g. "
        + flag.name + " " + flag.example);
  }

  private static KeyAlgorithm keyType(String text) throws UsageException {
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "ecdsa":
      case "ec":
        return KeyAlgorithm.ECDSA_P256;
      case "rsa":
        return KeyAlgorithm.RSA_2048;
      default:
        throw new UsageException(
            "--key-type " + text + ": use ecdsa (P-256, the default) or rsa (2048 bits, for old clients)");
    }
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
