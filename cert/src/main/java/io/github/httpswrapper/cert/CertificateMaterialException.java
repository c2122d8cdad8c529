package io.github.httpswrapper.cert;

/**
 * Certificate or key material that cannot be used: a file that is missing, empty or unreadable, a key that does
 * not match its certificate, a wrong or missing password, an unknown PEM block, an expired certificate.
 *
 * <p>The message names the file (or the source) and says how to fix the problem, so it can be shown to a user as
 * it is. It is an {@link IllegalArgumentException}: the material handed in is wrong, and retrying will not help.
 */
public final class CertificateMaterialException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message names the source and says what to do. */
  public CertificateMaterialException(String message) {
    super(message);
  }

  /** Creates an exception whose message names the source and says what to do, caused by {@code cause}. */
  public CertificateMaterialException(String message, Throwable cause) {
    super(message, cause);
  }
}
