package io.github.httpswrapper.cli;

import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The commands {@code export-cert} and {@code trust}: the certificate clients should trust, as PEM, or where
 * it is and how to trust it in curl, Java and browsers. Both take the server's own options (a
 * {@code --config} file too) and load the certificate as the server would, making the self-signed
 * certificate or the local CA in the state directory when there is none yet; so they may run before the first
 * start, and what they name is what the server will serve.
 *
 * <p>Exit codes: 0 printed, 1 the certificate cannot be loaded or made, or {@code --out} cannot be written,
 * 2 bad usage.
 */
final class CertificateCommand {
  static final String EXPORT_CERT = "export-cert";
  static final String TRUST = "trust";
  static final List<String> COMMANDS = List.of(EXPORT_CERT, TRUST);

  private CertificateCommand() {}

  /**
   * Runs {@code command} with {@code args} (the words after it).
   *
   * @return the exit code
   */
  static int run(
      String command, String[] args, PrintStream out, PrintStream err, Function<String, String> environment) {
    boolean export = command.equals(EXPORT_CERT);
    List<String> rest = new ArrayList<>();
    Path outFile = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.print(export ? HelpText.EXPORT_CERT : HelpText.TRUST);
        return Main.OK;
      }
      if (export && (arg.equals("--out") || arg.startsWith("--out="))) {
        String value = arg.startsWith("--out=") ? arg.substring("--out=".length())
            : i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "";
        if (outFile != null) {
          return usage(err, command, "--out was given twice: give it once");
        }
        if (value.isBlank()) {
          return usage(err, command, "--out needs a file, e.g. --out ca.pem");
        }
        outFile = Path.of(value);
      } else {
        rest.add(arg);
      }
    }
    Options options;
    try {
      options = ArgumentParser.parse(rest.toArray(new String[0]));
    } catch (UsageException e) {
      return usage(err, command, e.getMessage());
    }
    if (options.version()) {
      out.println("https-wrapper " + Version.current());
      return Main.OK;
    }
    if (options.acme() != null) {
      return usage(err, command, "--acme: clients trust the certificate of an ACME CA already (its root is in"
          + " their trust stores), so there is nothing to " + (export ? "export" : "trust"));
    }
    try {
      CertificateSource source = WrapperSetup.certificateSource(options, environment);
      TrustedCertificate trusted = TrustedCertificate.of(source, source.load(), options.stateDir(), !export);
      if (!export) {
        out.print(TrustSteps.render(trusted, options));
        out.flush();
        return Main.OK;
      }
      String pem = trusted.pem();
      if (outFile == null) {
        out.print(pem);
        out.flush();
      } else {
        try {
          Files.writeString(outFile, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
          err.println("https-wrapper: cannot write " + outFile + ": " + e.getMessage());
          return Main.RUNTIME_ERROR;
        }
      }
      err.println(EXPORT_CERT + ": " + trusted.what() + ", " + trusted.summary() + ", from " + trusted.from()
          + (outFile == null ? "" : "; written to " + outFile));
      return Main.OK;
    } catch (RuntimeException e) {
      err.println("https-wrapper: " + StartupErrors.describe(e, options.listen()));
      if (options.debug()) {
        e.printStackTrace(err);
      }
      return Main.RUNTIME_ERROR;
    }
  }

  private static int usage(PrintStream err, String command, String message) {
    err.println("https-wrapper: " + message);
    err.println("Try " + command + " --help.");
    return Main.USAGE_ERROR;
  }
}
