package io.github.httpswrapper.internal.access;

import io.github.httpswrapper.internal.client.ClientTrust;
import java.net.InetAddress;
import java.security.cert.X509Certificate;

/**
 * What the policy may look at in one request.
 *
 * @param client the client address (the TCP peer, or what a trusted proxy said)
 * @param method the request method, upper case as sent
 * @param path the checked path (no dot segments, unreserved characters decoded)
 * @param authorization the {@code Authorization} header value, or {@code null}
 * @param clientCertificates the TLS client certificate chain, leaf first (already verified against the union
 *     of the configured issuers by the handshake), or an empty array
 * @param clientTrust the CAs the handshake checked {@code clientCertificates} against, so that a rule judges the
 *     connection by the CA bundles that let it in even after they changed; {@code null} for the current ones
 */
public record RequestFacts(
    InetAddress client,
    String method,
    String path,
    String authorization,
    X509Certificate[] clientCertificates,
    ClientTrust.Snapshot clientTrust) {

  /** Whether the client presented a certificate. */
  public boolean hasClientCertificate() {
    return clientCertificates.length > 0;
  }
}
