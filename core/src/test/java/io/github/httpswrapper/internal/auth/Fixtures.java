package io.github.httpswrapper.internal.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Hashes made by Apache's htpasswd 2.4 ({@code -B -C 5}, {@code -m}, {@code -s}) and {@code openssl passwd
 * -apr1}, with the passwords they were made from.
 */
final class Fixtures {
  static final String ALICE_PASSWORD = "correct horse";
  static final String ALICE_BCRYPT = "$2y$05$mhS9WdPieU/BBP.JalfVXencVd.uFWuP9YA3hKZXDj925V7gkEKHW";
  static final String BOB_PASSWORD = "p:ss:word";
  static final String BOB_BCRYPT = "$2y$05$P6Vp15KMbx9HSZjkazIaA.HtXhvg/fXAyW1SoRd1ZnZG0YG3CMqn6";
  static final String CAROL_PASSWORD = "apr1 secret";
  static final String CAROL_APR1 = "$apr1$8CULgpg6$a9jlDAHhJxyQ2f7Tifaxp0";
  static final String DAVE_PASSWORD = "sha secret";
  static final String DAVE_SHA = "{SHA}lS0vrzehCXIgQ2tOXSb4AWtTIEY=";
  static final String EMILE = "émile";
  static final String EMILE_PASSWORD = "pâssw0rd€";
  static final String EMILE_BCRYPT = "$2y$05$4GNI5IxT5I13yhvYyoaDIuIyxZdmlm2vHHTvW9fa4/X7jPcwv3Q/S";
  /** 80 times 'x', of which bcrypt (and so htpasswd) uses the first 72. */
  static final String LONG_PASSWORD = "x".repeat(80);
  static final String LONG_BCRYPT = "$2y$04$Je2PHm6Juf8ax6LpxLFHe./DEAIGAcQ2/5IwQk.70n6r5QjXb5ypO";
  /** htpasswd -d: crypt(3) DES of "secret". */
  static final String EVE_DES = "Pt.C4U0eq4VMA";

  /** A whole file as htpasswd wrote it, with a comment and a blank line added by hand. */
  static final List<String> HTPASSWD = List.of(
      "# web users",
      "alice:" + ALICE_BCRYPT,
      "bob:" + BOB_BCRYPT,
      "",
      "carol:" + CAROL_APR1,
      "dave:" + DAVE_SHA,
      EMILE + ":" + EMILE_BCRYPT);

  private Fixtures() {}

  static byte[] utf8(String password) {
    return password.getBytes(StandardCharsets.UTF_8);
  }

  static PasswordHash hash(String text) {
    try {
      return HashFormats.parse(text);
    } catch (RefusedHashException e) {
      throw new AssertionError(text + " refused: " + e.getMessage(), e);
    }
  }

  /** A clock for tests: stands still until told to move. */
  static final class FakeNanos implements LongSupplier {
    private long now = 1_000_000_000_000L;

    @Override
    public synchronized long getAsLong() {
      return now;
    }

    synchronized void advance(Duration duration) {
      now += duration.toNanos();
    }
  }
}
