package io.github.httpswrapper.internal.auth;

import static io.github.httpswrapper.internal.auth.Fixtures.hash;
import static io.github.httpswrapper.internal.auth.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashFormatsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bcrypt from htpasswd -B|" + Fixtures.ALICE_BCRYPT + "|" + Fixtures.ALICE_PASSWORD,
      "bcrypt, password with colons|" + Fixtures.BOB_BCRYPT + "|" + Fixtures.BOB_PASSWORD,
      "bcrypt, non-ASCII password|" + Fixtures.EMILE_BCRYPT + "|" + Fixtures.EMILE_PASSWORD,
      "APR1 from htpasswd -m|" + Fixtures.CAROL_APR1 + "|" + Fixtures.CAROL_PASSWORD,
      "SHA from htpasswd -s|" + Fixtures.DAVE_SHA + "|" + Fixtures.DAVE_PASSWORD,
      "bcrypt $2b$|$2b$04$abcdefghijklmnopqrstuuyvPXIbu7xe6/CED2DzX8z6Si09MlzlW|pw",
      "bcrypt $2a$|$2a$04$abcdefghijklmnopqrstuuyvPXIbu7xe6/CED2DzX8z6Si09MlzlW|pw",
  })
  void acceptedHashMatchesItsPassword(String format, String stored, String password) {
    assertTrue(hash(stored).matches(utf8(password)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bcrypt|" + Fixtures.ALICE_BCRYPT + "|" + Fixtures.ALICE_PASSWORD,
      "APR1|" + Fixtures.CAROL_APR1 + "|" + Fixtures.CAROL_PASSWORD,
      "SHA|" + Fixtures.DAVE_SHA + "|" + Fixtures.DAVE_PASSWORD,
  })
  void acceptedHashRejectsAnotherPassword(String format, String stored, String password) {
    assertFalse(hash(stored).matches(utf8(password + "!")));
    assertFalse(hash(stored).matches(utf8("")));
  }

  @Test
  void bcryptUsesTheFirst72BytesLikeHtpasswd() {
    PasswordHash stored = hash(Fixtures.LONG_BCRYPT);
    assertTrue(stored.matches(utf8(Fixtures.LONG_PASSWORD)));
    assertTrue(stored.matches(utf8("x".repeat(72))));
    assertFalse(stored.matches(utf8("x".repeat(71))));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      Fixtures.EVE_DES + "|crypt DES",
      "$1$abc$OGyl6dDvZCDiGmIVbeuCq/|MD5-crypt $1$",
      "$5$abc$sCOGUciM.GdmYMCUvmUcgu03oRH87O0clF96.9mwWGB|SHA-256-crypt $5$",
      "$6$abc$K4v3HcZ8yAmpRfxML6S46NCcqy9r4/KdbQpFvqSWsBf4dgySOEOo1DHJTrmn2BsJK2aNmPN8Tfb826D2o9.z51"
          + "|SHA-512-crypt $6$",
      "$2x$05$mhS9WdPieU/BBP.JalfVXencVd.uFWuP9YA3hKZXDj925V7gkEKHW|bcrypt $2x$, made by a buggy implementation",
      "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA|$argon2id$",
      "{SSHA}c2FsdGVkaGFzaGhlcmVzYWx0|{SSHA}",
      "$2y$05$tooShort|malformed bcrypt",
      "$2y$03$mhS9WdPieU/BBP.JalfVXencVd.uFWuP9YA3hKZXDj925V7gkEKHW|bcrypt cost 3, outside 4 to 17",
      "$2y$18$mhS9WdPieU/BBP.JalfVXencVd.uFWuP9YA3hKZXDj925V7gkEKHW|bcrypt cost 18, outside 4 to 17",
      "$apr1$8CULgpg6$short|malformed APR1",
      "{SHA}bm90IGEgZGlnZXN0|malformed {SHA}",
      "{SHA}***|malformed {SHA}",
  })
  void refusedFormatIsNamed(String stored, String description) {
    RefusedHashException e = assertThrows(RefusedHashException.class, () -> HashFormats.parse(stored));
    assertEquals(description, e.getMessage());
  }

  @Test
  void textThatIsNoHashIsAPlaintextPassword() {
    PasswordHash stored = hash("secret");
    assertInstanceOf(PlaintextPassword.class, stored);
    assertTrue(stored.matches(utf8("secret")));
    assertFalse(stored.matches(utf8("secret ")));
  }

  @Test
  void decoyHasTheSameCostAndMatchesNothing() {
    for (String stored : new String[] {Fixtures.ALICE_BCRYPT, Fixtures.CAROL_APR1, Fixtures.DAVE_SHA, "pw"}) {
      PasswordHash real = hash(stored);
      PasswordHash decoy = real.decoy();
      assertEquals(real.costClass(), decoy.costClass());
      assertNotEquals(real, decoy);
      assertFalse(decoy.matches(utf8("")));
    }
  }

  @Test
  void costClassNamesFormatAndCost() {
    assertEquals("bcrypt cost 5", hash(Fixtures.ALICE_BCRYPT).costClass());
    assertEquals("APR1", hash(Fixtures.CAROL_APR1).costClass());
    assertEquals("{SHA}", hash(Fixtures.DAVE_SHA).costClass());
  }
}
