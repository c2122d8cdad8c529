package io.github.httpswrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.httpswrapper.internal.auth.UserStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class UsersTest {
  /** Made by {@code htpasswd -nbB -C 5 alice 'correct horse'}. */
  private static final String ALICE = "alice:$2y$05$mhS9WdPieU/BBP.JalfVXencVd.uFWuP9YA3hKZXDj925V7gkEKHW";
  /** Made by {@code htpasswd -nbs dave 'sha secret'}. */
  private static final String DAVE_SHA = "{SHA}lS0vrzehCXIgQ2tOXSb4AWtTIEY=";

  @TempDir Path dir;

  private Path file(String... lines) throws IOException {
    Path file = dir.resolve("users.htpasswd");
    Files.write(file, List.of(lines));
    return file;
  }

  private static boolean verify(Users users, String user, String password) {
    return UserStore.of(users).verify(user, password.toCharArray());
  }

  private static String error(Class<? extends RuntimeException> type, org.junit.jupiter.api.function.Executable code) {
    return assertThrows(type, code).getMessage();
  }

  @Test
  void htpasswdFileUsersLogIn() throws IOException {
    Users users = Users.htpasswd(file("# team", ALICE, "dave:" + DAVE_SHA));
    assertTrue(verify(users, "alice", "correct horse"));
    assertTrue(verify(users, "dave", "sha secret"));
    assertFalse(verify(users, "alice", "sha secret"));
  }

  @Test
  void missingFileSaysHowToCreateIt() {
    Path missing = dir.resolve("nope.htpasswd");
    assertEquals(
        "htpasswd file " + missing + " does not exist; create it with htpasswd -c -B " + missing + " NAME",
        error(IllegalArgumentException.class, () -> Users.htpasswd(missing)));
  }

  @Test
  void directoryIsRefused() {
    assertEquals(
        dir + " is a directory, not an htpasswd file",
        error(IllegalArgumentException.class, () -> Users.htpasswd(dir)));
  }

  @Test
  void fileWithoutUsersIsRefused() throws IOException {
    Path file = file("# nobody", "");
    assertEquals(
        "htpasswd file " + file + " has no users; add one with htpasswd -B " + file + " NAME",
        error(IllegalArgumentException.class, () -> Users.htpasswd(file)));
  }

  @Test
  void fileThatIsNotUtf8IsRefused() throws IOException {
    Path file = dir.resolve("latin1.htpasswd");
    Files.write(file, ("émile:" + DAVE_SHA).getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(error(IllegalArgumentException.class, () -> Users.htpasswd(file))
        .startsWith("htpasswd file " + file + " is not UTF-8 text"));
  }

  @Test
  void unacceptedHashNamesFileLineAndUser() throws IOException {
    Path file = file("# team", ALICE, "eve:Pt.C4U0eq4VMA");
    assertEquals(
        file + " line 3: user eve has a hash format this wrapper does not accept (crypt DES); create it again "
            + "with htpasswd -B " + file + " eve",
        error(IllegalArgumentException.class, () -> Users.htpasswd(file)));
  }

  @Test
  void plaintextFileLoadsButCannotServeWithoutOptIn() throws IOException {
    Path file = file(ALICE, "frank:secret");
    Users users = Users.htpasswd(file);
    assertEquals(
        file + " line 2: user frank has a plaintext password; create it again with htpasswd -B " + file
            + " frank, or call allowPlaintext() to accept plaintext passwords",
        error(IllegalArgumentException.class, () -> UserStore.of(users)));
  }

  @Test
  void allowPlaintextAcceptsPlaintextPasswords() throws IOException {
    Users users = Users.htpasswd(file(ALICE, "frank:secret")).allowPlaintext();
    assertTrue(verify(users, "frank", "secret"));
    assertFalse(verify(users, "frank", "secret2"));
  }

  @Test
  void allowPlaintextLeavesTheOriginalAsItWas() throws IOException {
    Users strict = Users.htpasswd(file(ALICE, "frank:secret"));
    strict.allowPlaintext();
    assertThrows(IllegalArgumentException.class, () -> UserStore.of(strict));
  }

  @Test
  void allowPlaintextIsForFilesOnly() {
    Users users = Users.of(Map.of("dave", DAVE_SHA));
    assertEquals(
        "allowPlaintext() is for htpasswd files; users given in code need hashes: use Users.hashPassword(...)",
        error(IllegalStateException.class, users::allowPlaintext));
  }

  @Test
  void hashPasswordMakesBcrypt2yCost10() {
    String hash = Users.hashPassword("tr0ub4dor".toCharArray());
    assertTrue(hash.startsWith("$2y$10$"), hash);
    assertEquals(60, hash.length());
    Users users = Users.of(Map.of("alice", hash));
    assertTrue(verify(users, "alice", "tr0ub4dor"));
    assertFalse(verify(users, "alice", "tr0ub4dor "));
  }

  @Test
  void hashPasswordSaltsEveryHash() {
    assertNotEquals(Users.hashPassword("same".toCharArray()), Users.hashPassword("same".toCharArray()));
  }

  @Test
  void hashPasswordRefusesWhatBcryptWouldCut() {
    assertEquals(
        "the password is 73 bytes long in UTF-8; bcrypt uses only the first 72: choose a shorter one",
        error(IllegalArgumentException.class, () -> Users.hashPassword("€".repeat(24).concat("x").toCharArray())));
  }

  @Test
  void hashPasswordRefusesAnEmptyPassword() {
    assertEquals(
        "the password is empty: choose one",
        error(IllegalArgumentException.class, () -> Users.hashPassword(new char[0])));
  }

  @Test
  void htpasswdLineLoadsAsAnHtpasswdFile() throws IOException {
    String line = Users.htpasswdLine("émile", "pâssw0rd€".toCharArray());
    assertTrue(line.startsWith("émile:$2y$10$"), line);
    assertTrue(verify(Users.htpasswd(file(line)), "émile", "pâssw0rd€"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a:b", "tab\there", "#admin", " alice", "alice ", "bell\u0007", "del\u007f"})
  void htpasswdLineRefusesNamesAFileCannotHold(String name) {
    assertThrows(IllegalArgumentException.class, () -> Users.htpasswdLine(name, "pw".toCharArray()));
  }

  @Test
  void nameWithColonIsExplained() {
    assertEquals(
        "user name 'a:b' contains ':', which separates name and password in HTTP Basic and htpasswd files: "
            + "choose a name without it",
        error(IllegalArgumentException.class, () -> Users.htpasswdLine("a:b", "pw".toCharArray())));
  }

  @Test
  void usersInCodeAcceptEveryHashFormat() {
    Users users = Users.of(Map.of(
        "alice", ALICE.substring("alice:".length()),
        "carol", "$apr1$8CULgpg6$a9jlDAHhJxyQ2f7Tifaxp0",
        "dave", DAVE_SHA));
    assertTrue(verify(users, "alice", "correct horse"));
    assertTrue(verify(users, "carol", "apr1 secret"));
    assertTrue(verify(users, "dave", "sha secret"));
  }

  @Test
  void usersInCodeRefuseAPlainPassword() {
    assertEquals(
        "user alice has a value that is not a recognised hash (bcrypt, APR1 or {SHA}); "
            + "use Users.hashPassword(...) to make one",
        error(IllegalArgumentException.class, () -> Users.of(Map.of("alice", "secret"))));
  }

  @Test
  void usersInCodeRefuseAWeakHashByName() {
    assertEquals(
        "user alice has a hash format this wrapper does not accept (MD5-crypt $1$); "
            + "use Users.hashPassword(...) to make one",
        error(IllegalArgumentException.class, () -> Users.of(Map.of("alice", "$1$abc$OGyl6dDvZCDiGmIVbeuCq/"))));
  }

  @Test
  void noUsersIsRefused() {
    assertEquals(
        "no users given: add at least one, or every login would fail",
        error(IllegalArgumentException.class, () -> Users.of(Map.of())));
    assertThrows(IllegalArgumentException.class, () -> Users.builder().build());
  }

  @Test
  void builderAddsUsers() {
    Users users = Users.builder().user("dave", DAVE_SHA).user("carol", "$apr1$8CULgpg6$a9jlDAHhJxyQ2f7Tifaxp0").build();
    assertTrue(verify(users, "dave", "sha secret"));
    assertTrue(verify(users, "carol", "apr1 secret"));
  }

  @Test
  void builderRefusesAUserAddedTwice() {
    Users.Builder builder = Users.builder().user("dave", DAVE_SHA);
    assertEquals(
        "user dave was added twice; add each user once",
        error(IllegalArgumentException.class, () -> builder.user("dave", DAVE_SHA)));
  }

  @Test
  void builderRefusesABadHashAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> Users.builder().user("alice", "Pt.C4U0eq4VMA"));
  }

  @Test
  void oneStorePerUsersValue() {
    Users users = Users.of(Map.of("dave", DAVE_SHA));
    assertSame(UserStore.of(users), UserStore.of(users));
  }

  @Test
  void toStringNamesTheSource() throws IOException {
    Path file = file(ALICE, "dave:" + DAVE_SHA);
    assertEquals("htpasswd file " + file + " (2 users when read)", Users.htpasswd(file).toString());
    assertEquals("1 user", Users.of(Map.of("dave", DAVE_SHA)).toString());
  }

  /** Files made on the spot by Apache's htpasswd, when it is installed. */
  @Test
  void filesWrittenByHtpasswdAreAccepted() throws Exception {
    Path file = dir.resolve("made.htpasswd");
    assumeTrue(run("htpasswd", "-cbB", "-C", "5", file.toString(), "alice", "correct horse"), "no htpasswd");
    assertTrue(run("htpasswd", "-bm", file.toString(), "carol", "apr1 secret"));
    assertTrue(run("htpasswd", "-bs", file.toString(), "dave", "sha secret"));
    Users users = Users.htpasswd(file);
    assertTrue(verify(users, "alice", "correct horse"));
    assertTrue(verify(users, "carol", "apr1 secret"));
    assertTrue(verify(users, "dave", "sha secret"));
  }

  private static boolean run(String... command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
