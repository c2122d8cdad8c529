package io.github.httpswrapper.internal.http;

/**
 * How much of a message head the wrapper is willing to hold in memory before refusing it. The limits bound the
 * memory an unauthenticated client can make the wrapper spend per connection; they apply to the target's
 * responses too.
 *
 * @param maxRequestLineBytes the longest request line (or status line), CRLF not counted; longer request
 *     lines are refused with {@code 414 URI Too Long}
 * @param maxHeaderBytes the largest header section, every field line with its CRLF counted; larger sections
 *     are refused with {@code 431 Request Header Fields Too Large}. Trailer sections share this limit.
 * @param maxHeaderCount the most header fields; more are refused with {@code 431}
 */
public record HttpLimits(int maxRequestLineBytes, int maxHeaderBytes, int maxHeaderCount) {
  private static final HttpLimits DEFAULTS = new HttpLimits(8192, 32768, 100);

  /** @throws IllegalArgumentException if a limit is not positive */
  public HttpLimits {
    requirePositive("maxRequestLineBytes", maxRequestLineBytes);
    requirePositive("maxHeaderBytes", maxHeaderBytes);
    requirePositive("maxHeaderCount", maxHeaderCount);
  }

  /** 8 KiB request line, 32 KiB header section, 100 header fields: what common servers accept. */
  public static HttpLimits defaults() {
    return DEFAULTS;
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be at least 1, not " + value);
    }
  }
}
