package io.github.httpswrapper.examples;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.Users;
import io.github.httpswrapper.cert.CertificateSource;
import java.nio.file.Path;

/**
 * Puts HTTPS in front of a process that already serves plain HTTP on a port of this machine (a blog engine, a
 * desktop app's web UI, {@code python3 -m http.server}), reachable from the whole network: clients on this
 * machine get in as before, every other machine must log in with a user and password from an htpasswd file
 * (scenario 2, {@link AccessPolicy#localOpenRemotePassword(Users)}).
 *
 * <p>Make the htpasswd file with Apache's {@code htpasswd -B -c users.htpasswd alice}, or paste the line that
 * {@link Users#htpasswdLine(String, char[])} returns. The file is read again when it changes.
 *
 * <p>Run: {@code java -cp ... io.github.httpswrapper.examples.WrapProcessWithPassword 4334 users.htpasswd 8443}
 * for the process on port 4334, then open {@code https://<this machine>:8443/}. Ctrl-C stops it.
 *
 * <p>Its test checks the loopback half (served without a password) and the rules; a loopback test cannot be a
 * remote client, so the {@code 401} for other machines is checked by the project's end-to-end tests, which
 * connect from a second network address.
 */
public final class WrapProcessWithPassword {
  private WrapProcessWithPassword() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 2) {
      System.err.println("usage: WrapProcessWithPassword TARGET_PORT HTPASSWD_FILE [LISTEN_PORT]");
      System.exit(2);
    }
    int listenPort = args.length > 2 ? Integer.parseInt(args[2]) : 8443;
    // The self-signed certificate is made once and kept in ~/.https-wrapper, so a browser's exception for it
    // stays valid across restarts.
    HttpsWrapper https =
        run(Integer.parseInt(args[0]), Path.of(args[1]), listenPort, CertificateSource.selfSigned());
    Runtime.getRuntime().addShutdownHook(new Thread(https::close));
    System.out.println("serving " + https.uri() + " -> http://127.0.0.1:" + args[0]);
    System.out.println("certificate SHA-256 " + https.identity().sha256Fingerprint());
    System.out.println("rules " + policy(Users.htpasswd(Path.of(args[1]))).describeRules());
    Thread.currentThread().join(); // serve until Ctrl-C
  }

  /** The access policy: loopback clients allowed, every other client asked for a password. */
  static AccessPolicy policy(Users users) {
    return AccessPolicy.localOpenRemotePassword(users);
  }

  /**
   * Starts the wrapper in front of {@code 127.0.0.1:targetPort} and returns it, running; the caller closes it.
   *
   * @param listenPort the port on all addresses, 0 for any free one
   */
  static HttpsWrapper run(int targetPort, Path htpasswd, int listenPort, CertificateSource certificate) {
    // Users.htpasswd fails now, naming the file and line, when the file cannot be used.
    Users users = Users.htpasswd(htpasswd);
    return HttpsWrapper.forTarget("127.0.0.1", targetPort)
        // 0.0.0.0: every IPv4 address of this machine. The default is 127.0.0.1, this machine only.
        .listen("0.0.0.0", listenPort)
        .certificate(certificate)
        .accessPolicy(policy(users))
        .start();
  }
}
