package io.github.httpswrapper.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ForwardedHeaders#isHost} and {@link ForwardedHeaders#isPort} are hand-written scanners (regular
 * expressions cost a tenth of the relay's time per request); these tests hold them to the grammar they
 * replaced, written as those regular expressions.
 */
class ForwardedHostSyntaxTest {
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9._~%-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");
  private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");

  @Test
  void hostAgreesWithTheGrammarOnRandomStrings() {
    for (String text : randomStrings("aZ9._~%-:[]fF\"\\ ,;=1", 12)) {
      assertEquals(HOST.matcher(text).matches(), ForwardedHeaders.isHost(text), () -> "'" + text + "'");
    }
  }

  @Test
  void portAgreesWithTheGrammarOnRandomStrings() {
    for (String text : randomStrings("0123456789 -+a", 7)) {
      boolean expected = PORT.matcher(text).matches() && Integer.parseInt(text) <= 65535;
      assertEquals(expected, ForwardedHeaders.isPort(text), () -> "'" + text + "'");
    }
  }

  private static String[] randomStrings(String alphabet, int maxLength) {
    SplittableRandom random = new SplittableRandom(7239);
    String[] out = new String[200_000];
    for (int i = 0; i < out.length; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(maxLength + 1);
      for (int j = 0; j < length; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      out[i] = s.toString();
    }
    return out;
  }
}
