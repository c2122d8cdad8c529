package io.github.httpswrapper.internal.relay;

import java.net.SocketTimeoutException;

/** A read that passed one of the relay's deadlines; {@link #reason()} names which. */
final class RelayTimeout extends SocketTimeoutException {
  private static final long serialVersionUID = 1L;
  private final String reason;

  RelayTimeout(String reason) {
    super(reason);
    this.reason = reason;
  }

  /** One of the timeout names in {@link Reasons}. */
  String reason() {
    return reason;
  }
}
