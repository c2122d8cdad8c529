package io.github.httpswrapper.cli;

import io.github.httpswrapper.cert.KeyAlgorithm;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the command line into {@link Options}, or fails with a {@link UsageException} whose message says what
 * is wrong and how to write it.
 *
 * <p>Every option is {@code --name value} or {@code --name=value}. Options that may be repeated
 * ({@code --name}, {@code --sni}, {@code --allow}, {@code --deny}, {@code --user}, {@code --client-cn},
 * {@code --client-spki}, {@code --trusted-proxy}) add up; any other option given twice is an error rather than
 * a silent "last one wins". {@code --help} and {@code --version} win over everything else on the line. Options
 * that contradict each other ({@code --tcp} with a password, users without a policy that asks for them, two
 * certificate sources, {@code --acme} without the plain-HTTP listener its CA must reach) are refused here, so
 * that nothing starts half-configured.
 *
 * <p>{@code --config FILE} reads more options from a {@link ConfigFile}, one {@code key = value} per line. An
 * option on the command line replaces the file's value of the same key, and a repeatable one adds to the
 * file's values, so that one setting can be changed for one run without editing the file. Errors in the file
 * name it and the line ({@code site.conf line 4: unknown key "lissten": did you mean "listen"?}), and so do
 * errors found later in a value that came from it.
 *
 * <p>The {@code hash-password} command has its own options; {@link Main} hands it to {@link HashPassword}
 * before this parser sees the line. {@code export-cert} and {@code trust} take the options of the server
 * (and {@link CertificateCommand} reads them with this parser).
 */
final class ArgumentParser {
  private final Map<Flag, List<String>> given = new LinkedHashMap<>();
  /** For each value in {@link #given}, the config file line it came from, or 0 for the command line. */
  private final Map<Flag, List<Integer>> lines = new LinkedHashMap<>();

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
    if (parser.has(Flag.CONFIG)) {
      parser.readConfig();
    }
    try {
      return parser.toOptions();
    } catch (UsageException e) {
      throw parser.placed(e);
    }
  }

  /**
   * Adds the settings of the {@code --config} file: before the command line's values of a repeatable option,
   * and only where the command line gives no value of another.
   */
  private void readConfig() throws UsageException {
    String shown = one(Flag.CONFIG);
    Map<Flag, Integer> setOn = new HashMap<>();
    Map<Flag, List<ConfigFile.Entry>> fromFile = new LinkedHashMap<>();
    for (ConfigFile.Entry entry : ConfigFile.read(Path.of(home(shown)), shown)) {
      Flag flag = entry.flag();
      Integer earlier = setOn.putIfAbsent(flag, entry.line());
      if (earlier != null && !flag.repeatable()) {
        throw new UsageException(
            shown + " line " + entry.line() + ": " + flag.key() + " was already set on line " + earlier
                + ": set it once");
      }
      if (entry.off() || has(flag) && !flag.repeatable()) {
        continue;
      }
      fromFile.computeIfAbsent(flag, f -> new ArrayList<>()).add(entry);
    }
    for (Map.Entry<Flag, List<ConfigFile.Entry>> file : fromFile.entrySet()) {
      List<String> values = new ArrayList<>();
      List<Integer> at = new ArrayList<>();
      for (ConfigFile.Entry entry : file.getValue()) {
        values.add(entry.value());
        at.add(entry.line());
      }
      values.addAll(all(file.getKey()));
      at.addAll(lines.getOrDefault(file.getKey(), List.of()));
      given.put(file.getKey(), values);
      lines.put(file.getKey(), at);
    }
  }

  /**
   * {@code e}, with the config file and line in front when the option its message starts with got its value
   * from the file: the message is about the file then, not about the command line.
   */
  private UsageException placed(UsageException e) {
    String message = e.getMessage();
    Flag named = null;
    for (Flag flag : Flag.values()) {
      boolean starts = message.startsWith(flag.name)
          && (message.length() == flag.name.length() || " :=".indexOf(message.charAt(flag.name.length())) >= 0);
      if (starts && (named == null || flag.name.length() > named.name.length())) {
        named = flag;
      }
    }
    if (named == null || !has(Flag.CONFIG) || !lines.containsKey(named)) {
      return e;
    }
    List<String> values = given.get(named);
    List<Integer> at = lines.get(named);
    int line = at.get(0);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null && !values.get(i).isEmpty()
          && message.startsWith(named.name + " " + values.get(i))) {
        line = at.get(i);
        break;
      }
    }
    return line == 0 ? e : new UsageException(one(Flag.CONFIG) + " line " + line + ": " + message);
  }

  private void read(String[] args) throws UsageException {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
        throw unexpected(arg, i);
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
      } else if (flag.optionalValue()) {
        value = i + 1 < args.length && !args[i + 1].startsWith("-") ? args[++i] : null;
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        value = "";
      }
      if (flag.takesValue() && value != null && value.isBlank()) {
        throw new UsageException(
            flag.name + " needs a value, e.g. " + flag.name + " " + flag.example);
      }
      List<String> values = given.computeIfAbsent(flag, f -> new ArrayList<>());
      if (!values.isEmpty() && !flag.repeatable()) {
        throw new UsageException(flag.name + " was given twice: give it once");
      }
      values.add(value);
      lines.computeIfAbsent(flag, f -> new ArrayList<>()).add(0);
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
    checkTcp();
    List<String> names = new ArrayList<>(all(Flag.NAME));
    KeyAlgorithm keyType = has(Flag.KEY_TYPE) ? keyType(one(Flag.KEY_TYPE)) : null;
    AcmeOptions acme = acmeOptions();
    return new Options(
        target,
        listen,
        path(Flag.CERT),
        path(Flag.KEY),
        secret(Flag.KEY_PASSWORD),
        path(Flag.KEYSTORE),
        secret(Flag.KEYSTORE_PASSWORD),
        has(Flag.KEY_ALIAS) ? one(Flag.KEY_ALIAS) : null,
        has(Flag.SELF_SIGNED) || has(Flag.NAME) && !has(Flag.LOCAL_CA) && acme == null,
        has(Flag.LOCAL_CA),
        acme,
        List.copyOf(names),
        keyType,
        serverNames(),
        has(Flag.RELOAD_INTERVAL) ? reloadInterval() : null,
        blocks(Flag.ALLOW),
        blocks(Flag.DENY),
        has(Flag.STATE_DIR) ? path(Flag.STATE_DIR) : Options.defaultStateDir(),
        has(Flag.MAX_CONNECTIONS) ? positiveInt(Flag.MAX_CONNECTIONS) : null,
        duration(Flag.HANDSHAKE_TIMEOUT),
        duration(Flag.IDLE_TIMEOUT),
        duration(Flag.CONNECT_TIMEOUT),
        limitOptions(),
        accessOptions(),
        protocolOptions(listen),
        has(Flag.DEBUG),
        false,
        false);
  }

  /** One certificate source at most, and only the options that belong to it. */
  private void checkCertificateChoice() throws UsageException {
    List<String> sources = new ArrayList<>();
    for (Flag flag : new Flag[] {Flag.CERT, Flag.KEYSTORE, Flag.SELF_SIGNED, Flag.LOCAL_CA, Flag.ACME}) {
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
        "--cert or --keystore: the key of a generated certificate has no password");
    if (has(Flag.NAME) && (pem || keyStore)) {
      throw new UsageException(
          "--name names a generated certificate (--self-signed, --local-ca or --acme) and cannot be used with "
              + (pem ? "--cert" : "--keystore") + ": leave out one of them");
    }
    if (has(Flag.KEY_TYPE) && (pem || keyStore)) {
      throw new UsageException(
          "--key-type sets the key of a generated certificate (--self-signed or --local-ca) and cannot be used"
              + " with " + (pem ? "--cert" : "--keystore") + ": leave out one of them");
    }
    if (has(Flag.KEY_TYPE) && has(Flag.ACME)) {
      throw new UsageException(
          "--key-type cannot be used with --acme: an ACME certificate always gets an ECDSA P-256 key");
    }
  }

  /**
   * {@code --acme} and its companions. HTTP-01 is the only challenge, so the CA must reach the plain-HTTP
   * listener on port 80 for every {@code --name}; what cannot work that way is refused here rather than after
   * a round trip to the CA.
   */
  private AcmeOptions acmeOptions() throws UsageException {
    for (Flag flag : new Flag[] {Flag.ACME_EMAIL, Flag.ACME_ACCEPT_TOS, Flag.ACME_CA}) {
      requires(flag, has(Flag.ACME), "--acme: it belongs to the ACME certificate, e.g. --acme "
          + Flag.ACME.example + " --name blog.example.org " + flag.name
          + (flag.takesValue() ? " " + flag.example : ""));
    }
    if (!has(Flag.ACME)) {
      return null;
    }
    String url = one(Flag.ACME).trim();
    URI directory;
    try {
      directory = new URI(url);
    } catch (URISyntaxException e) {
      directory = null;
    }
    if (directory == null || !"https".equalsIgnoreCase(directory.getScheme()) || directory.getHost() == null) {
      throw new UsageException(
          "--acme " + url + ": give the CA's https:// directory URL, e.g. --acme " + Flag.ACME.example);
    }
    if (!has(Flag.NAME)) {
      throw new UsageException(
          "--acme needs --name: the domains the certificate is for, e.g. --acme " + Flag.ACME.example
              + " --name blog.example.org");
    }
    for (String name : all(Flag.NAME)) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      if (n.startsWith("*.")) {
        throw new UsageException(
            "--name " + name + ": an ACME certificate over HTTP-01 cannot be for a wildcard name: give each name"
                + " the wrapper serves, e.g. --name www." + n.substring(2));
      }
      if (ipLike(n) || n.equals("localhost") || !n.contains(".")) {
        throw new UsageException(
            "--name " + name + ": the ACME CA checks each name over the internet, so it must be a public DNS"
                + " name such as blog.example.org, not an IP address or a local name");
      }
    }
    if (!has(Flag.ACME_ACCEPT_TOS)) {
      throw new UsageException(
          "--acme needs --acme-accept-tos: the CA registers an account only for those who accept its terms of"
              + " service; read them (the CA's web site links them), then add --acme-accept-tos");
    }
    if (!has(Flag.REDIRECT_HTTP)) {
      throw new UsageException(
          "--acme needs --redirect-http PORT: the CA checks each --name with a plain-HTTP request to port 80,"
              + " which must reach that listener, e.g. --redirect-http 80 (or forward port 80 to --redirect-http"
              + " 8080)");
    }
    if (one(Flag.REDIRECT_HTTP).trim().equals("0")) {
      throw new UsageException(
          "--redirect-http 0 picks a different port each time, which port 80 cannot be forwarded to: with --acme"
              + " give a fixed port, e.g. --redirect-http 80 or --redirect-http 8080");
    }
    String email = has(Flag.ACME_EMAIL) ? one(Flag.ACME_EMAIL).trim() : null;
    if (email != null && (email.indexOf('@') < 1 || email.indexOf('@') == email.length() - 1)) {
      throw new UsageException(
          "--acme-email " + email + ": not an email address; use one like --acme-email "
              + Flag.ACME_EMAIL.example);
    }
    return new AcmeOptions(directory, email, path(Flag.ACME_CA));
  }

  /**
   * {@code --sni NAME=CERT} or {@code NAME=CERT,KEY}. The name is checked fully by the library; here only what
   * can never work: an address (clients never send one in SNI), or the same name twice.
   */
  private List<ServerNameCertificate> serverNames() throws UsageException {
    List<ServerNameCertificate> certificates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String value : all(Flag.SNI)) {
      int eq = value.indexOf('=');
      String name = eq < 0 ? "" : value.substring(0, eq).trim();
      String[] files = eq < 0 ? new String[0] : value.substring(eq + 1).split(",", -1);
      if (name.isEmpty() || files.length == 0 || files.length > 2
          || Arrays.stream(files).anyMatch(String::isBlank)) {
        throw new UsageException(
            "--sni " + value + ": write NAME=CERT, or NAME=CERT,KEY when the key is in its own file, e.g. --sni"
                + " blog.example.org=blog.pem");
      }
      if (ipLike(name)) {
        throw new UsageException(
            "--sni " + value + ": clients never send an IP address as the server name; those that connect by"
                + " address get the main certificate, so put the address there (e.g. --name "
                + name.replaceAll("[\\[\\]]", "") + ")");
      }
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw new UsageException("--sni " + name + " was given twice: give each name once");
      }
      certificates.add(
          new ServerNameCertificate(
              name, Path.of(home(files[0].trim())), files.length == 2 ? Path.of(home(files[1].trim())) : null));
    }
    return List.copyOf(certificates);
  }

  /** {@code 0} turns file watching off; anything else is a duration of at least 10 ms, as the library asks. */
  private Duration reloadInterval() throws UsageException {
    String text = one(Flag.RELOAD_INTERVAL).trim();
    if (text.matches("0+(ms|s|m|h)?")) {
      return Duration.ZERO;
    }
    Duration interval = Durations.parse(Flag.RELOAD_INTERVAL.name, text);
    if (interval.toMillis() < 10) {
      throw new UsageException(
          "--reload-interval " + text + ": check at least 10ms apart (the default is 2s), or give 0 to turn"
              + " watching off");
    }
    return interval;
  }

  /** An IPv4 or IPv6 literal, roughly: digits and dots only, or any colon. */
  private static boolean ipLike(String name) {
    return name.matches("[0-9.]+") || name.contains(":");
  }

  /** {@code --tcp} never reads a request, so nothing that acts on requests can go with it. */
  private void checkTcp() throws UsageException {
    if (!has(Flag.TCP)) {
      return;
    }
    if (has(Flag.POLICY) && Scenario.parse(one(Flag.POLICY)) != Scenario.TRUSTED_NETWORK) {
      throw tcpConflict("--policy " + one(Flag.POLICY));
    }
    for (Flag flag :
        new Flag[] {
          Flag.HTPASSWD, Flag.USER, Flag.CLIENT_CA, Flag.CLIENT_CN, Flag.CLIENT_SPKI, Flag.REALM, Flag.HSTS,
          Flag.STRIP_AUTHORIZATION, Flag.MAX_REQUEST_LINE, Flag.MAX_HEADER_SIZE, Flag.REQUEST_HEAD_TIMEOUT,
          Flag.KEEP_ALIVE_TIMEOUT, Flag.REQUEST_BODY_TIMEOUT, Flag.RESPONSE_TIMEOUT, Flag.MAX_REQUEST_BODY
        }) {
      if (has(flag)) {
        throw tcpConflict(flag.name);
      }
    }
  }

  private static UsageException tcpConflict(String what) {
    return new UsageException(
        "--tcp relays bytes without reading HTTP requests, so it cannot be used with " + what
            + ": leave out one of them (--allow and --deny still apply with --tcp)");
  }

  private AccessOptions accessOptions() throws UsageException {
    Scenario scenario = has(Flag.POLICY) ? Scenario.parse(one(Flag.POLICY)) : Scenario.TRUSTED_NETWORK;
    Map<String, String> users = users();
    if (has(Flag.HTPASSWD) && has(Flag.USER)) {
      throw new UsageException(
          "--htpasswd and --user are alternatives: put every user in the htpasswd file (java -jar"
              + " https-wrapper.jar hash-password --user NAME prints the line to add)");
    }
    boolean hasUsers = has(Flag.HTPASSWD) || !users.isEmpty();
    for (Flag narrowing : new Flag[] {Flag.CLIENT_CN, Flag.CLIENT_SPKI}) {
      if (has(narrowing) && !has(Flag.CLIENT_CA)) {
        throw new UsageException(
            narrowing.name + " needs --client-ca: it narrows which certificates of that CA are accepted, e.g."
                + " --client-ca ca.pem " + narrowing.name + " " + narrowing.example);
      }
    }
    if (!scenario.asksRemoteClients()) {
      String policy = has(Flag.POLICY) ? "--policy trusted-network" : "trusted-network (the default --policy)";
      for (Flag flag : new Flag[] {Flag.HTPASSWD, Flag.USER}) {
        if (has(flag)) {
          throw new UsageException(
              flag.name + " needs --policy local-open or --policy hostile-network: with " + policy
                  + " nobody is asked for a password");
        }
      }
      if (has(Flag.CLIENT_CA)) {
        throw new UsageException(
            "--client-ca needs --policy local-open or --policy hostile-network: with " + policy
                + " nobody is asked for a client certificate");
      }
    } else if (!hasUsers && !has(Flag.CLIENT_CA)) {
      throw new UsageException(
          "--policy " + scenario.text + " asks other machines for a password, so it needs users: add"
              + " --htpasswd FILE or --user NAME:HASH (make the hash with hash-password), or --client-ca FILE"
              + " to ask for client certificates instead");
    }
    if (has(Flag.REALM) && !hasUsers) {
      throw new UsageException(
          "--realm names the password dialog, so it needs users: add --htpasswd FILE or --user NAME:HASH with"
              + " --policy local-open or hostile-network");
    }
    return new AccessOptions(
        scenario,
        path(Flag.HTPASSWD),
        users,
        path(Flag.CLIENT_CA),
        List.copyOf(all(Flag.CLIENT_CN)),
        spkiPins(),
        has(Flag.REALM) ? realm(one(Flag.REALM)) : null,
        has(Flag.HSTS) ? Durations.maxAge(Flag.HSTS.name, one(Flag.HSTS)) : null,
        has(Flag.STRIP_AUTHORIZATION));
  }

  private LimitOptions limitOptions() throws UsageException {
    return new LimitOptions(
        duration(Flag.REQUEST_HEAD_TIMEOUT),
        duration(Flag.KEEP_ALIVE_TIMEOUT),
        duration(Flag.REQUEST_BODY_TIMEOUT),
        duration(Flag.RESPONSE_TIMEOUT),
        duration(Flag.SHUTDOWN_TIMEOUT),
        has(Flag.MAX_CONNECTIONS_PER_CLIENT) ? positiveInt(Flag.MAX_CONNECTIONS_PER_CLIENT) : null,
        has(Flag.MAX_REQUEST_BODY) ? bytes(Flag.MAX_REQUEST_BODY) : null);
  }

  private long bytes(Flag flag) throws UsageException {
    String text = one(flag).trim();
    if (text.matches("[0-9]{1,18}")) {
      return Long.parseLong(text);
    }
    throw new UsageException(flag.name + " " + one(flag) + ": must be a number of bytes, e.g. "
        + flag.name + " " + flag.example);
  }

  private ProtocolOptions protocolOptions(HostPort listen) throws UsageException {
    if (has(Flag.PROXY_PROTOCOL) && !has(Flag.TRUSTED_PROXY)) {
      throw new UsageException(
          "--proxy-protocol needs --trusted-proxy: only a trusted proxy may say who the client is, e.g."
              + " --trusted-proxy 10.0.0.2 --proxy-protocol");
    }
    Integer redirect = has(Flag.REDIRECT_HTTP) ? redirectPort(listen) : null;
    return new ProtocolOptions(
        has(Flag.TCP),
        blocks(Flag.TRUSTED_PROXY),
        has(Flag.PROXY_PROTOCOL),
        redirect,
        has(Flag.MAX_REQUEST_LINE) ? atLeast(Flag.MAX_REQUEST_LINE, 256, 8192) : null,
        has(Flag.MAX_HEADER_SIZE) ? atLeast(Flag.MAX_HEADER_SIZE, 1024, 32768) : null,
        has(Flag.METRICS_PORT) ? metricsPort() : null);
  }

  /**
   * {@code --user NAME:HASH}, checked to hold a hash. A password typed here would sit in the process list and
   * the shell's history, so anything that is not a hash is refused, and the message never repeats it.
   */
  private Map<String, String> users() throws UsageException {
    Map<String, String> users = new LinkedHashMap<>();
    for (String value : all(Flag.USER)) {
      int colon = value.indexOf(':');
      String name = colon < 0 ? value : value.substring(0, colon);
      String make = "make one with: java -jar https-wrapper.jar hash-password --user "
          + (name.isEmpty() ? "NAME" : name);
      if (colon < 0) {
        throw new UsageException(
            "--user " + value + ": write NAME:HASH, e.g. --user 'alice:$2y$10$...'; " + make);
      }
      if (name.isEmpty() || name.startsWith("#") || !name.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
        throw new UsageException(
            "--user " + name + ":...: the user name before ':' must be a word without spaces that does not"
                + " start with #, e.g. --user 'alice:$2y$10$...'");
      }
      if (!PasswordHashes.isHash(value.substring(colon + 1))) {
        throw new UsageException(
            "--user " + name + ":...: that is not a password hash (bcrypt $2y$, APR1 $apr1$ or {SHA}); never put"
                + " a password on the command line, " + make + " (and quote the hash in single quotes, so the"
                + " shell leaves its $ alone)");
      }
      if (users.put(name, value.substring(colon + 1)) != null) {
        throw new UsageException("--user " + name + " was given twice: give each user once");
      }
    }
    return Collections.unmodifiableMap(users);
  }

  /**
   * Public key pins as base64 of a SHA-256 digest; {@code sha256//} (as curl writes them) or {@code sha256/} in
   * front is fine.
   */
  private List<String> spkiPins() throws UsageException {
    List<String> pins = new ArrayList<>();
    for (String value : all(Flag.CLIENT_SPKI)) {
      String pin = value.trim().replaceFirst("^sha256//?", "");
      byte[] digest;
      try {
        digest = Base64.getDecoder().decode(pin);
      } catch (IllegalArgumentException e) {
        digest = new byte[0];
      }
      if (digest.length != 32) {
        throw new UsageException(
            "--client-spki " + value + ": not a public key pin; give the base64 SHA-256 of the certificate's"
                + " public key (44 characters ending in =), e.g. --client-spki " + Flag.CLIENT_SPKI.example);
      }
      pins.add(pin);
    }
    return List.copyOf(pins);
  }

  /** The realm goes inside a quoted header parameter, so quotes, backslashes and control characters are out. */
  private static String realm(String text) throws UsageException {
    if (!text.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != '"' && c != '\\')) {
      throw new UsageException(
          "--realm " + text + ": use printable text without quotes or backslashes, e.g. --realm 'Family photos'");
    }
    return text;
  }

  private int metricsPort() throws UsageException {
    String text = one(Flag.METRICS_PORT).trim();
    if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) > 65535) {
      throw new UsageException(
          "--metrics-port " + one(Flag.METRICS_PORT) + ": give a port from 0 to 65535, e.g. --metrics-port 9100"
              + " (0 picks a free port; it listens on 127.0.0.1 only)");
    }
    return Integer.parseInt(text);
  }

  private int redirectPort(HostPort listen) throws UsageException {
    String text = one(Flag.REDIRECT_HTTP).trim();
    if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) > 65535) {
      throw new UsageException(
          "--redirect-http " + one(Flag.REDIRECT_HTTP) + ": give a port from 0 to 65535, e.g. --redirect-http"
              + " 8080 (0 picks a free port)");
    }
    int port = Integer.parseInt(text);
    if (port != 0 && port == listen.port()) {
      throw new UsageException(
          "--redirect-http " + port + " is the HTTPS port of --listen: choose another, e.g. --redirect-http "
              + (port == 8080 ? "8081" : "8080"));
    }
    return port;
  }

  /** A byte count of at least {@code minimum}; the library refuses less, and says so less clearly. */
  private int atLeast(Flag flag, int minimum, int usual) throws UsageException {
    String text = one(flag).trim();
    if (text.matches("[0-9]{1,9}") && Integer.parseInt(text) >= minimum) {
      return Integer.parseInt(text);
    }
    throw new UsageException(
        flag.name + " " + one(flag) + ": must be a whole number of bytes, at least " + minimum + " (the default"
            + " is " + usual + "), e.g. " + flag.name + " " + flag.example);
  }

  /**
   * An argument that is not an option. The commands ({@code hash-password}, {@code export-cert},
   * {@code trust}) are taken before this parser runs, so here one is either misspelt or not first.
   */
  private static UsageException unexpected(String arg, int index) {
    if (arg.equals(HashPassword.COMMAND)) {
      return new UsageException(
          "hash-password is a command: write it first, e.g. java -jar https-wrapper.jar hash-password --user"
              + " alice");
    }
    for (String command : CertificateCommand.COMMANDS) {
      if (arg.equals(command)) {
        return new UsageException(
            command + " is a command: write it first, e.g. java -jar https-wrapper.jar " + command
                + " --local-ca");
      }
    }
    for (String command : new String[] {HashPassword.COMMAND, "export-cert", "trust"}) {
      if (index == 0 && arg.length() > 3 && editDistance(arg, command) <= 2) {
        return new UsageException("unknown command " + arg + " (did you mean " + command + "?)");
      }
    }
    return new UsageException(
        "unexpected argument '" + arg + "': every option starts with --, e.g. --target 127.0.0.1:4334");
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
    return Path.of(home(one(flag)));
  }

  private static String home(String text) {
    if (text.equals("~") || text.startsWith("~/")) {
      // The shell expands ~ only at the start of a word, so --state-dir=~/x arrives unexpanded.
      return System.getProperty("user.home") + text.substring(1);
    }
    return text;
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

  static int editDistance(String a, String b) {
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
