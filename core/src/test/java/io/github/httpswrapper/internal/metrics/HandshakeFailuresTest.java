package io.github.httpswrapper.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The messages JSSE uses on JDK 17 and 25, sorted into the fixed reasons. */
class HandshakeFailuresTest {
  private static SSLHandshakeException handshake(String message, Throwable cause) {
    SSLHandshakeException e = new SSLHandshakeException(message);
    e.initCause(cause);
    return e;
  }

  @Test
  void theDeadlineMakesItATimeoutWhateverWasThrown() {
    assertEquals("timeout", HandshakeFailures.reason(new SocketException("Socket closed"), true));
    assertEquals("timeout", HandshakeFailures.reason(new SocketTimeoutException("Read timed out"), false));
  }

  @Test
  void anAlertAboutTheCertificateMeansTheClientRejectedIt() {
    assertEquals("certificate-rejected",
        HandshakeFailures.reason(handshake("Received fatal alert: certificate_unknown", null), false));
    assertEquals("certificate-rejected",
        HandshakeFailures.reason(handshake("Received fatal alert: bad_certificate", null), false));
  }

  @Test
  void aCertificateExceptionMeansAnUnknownClientCa() {
    assertEquals("unknown-client-ca", HandshakeFailures.reason(
        handshake("(certificate_unknown) PKIX path building failed", new CertificateException("PKIX")), false));
    assertEquals("unknown-client-ca",
        HandshakeFailures.reason(handshake("Empty client certificate chain", null), false));
  }

  @Test
  void noCommonVersionOrSuiteIsAProtocolMismatch() {
    assertEquals("protocol-mismatch",
        HandshakeFailures.reason(handshake("no cipher suites in common", null), false));
    assertEquals("protocol-mismatch",
        HandshakeFailures.reason(handshake("(handshake_failure) no cipher suites in common", null), false));
    assertEquals("protocol-mismatch", HandshakeFailures.reason(handshake(
        "The client supported protocol versions [TLSv1.1] are not accepted by server preferences [TLS13, TLS12]",
        null), false));
    assertEquals("protocol-mismatch",
        HandshakeFailures.reason(handshake("Received fatal alert: protocol_version", null), false));
  }

  @Test
  void theClientGoingAwayIsClientClosed() {
    assertEquals("client-closed", HandshakeFailures.reason(
        handshake("Remote host terminated the handshake", new EOFException("SSL peer shut down incorrectly")),
        false));
    assertEquals("client-closed", HandshakeFailures.reason(new SocketException("Broken pipe"), false));
  }

  @Test
  void anythingElseIsOther() {
    assertEquals("other",
        HandshakeFailures.reason(new javax.net.ssl.SSLException("Unsupported or unrecognized SSL message"), false));
  }
}
