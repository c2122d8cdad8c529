package io.github.httpswrapper.examples;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Serves a local plain-HTTP service over HTTPS with a certificate that browsers accept without a warning, once
 * you have trusted a root certificate of your own: {@link CertificateSource#localCa()} makes a small certificate
 * authority (CA) the first time, keeps it in a state directory, and issues the server certificate from it.
 *
 * <p>Why a CA instead of a self-signed certificate: you trust the root once (in the browser's or the system's
 * certificate store, or with {@code curl --cacert}), and every server certificate it issues later, renewed
 * every few weeks or for new names, is trusted too. The root's private key never leaves the state directory:
 * keep that directory private.
 *
 * <p>Run: {@code java -cp ... io.github.httpswrapper.examples.LocalCaForBrowsers 4334}, follow the printed
 * hint once, then open the printed URL. Ctrl-C stops it.
 */
public final class LocalCaForBrowsers {
  private LocalCaForBrowsers() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: LocalCaForBrowsers TARGET_PORT");
      System.exit(2);
    }
    Path stateDirectory = Path.of(System.getProperty("user.home"), ".https-wrapper");
    HttpsWrapper https = run(Integer.parseInt(args[0]), 8443, stateDirectory, System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(https::close));
    Thread.currentThread().join(); // serve until Ctrl-C
  }

  /**
   * Starts the wrapper in front of {@code 127.0.0.1:targetPort} on {@code 127.0.0.1:listenPort} (0 for any
   * free port), prints where the root certificate is and how to trust it, and returns the running wrapper.
   */
  static HttpsWrapper run(int targetPort, int listenPort, Path stateDirectory, PrintStream out) {
    // The server certificate names localhost, 127.0.0.1, ::1 and this machine's host name; add the names
    // other machines use with .names("blog.home.arpa", "192.168.1.20").
    CertificateSource.LocalCa localCa = CertificateSource.localCa().stateDirectory(stateDirectory);
    HttpsWrapper https = HttpsWrapper.forTarget("127.0.0.1", targetPort)
        .listen("127.0.0.1", listenPort)
        .certificate(localCa)
        .start(); // makes the root on the first run, reuses it afterwards
    out.println("serving      https://localhost:" + https.port() + "/");
    // The root certificate holds no private key: copy it to every device that should trust this server.
    out.println("root         " + localCa.rootCertificateFile());
    out.println(localCa.trustHint());
    return https;
  }
}
