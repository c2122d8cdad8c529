package io.github.httpswrapper.internal.auth;

/** A stored hash this wrapper does not accept; the message names the format in a few words ("crypt DES"). */
final class RefusedHashException extends Exception {
  RefusedHashException(String format) {
    super(format, null, false, false);
  }
}
