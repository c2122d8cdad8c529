package io.github.httpswrapper.internal.access;

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
 */
public record RequestFacts(
    InetAddress client, String method, String path, String authorization, X509Certificate[] clientCertificates) {

  /** Whether the client presented a certificate. */
  public boolean hasClientCertificate() {
    return clientCertificates.length > 0;
  }
}
