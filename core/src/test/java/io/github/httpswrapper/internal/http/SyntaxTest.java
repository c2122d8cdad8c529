package io.github.httpswrapper.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Syntax#isAuthority} is a hand-written scanner (a regular expression cost a twentieth of the relay's
 * time per request). These tests hold it to the grammar it replaced, written as that regular expression.
 */
class SyntaxTest {
  private static final String LABEL = "[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";
  private static final Pattern AUTHORITY =
      Pattern.compile("(?:(?:" + LABEL + "\\.)*" + LABEL + "\\.?|\\[[0-9A-Fa-f:.]{2,45}\\])(?::([0-9]{1,5}))?");

  /** The grammar as a regular expression, with the length limits beside it. */
  private static boolean reference(String s) {
    if (s.length() > 300) {
      return false;
    }
    var matcher = AUTHORITY.matcher(s);
    if (!matcher.matches()) {
      return false;
    }
    String port = matcher.group(1);
    int hostLength = port == null ? s.length() : s.length() - port.length() - 1;
    return hostLength <= 253 && (port == null || Integer.parseInt(port) <= 65535);
  }

  @Test
  void authorityAgreesWithTheGrammarOnRandomStrings() {
    String alphabet = "ab09_-.:[]fF:.-1x ";
    SplittableRandom random = new SplittableRandom(20261128);
    for (int i = 0; i < 300_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(14);
      for (int j = 0; j < length; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      assertEquals(reference(text), Syntax.isAuthority(text), () -> "'" + text + "'");
    }
  }

  @Test
  void authorityAgreesWithTheGrammarAtTheLengthLimits() {
    String label63 = "a".repeat(63);
    String[] cases = {
      label63, label63 + "a", label63 + "." + label63 + "." + label63 + "." + "a".repeat(61),
      label63 + "." + label63 + "." + label63 + "." + "a".repeat(62),
      label63 + "." + label63 + "." + label63 + "." + "a".repeat(61) + ".",
      label63 + "." + label63 + "." + label63 + "." + "a".repeat(61) + ":65535",
      "[" + "1".repeat(45) + "]", "[" + "1".repeat(46) + "]", "[1]", "[11]", "[::1]:8443", "[::1]:65536",
      "host:00000", "host:000000", "host:", "host:-1", "[::1]x", "-a", "a-", "a_", "_", "a..b", ".", "a.", "",
      "x".repeat(301),
    };
    for (String text : cases) {
      assertEquals(reference(text), Syntax.isAuthority(text), () -> "'" + text + "'");
    }
  }

  @Test
  void tokenCharactersAreExactlyThoseOfRfc9110() {
    String tchar = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (char c = 0; c < 0x200; c++) {
      assertEquals(tchar.indexOf(c) >= 0, Syntax.isTchar(c), "char " + (int) c);
    }
    assertTrue(Syntax.isToken("X-Forwarded-For"));
    assertFalse(Syntax.isToken("X Forwarded"));
  }
}
