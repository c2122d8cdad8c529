package io.github.httpswrapper.cli;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The command {@code java -jar https-wrapper.jar}: parses the options, starts the wrapper (and the demo site
 * when no {@code --target} is given), prints a banner, and serves until Ctrl-C or SIGTERM.
 *
 * <p>With {@code hash-password} first it is another command, {@link HashPassword}, which prints a password
 * hash for {@code --user} or an htpasswd file and exits; with {@code export-cert} or {@code trust} first, a
 * {@link CertificateCommand}, which prints the certificate clients should trust, or how to trust it.
 *
 * <p>Exit codes: 0 when stopped normally (or after {@code --help}, {@code --version}, or a command that
 * printed what it was asked for), 1 for a runtime error (bad certificate material, port in use, malformed
 * address block, unreadable htpasswd file or CA bundle), 2 for bad usage (a config file's errors too). Errors
 * are one line on
 * standard error, prefixed {@code https-wrapper:} (usage errors add a second line, {@code Try --help.});
 * {@code --debug} adds the stack trace.
 */
public final class Main {
  static final int OK = 0;
  static final int RUNTIME_ERROR = 1;
  static final int USAGE_ERROR = 2;

  private Main() {}

  /** Runs the command; returns when the wrapper has been stopped. Exits with status 1 or 2 on errors. */
  public static void main(String[] args) throws InterruptedException {
    // Stop handling is in place before anything is served, so a SIGTERM sent as soon as the banner appears
    // still stops the wrapper cleanly and exits with status 0.
    AtomicReference<Session> started = new AtomicReference<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Session session = started.get();
                  if (session != null) {
                    session.close();
                  }
                },
                "https-wrapper-stop"));
    Signals.exitWithStatusZeroOnStop();
    X25519Provider.install();
    Outcome outcome = run(args, System.out, System.err, System::getenv, started::set);
    if (outcome.session() == null) {
      if (outcome.exitCode() != OK) {
        System.exit(outcome.exitCode());
      }
      return;
    }
    outcome.session().awaitClosed();
  }

  /**
   * What {@link #run} did: either it finished (help, version, an error) with an exit code, or it started a
   * session that is now serving, and that the caller stops with {@link Session#close()}.
   */
  record Outcome(int exitCode, Session session) {}

  /**
   * Parses {@code args} and starts serving, without installing signal handlers or exiting the JVM: the part of
   * {@link #main} that tests run in-process.
   *
   * @param environment looks up environment variables for {@code env:} passwords
   */
  static Outcome run(
      String[] args, PrintStream out, PrintStream err, Function<String, String> environment) {
    return run(args, out, err, environment, session -> {});
  }

  /**
   * As {@link #run(String[], PrintStream, PrintStream, Function)}, handing the session to {@code onStarted}
   * as soon as the wrapper serves, before the banner is printed.
   */
  static Outcome run(
      String[] args,
      PrintStream out,
      PrintStream err,
      Function<String, String> environment,
      Consumer<Session> onStarted) {
    if (args.length > 0 && args[0].equals(HashPassword.COMMAND)) {
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      HashPassword.Terminal terminal = HashPassword.systemTerminal(System.in, err);
      return new Outcome(HashPassword.run(rest, terminal, System.in, out, err), null);
    }
    if (args.length > 0 && CertificateCommand.COMMANDS.contains(args[0])) {
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      return new Outcome(CertificateCommand.run(args[0], rest, out, err, environment), null);
    }
    Options options;
    try {
      options = ArgumentParser.parse(args);
    } catch (UsageException e) {
      err.println("https-wrapper: " + e.getMessage());
      err.println("Try --help.");
      return new Outcome(USAGE_ERROR, null);
    }
    if (options.help()) {
      out.print(HelpText.TEXT);
      return new Outcome(OK, null);
    }
    if (options.version()) {
      out.println("https-wrapper " + Version.current());
      return new Outcome(OK, null);
    }
    if (options.debug()) {
      // Read by slf4j-simple when its first logger is made, which has not happened yet in a fresh JVM.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
      System.setProperty("org.slf4j.simpleLogger.showThreadName", "true");
    }
    DemoSite demo = null;
    HttpsWrapper wrapper = null;
    try {
      CertificateSource source = WrapperSetup.certificateSource(options, environment);
      demo = options.target() == null ? DemoSite.start() : null;
      HostPort target = demo != null ? demo.address() : options.target();
      wrapper = WrapperSetup.builder(options, target, source).build();
      wrapper.start();
      Path certificateFile = certificateFileFor(wrapper.identity(), options.stateDir());
      Banner banner = banner(options, wrapper, target, demo != null, source, certificateFile);
      Session session = new Session(wrapper, banner.uri(), demo, out);
      onStarted.accept(session);
      out.print(banner.render(Instant.now()));
      out.flush();
      return new Outcome(OK, session);
    } catch (RuntimeException e) {
      if (wrapper != null) {
        wrapper.close();
      }
      if (demo != null) {
        demo.close();
      }
      err.println("https-wrapper: " + StartupErrors.describe(e, options.listen()));
      if (options.debug()) {
        e.printStackTrace(err);
      }
      return new Outcome(RUNTIME_ERROR, null);
    }
  }

  /**
   * A file with the served certificate chain and no key, for {@code curl --cacert} and browsers: the
   * source's own when it has one (for a local CA, its root), else {@code served-certificate.pem} in the state
   * directory, written now.
   */
  static Path certificateFileFor(Identity identity, Path stateDir) {
    if (identity.certificateFile().isPresent()) {
      return identity.certificateFile().get().toAbsolutePath();
    }
    Path file = stateDir.resolve("served-certificate.pem").toAbsolutePath();
    identity.writeCertificatePem(file);
    return file;
  }

  private static String label(CertificateSource source) {
    if (source instanceof CertificateSource.SelfSigned) {
      return "self-signed";
    }
    return source instanceof CertificateSource.LocalCa ? "local CA" : source.description();
  }

  private static int htpasswdUsers(Options options) {
    return options.access().htpasswd() == null ? 0 : AccessSetup.htpasswdUsers(options.access().htpasswd());
  }

  private static Banner banner(
      Options options,
      HttpsWrapper wrapper,
      HostPort target,
      boolean demo,
      CertificateSource source,
      Path certificateFile) {
    InetSocketAddress bound = wrapper.listenAddress();
    InetAddress ip = bound.getAddress();
    boolean wildcard = ip.isAnyLocalAddress();
    List<InetAddress> others =
        wildcard ? LocalAddresses.reachable(options.listen().isIpv6()) : List.of();
    return new Banner(
        Version.current(),
        wrapper.uri(),
        new HostPort(options.listen().host(), bound.getPort()),
        wildcard,
        ip.isLoopbackAddress(),
        target,
        demo,
        wrapper.identity(),
        label(source),
        certificateFile,
        CertificateLines.of(options, source, wrapper),
        options.allow(),
        options.deny(),
        others,
        AccessLines.of(options, ip.isLoopbackAddress(), htpasswdUsers(options), wrapper.redirectPort()),
        wrapper.metricsPort());
  }
}
