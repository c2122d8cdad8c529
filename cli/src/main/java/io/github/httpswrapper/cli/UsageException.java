package io.github.httpswrapper.cli;

/**
 * The command line itself is wrong: an unknown option, a missing or malformed value, options that exclude each
 * other. The message says what is wrong and how to write it instead; the program prints it, suggests
 * {@code --help} and exits with status 2.
 */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
