package io.github.httpswrapper.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HtpasswdParserTest {
  private static UserTable parse(String... lines) {
    return HtpasswdParser.parse("users.htpasswd", List.of(lines));
  }

  private static String error(String... lines) {
    return assertThrows(IllegalArgumentException.class, () -> parse(lines)).getMessage();
  }

  @Test
  void commentsAndBlankLinesAreIgnored() {
    UserTable table = HtpasswdParser.parse("users.htpasswd", Fixtures.HTPASSWD);
    assertEquals(Set.of("alice", "bob", "carol", "dave", Fixtures.EMILE), table.names());
    assertNull(table.plaintextRefusal());
  }

  @Test
  void whiteSpaceAroundLinesAndAByteOrderMarkAreIgnored() {
    UserTable table = parse("\uFEFFalice:" + Fixtures.ALICE_BCRYPT + "  ", "  # indented comment", "\t");
    assertEquals(Set.of("alice"), table.names());
  }

  @Test
  void desHashIsRefusedWithLineUserAndFix() {
    assertEquals(
        "users.htpasswd line 3: user eve has a hash format this wrapper does not accept (crypt DES); "
            + "create it again with htpasswd -B users.htpasswd eve",
        error("# users", "alice:" + Fixtures.ALICE_BCRYPT, "eve:" + Fixtures.EVE_DES));
  }

  @Test
  void sha512CryptIsRefusedByName() {
    String message = error("alice:$6$abc$K4v3HcZ8yAmpRfxML6S46NCcqy9r4/KdbQpFvqSWsBf4dgySOEOo1DHJTrmn2BsJK2aNmPN8");
    assertEquals(
        "users.htpasswd line 1: user alice has a hash format this wrapper does not accept (SHA-512-crypt $6$); "
            + "create it again with htpasswd -B users.htpasswd alice",
        message);
  }

  @Test
  void duplicateUserNamesBothLines() {
    assertEquals(
        "users.htpasswd line 4: user alice is already defined on line 1; delete one of the two lines",
        error("alice:" + Fixtures.ALICE_BCRYPT, "bob:" + Fixtures.BOB_BCRYPT, "", "alice:" + Fixtures.DAVE_SHA));
  }

  @Test
  void lineWithoutColonIsRefused() {
    assertEquals(
        "users.htpasswd line 2 is not name:hash; add users with htpasswd -B users.htpasswd NAME",
        error("alice:" + Fixtures.ALICE_BCRYPT, "bob"));
  }

  @Test
  void emptyHashIsRefused() {
    assertEquals(
        "users.htpasswd line 1: user alice has no password hash; set one with htpasswd -B users.htpasswd alice",
        error("alice:"));
  }

  @Test
  void emptyUserNameIsRefused() {
    assertEquals("users.htpasswd line 1: a user name must not be empty", error(":" + Fixtures.ALICE_BCRYPT));
  }

  @Test
  void controlCharacterInUserNameIsRefused() {
    assertEquals(
        "users.htpasswd line 1: user name 'al\\u0007ice' contains a control character: choose a name without it",
        error("al\u0007ice:" + Fixtures.ALICE_BCRYPT));
  }

  @Test
  void secondColonIsRefused() {
    assertEquals(
        "users.htpasswd line 1: user alice has more than one ':' on the line; each line is name:hash, so create "
            + "it again with htpasswd -B users.htpasswd alice",
        error("alice:" + Fixtures.ALICE_BCRYPT + ":comment"));
  }

  @Test
  void plaintextIsRecordedNotRefusedHere() {
    UserTable table = parse("alice:" + Fixtures.ALICE_BCRYPT, "frank:secret", "gina:other");
    assertEquals(
        "users.htpasswd line 2: user frank has a plaintext password; create it again with htpasswd -B "
            + "users.htpasswd frank, or call allowPlaintext() to accept plaintext passwords",
        table.plaintextRefusal());
  }

  @Test
  void fileOfOnlyCommentsHasNoUsers() {
    assertEquals(0, parse("# nobody yet", "").size());
  }
}
