package io.github.httpswrapper.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Apr1Test {
  /** Expected values from {@code openssl passwd -apr1 -salt SALT PASSWORD}. */
  @ParameterizedTest(name = "[{0}] with salt {1}")
  @CsvSource(delimiter = '|', value = {
      "a|Qx9./Ab|$apr1$Qx9./Ab$BxxcRpPjlDGyKqD9OBqHI/",
      "''|Qx9./Ab|$apr1$Qx9./Ab$swOgiIfJyuBJnEVnlqzv10",
      "password|Qx9./Ab|$apr1$Qx9./Ab$bLN6SJON9yS6agepT/Lp7/",
      "correct horse battery staple|Qx9./Ab|$apr1$Qx9./Ab$ZBrBprXWvedZbtls7Zq.20",
      "pâssw0rd€|Qx9./Ab|$apr1$Qx9./Ab$B.kP6AVsOcKvb0mg.eBb10",
      "0123456789abcdefghij|Qx9./Ab|$apr1$Qx9./Ab$pjcCQLts7O/e5JZOnT8.i.",
      "a|abcdefgh|$apr1$abcdefgh$G8IsPsylW5ROvIKsQMRG61",
      "''|abcdefgh|$apr1$abcdefgh$L.PT565ESX4Tp2bqNs7Ie.",
      "correct horse battery staple|abcdefgh|$apr1$abcdefgh$5MT.bUwCwhCf2blpqTwiG/",
      "secret|xyz|$apr1$xyz$HXgo9gtz4gpj4JWTLYmjB0",
  })
  void cryptMatchesOpenssl(String password, String salt, String expected) {
    assertEquals(expected, Apr1.crypt(Fixtures.utf8(password), salt));
  }
}
