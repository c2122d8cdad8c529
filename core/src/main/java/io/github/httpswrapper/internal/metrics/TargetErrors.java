package io.github.httpswrapper.internal.metrics;

import io.github.httpswrapper.internal.http.HttpException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Sorts a failure of the target into one of the fixed {@code Metrics.TARGET_} kinds. */
public final class TargetErrors {
  private TargetErrors() {}

  /** A failure to connect; its cause is the dialer's exception, or {@code null} when the host did not resolve. */
  public static String connecting(Throwable cause) {
    if (cause == null || cause instanceof UnknownHostException) {
      return Metrics.TARGET_UNRESOLVABLE;
    }
    if (cause instanceof SocketTimeoutException) {
      return Metrics.TARGET_TIMEOUT;
    }
    if (cause instanceof ConnectException) {
      return Metrics.TARGET_REFUSED;
    }
    return Metrics.TARGET_UNREACHABLE;
  }

  /** A failure after connecting, before a response was complete. */
  public static String responding(Throwable failure) {
    if (failure instanceof EOFException) {
      return Metrics.TARGET_CLOSED_EARLY;
    }
    if (failure instanceof HttpException) {
      return Metrics.TARGET_MALFORMED;
    }
    if (failure instanceof SocketTimeoutException) {
      return Metrics.TARGET_TIMEOUT;
    }
    return Metrics.TARGET_OTHER;
  }
}
