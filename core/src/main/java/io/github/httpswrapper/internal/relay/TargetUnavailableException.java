package io.github.httpswrapper.internal.relay;

import java.io.IOException;

/** The target could not be reached; {@link #status()} is what the client should be told. */
public final class TargetUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int status;

  TargetUnavailableException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** 504 when connecting timed out, 502 otherwise. */
  public int status() {
    return status;
  }
}
