package io.github.httpswrapper.examples;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.ClientCertificates;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.Rule;
import io.github.httpswrapper.cert.CertificateSource;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Lets in only the members of a team, each with a TLS client certificate issued by the team's own certificate
 * authority (CA): no passwords to share, guess or phish.
 *
 * <p>The team CA is whatever your team already uses to issue client certificates; this program only needs its
 * certificate (a PEM file, no private key) and the common names (CN) of the members to let in. A member's
 * browser or curl presents the certificate during the TLS handshake ({@code curl --cert alice.pem --key
 * alice.key}, or import {@code alice.p12} into the browser). What the wrapper answers:
 *
 * <ul>
 *   <li>a certificate from the team CA with a listed name: served;
 *   <li>no certificate: {@code 401};
 *   <li>a certificate from the team CA with another name: {@code 403};
 *   <li>a certificate from another CA: the TLS handshake fails.
 * </ul>
 *
 * <p>Run: {@code java -cp ... io.github.httpswrapper.examples.ClientCertificatesForATeam 4334 team-ca.pem alice
 * bob}. Ctrl-C stops it.
 */
public final class ClientCertificatesForATeam {
  private ClientCertificatesForATeam() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 3) {
      System.err.println("usage: ClientCertificatesForATeam TARGET_PORT TEAM_CA_PEM MEMBER_CN...");
      System.exit(2);
    }
    String[] members = Arrays.copyOfRange(args, 2, args.length);
    HttpsWrapper https = run(Integer.parseInt(args[0]), Path.of(args[1]), CertificateSource.selfSigned(), members);
    Runtime.getRuntime().addShutdownHook(new Thread(https::close));
    System.out.println("serving " + https.uri() + " to " + String.join(", ", members));
    Thread.currentThread().join(); // serve until Ctrl-C
  }

  /** Starts the wrapper in front of {@code 127.0.0.1:targetPort} and returns it, running; the caller closes it. */
  static HttpsWrapper run(int targetPort, Path teamCa, CertificateSource certificate, String... members) {
    // Chains to the team CA (checked in the TLS handshake) and names one of the members (checked per request).
    // The CA file is read again when it changes, e.g. when the team CA is renewed.
    ClientCertificates team = ClientCertificates.issuedBy(teamCa).commonName(members);
    AccessPolicy policy = AccessPolicy.builder()
        .rule(Rule.anyClient().requireClientCertificate(team))
        .build();
    return HttpsWrapper.forTarget("127.0.0.1", targetPort)
        .certificate(certificate) // the server's own certificate; clients check it as usual
        .accessPolicy(policy)
        .start();
  }
}
