package io.github.httpswrapper.internal.metrics;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.Locale;

/**
 * Sorts a failed TLS handshake into one of the fixed {@code Metrics.HANDSHAKE_} reasons. JSSE tells causes
 * apart only by exception messages and alert names, which are stable across JDK 17 to 25 for the cases here;
 * whatever is not recognised is {@link Metrics#HANDSHAKE_OTHER}, never a new label.
 */
public final class HandshakeFailures {
  private HandshakeFailures() {}

  /**
   * @param failure what the handshake threw
   * @param timedOut whether the wrapper's handshake deadline had passed (it closes the socket, so the failure
   *     itself may look like anything)
   */
  public static String reason(Throwable failure, boolean timedOut) {
    if (timedOut || causedBy(failure, SocketTimeoutException.class)) {
      return Metrics.HANDSHAKE_TIMEOUT;
    }
    String message = messages(failure);
    if (message.contains("received fatal alert: certificate_unknown")
        || message.contains("received fatal alert: bad_certificate")
        || message.contains("received fatal alert: unknown_ca")
        || message.contains("received fatal alert: certificate_expired")) {
      return Metrics.HANDSHAKE_CERTIFICATE_REJECTED;
    }
    if (causedBy(failure, CertificateException.class) || message.contains("empty client certificate chain")) {
      return Metrics.HANDSHAKE_UNKNOWN_CLIENT_CA;
    }
    if (message.contains("protocol")
        || message.contains("cipher suites")
        || message.contains("received fatal alert: handshake_failure")
        || message.contains("received fatal alert: insufficient_security")) {
      return Metrics.HANDSHAKE_PROTOCOL;
    }
    if (causedBy(failure, EOFException.class)
        || message.contains("terminated the handshake")
        || causedBy(failure, SocketException.class)) {
      return Metrics.HANDSHAKE_CLIENT_CLOSED;
    }
    return Metrics.HANDSHAKE_OTHER;
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString().toLowerCase(Locale.ROOT);
  }
}
