package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.Users;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.security.crypto.bcrypt.BCrypt;

@Timeout(30)
class HashPasswordTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsABcryptHashOfTheFirstLineOfStandardInput() {
    assertEquals(0, run(stdin("s3cret pass\nignored\n")));
    String hash = out().strip();
    assertTrue(BCrypt.checkpw("s3cret pass", hash), hash);
    assertTrue(hash.matches("\\$2y\\$10\\$[./A-Za-z0-9]{53}"), hash);
    assertTrue(PasswordHashes.isHash(hash), hash);
    assertEquals(1, out().lines().count(), out());
    assertEquals("", err());
  }

  @Test
  void withUserPrintsAnHtpasswdLineThatTheLibraryAccepts() {
    assertEquals(0, run(stdin("s3cret\r\n"), "--user", "alice"));
    String line = out().strip();
    assertTrue(line.matches("alice:\\$2y\\$10\\$[./A-Za-z0-9]{53}"), line);
    String hash = line.substring("alice:".length());
    Users.of(Map.of("alice", hash));
    // The carriage return of a Windows line ending is not part of the password.
    assertTrue(BCrypt.checkpw("s3cret", hash), hash);
    assertFalse(BCrypt.checkpw("s3cret\r", hash), hash);
    assertEquals("", err());
  }

  @Test
  void userMayBeWrittenWithEquals() {
    assertEquals(0, run(stdin("pw"), "--user=bob"));
    assertTrue(out().startsWith("bob:$2y$"), out());
  }

  @Test
  void twoRunsGiveDifferentHashesBecauseOfTheSalt() {
    run(stdin("same\n"));
    String first = out().strip();
    out.reset();
    run(stdin("same\n"));
    assertFalse(first.equals(out().strip()), first);
  }

  @Test
  void emptyPasswordOnStandardInputIsRefusedWithExitCode2() {
    assertEquals(2, run(stdin("\n")));
    assertEquals("https-wrapper: the password is empty: nothing to hash; give one\n", err());
    assertEquals("", out());
  }

  @Test
  void noInputAtAllIsAnEmptyPassword() {
    assertEquals(2, run(stdin("")));
    assertEquals("https-wrapper: the password is empty: nothing to hash; give one\n", err());
  }

  @Test
  void atATerminalThePasswordIsAskedTwice() {
    FakeTerminal terminal = new FakeTerminal("s3cret", "s3cret");
    assertEquals(0, HashPassword.run(new String[] {"--user", "alice"}, terminal, stdin(""), print(out),
        print(err)));
    assertEquals(List.of("Password: ", "Again: "), terminal.prompts);
    assertTrue(out().startsWith("alice:$2y$10$"), out());
  }

  @Test
  void twoDifferentPasswordsAtATerminalPrintNothingAndExitCode2() {
    FakeTerminal terminal = new FakeTerminal("s3cret", "s3cert");
    assertEquals(2, HashPassword.run(new String[0], terminal, stdin(""), print(out), print(err)));
    assertEquals("https-wrapper: the two passwords differ: nothing printed; run it again\n", err());
    assertEquals("", out());
  }

  @Test
  void emptyPasswordAtATerminalIsNotAskedAgain() {
    FakeTerminal terminal = new FakeTerminal("");
    assertEquals(2, HashPassword.run(new String[0], terminal, stdin(""), print(out), print(err)));
    assertEquals(List.of("Password: "), terminal.prompts);
    assertEquals("https-wrapper: the password is empty: nothing to hash; give one\n", err());
  }

  @Test
  void tooLongForBcryptIsRefusedWithTheLibrarysReason() {
    assertEquals(2, run(stdin("x".repeat(73) + "\n")));
    assertTrue(err().startsWith("https-wrapper: "), err());
    assertTrue(err().contains("72"), err());
    assertEquals("", out());
  }

  @Test
  void helpDescribesTheCommand() {
    assertEquals(0, run(stdin(""), "--help"));
    assertTrue(out().startsWith("Usage: java -jar https-wrapper.jar hash-password [--user NAME]\n"), out());
    assertTrue(out().contains("--user NAME"), out());
    assertTrue(out().contains("Exit codes: 0 printed"), out());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, run(stdin("pw\n"), "--cost", "12"));
    assertEquals(
        "https-wrapper: hash-password takes only --user NAME (and --help), not --cost\nTry hash-password --help.\n",
        err());
    assertEquals("", out());
  }

  @Test
  void userNameWithAColonIsAUsageError() {
    assertEquals(2, run(stdin("pw\n"), "--user", "a:b"));
    assertEquals(
        "https-wrapper: --user a:b: a user name has no spaces and no ':', and does not start with #, e.g. --user"
            + " alice\nTry hash-password --help.\n",
        err());
  }

  @Test
  void userWithoutANameIsAUsageError() {
    assertEquals(2, run(stdin("pw\n"), "--user"));
    assertEquals(
        "https-wrapper: --user needs a name, e.g. hash-password --user alice\nTry hash-password --help.\n", err());
  }

  @Test
  void mainHandsTheCommandOver() {
    Main.Outcome outcome =
        Main.run(new String[] {"hash-password", "--help"}, print(out), print(err), name -> null);
    assertEquals(0, outcome.exitCode());
    assertTrue(out().startsWith("Usage: java -jar https-wrapper.jar hash-password"), out());
  }

  private int run(InputStream in, String... args) {
    return HashPassword.run(args, null, in, print(out), print(err));
  }

  private static InputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Answers the prompts with the given passwords, in order, and remembers the prompts. */
  private static final class FakeTerminal implements HashPassword.Terminal {
    final List<String> prompts = new ArrayList<>();
    private final Deque<String> answers;

    FakeTerminal(String... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public char[] readPassword(String prompt) {
      prompts.add(prompt);
      String answer = answers.poll();
      return answer == null ? null : answer.toCharArray();
    }
  }
}
