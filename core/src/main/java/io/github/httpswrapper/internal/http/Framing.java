package io.github.httpswrapper.internal.http;

/** Guards the fields that frame a body when a relay rewrites a head. */
final class Framing {
  private Framing() {}

  /** @throws IllegalArgumentException if Content-Length or Transfer-Encoding differ between the two */
  static void requireSameFraming(HttpHeaders parsed, HttpHeaders replacement) {
    for (String name : new String[] {"Content-Length", "Transfer-Encoding"}) {
      if (!parsed.sameValues(replacement, name)) {
        throw new IllegalArgumentException(
            "the new headers change " + name + ": keep the framing fields of the parsed head");
      }
    }
  }
}
