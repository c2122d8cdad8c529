package io.github.httpswrapper.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class UserStoreTest {
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  @TempDir Path dir;
  private Path file;
  private final Fixtures.FakeNanos clock = new Fixtures.FakeNanos();
  private final List<String> errors = new ArrayList<>();

  @BeforeEach
  void writeFile() throws IOException {
    file = dir.resolve("users.htpasswd");
    Files.write(file, Fixtures.HTPASSWD);
  }

  private UserStore store(boolean plaintextAllowed) {
    UserStore.Settings settings =
        new UserStore.Settings(Duration.ofMinutes(5), 10_000, INTERVAL, clock, errors::add);
    return UserStore.create(UserSource.htpasswd(file), plaintextAllowed, settings);
  }

  private UserStore store() {
    return store(false);
  }

  /** Writes the file anew with a later modification time, as an editor would some time after the last write. */
  private void rewrite(String... lines) throws IOException {
    var before = Files.getLastModifiedTime(file).toMillis();
    Files.write(file, List.of(lines));
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(before + 2_000));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "alice|" + Fixtures.ALICE_PASSWORD,
      "bob|" + Fixtures.BOB_PASSWORD,
      "carol|" + Fixtures.CAROL_PASSWORD,
      "dave|" + Fixtures.DAVE_PASSWORD,
      Fixtures.EMILE + "|" + Fixtures.EMILE_PASSWORD,
  })
  void rightPasswordFromHtpasswdFileIsAccepted(String user, String password) {
    assertTrue(store().verify(user, password.toCharArray()));
  }

  @Test
  void wrongPasswordIsRefused() {
    assertFalse(store().verify("alice", "correct horse!".toCharArray()));
  }

  @Test
  void userNamesAreCaseSensitive() {
    assertFalse(store().verify("Alice", Fixtures.ALICE_PASSWORD.toCharArray()));
  }

  @Test
  void unknownUserIsRefusedAfterOneHashCheckLikeAWrongPassword() {
    UserStore store = store();
    assertFalse(store.verify("mallory", Fixtures.ALICE_PASSWORD.toCharArray()));
    assertEquals(1, store.hashChecks());
    assertFalse(store.verify("alice", "wrong".toCharArray()));
    assertEquals(2, store.hashChecks());
  }

  @Test
  void decoyHasTheMostCommonFormatAndCost() {
    UserTable table = HtpasswdParser.parse("users.htpasswd", Fixtures.HTPASSWD);
    assertEquals("bcrypt cost 5", table.decoy().costClass());
  }

  @Test
  void repeatedSuccessIsAnsweredFromTheCacheWithoutHashing() {
    UserStore store = store();
    for (int i = 0; i < 5; i++) {
      assertTrue(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
    }
    assertEquals(1, store.hashChecks());
  }

  @Test
  void wrongPasswordIsNeverCached() {
    UserStore store = store();
    assertTrue(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
    assertFalse(store.verify("alice", "wrong".toCharArray()));
    assertFalse(store.verify("alice", "wrong".toCharArray()));
    assertEquals(3, store.hashChecks());
  }

  @Test
  void cachedSuccessIsCheckedAgainAfterFiveMinutes() {
    UserStore store = store();
    assertTrue(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
    clock.advance(Duration.ofMinutes(5).minusNanos(1));
    assertTrue(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
    assertEquals(1, store.hashChecks());
    clock.advance(Duration.ofNanos(1));
    assertTrue(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
    assertEquals(2, store.hashChecks());
  }

  @Test
  void newUserInRewrittenFileWorksAfterTheCheckInterval() throws IOException {
    UserStore store = store();
    rewrite("alice:" + Fixtures.ALICE_BCRYPT, "carol:" + Fixtures.CAROL_APR1, "zoe:" + Fixtures.DAVE_SHA);
    clock.advance(INTERVAL);
    assertTrue(store.verify("zoe", Fixtures.DAVE_PASSWORD.toCharArray()));
    assertTrue(errors.isEmpty(), errors.toString());
  }

  @Test
  void fileIsNotLookedAtAgainWithinTheCheckInterval() throws IOException {
    UserStore store = store();
    rewrite("zoe:" + Fixtures.DAVE_SHA);
    clock.advance(INTERVAL.minusNanos(1));
    assertFalse(store.verify("zoe", Fixtures.DAVE_PASSWORD.toCharArray()));
    assertTrue(store.verify("dave", Fixtures.DAVE_PASSWORD.toCharArray()));
  }

  @Test
  void brokenRewriteKeepsThePreviousUsersAndIsReportedOnce() throws IOException {
    UserStore store = store();
    rewrite("alice:" + Fixtures.ALICE_BCRYPT, "eve:" + Fixtures.EVE_DES);
    for (int i = 0; i < 3; i++) {
      clock.advance(INTERVAL);
      assertTrue(store.verify("dave", Fixtures.DAVE_PASSWORD.toCharArray()));
    }
    assertEquals(
        List.of("htpasswd file " + file + " changed but cannot be used, so its previous 5 users stay in service: "
            + file + " line 2: user eve has a hash format this wrapper does not accept (crypt DES); create it "
            + "again with htpasswd -B " + file + " eve"),
        errors);
  }

  @Test
  void fixedRewriteAfterABrokenOneIsUsed() throws IOException {
    UserStore store = store();
    rewrite("eve:" + Fixtures.EVE_DES);
    clock.advance(INTERVAL);
    store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray());
    rewrite("zoe:" + Fixtures.DAVE_SHA);
    clock.advance(INTERVAL);
    assertTrue(store.verify("zoe", Fixtures.DAVE_PASSWORD.toCharArray()));
    assertFalse(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
  }

  @Test
  void changedHashInvalidatesTheCachedSuccess() throws IOException {
    UserStore store = store();
    assertTrue(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
    rewrite("alice:" + Fixtures.BOB_BCRYPT);
    clock.advance(INTERVAL);
    assertFalse(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
    assertEquals(2, store.hashChecks());
    assertTrue(store.verify("alice", Fixtures.BOB_PASSWORD.toCharArray()));
  }

  @Test
  void removedUserIsRefusedAfterReloadThoughCached() throws IOException {
    UserStore store = store();
    assertTrue(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
    rewrite("bob:" + Fixtures.BOB_BCRYPT);
    clock.advance(INTERVAL);
    assertFalse(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
    assertFalse(store.cache().holds("alice"));
  }

  @Test
  void unchangedUsersKeepTheirCachedSuccessAcrossAReload() throws IOException {
    UserStore store = store();
    assertTrue(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
    rewrite("alice:" + Fixtures.ALICE_BCRYPT, "zoe:" + Fixtures.DAVE_SHA);
    clock.advance(INTERVAL);
    assertTrue(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
    assertEquals(1, store.hashChecks());
  }

  @Test
  void rewriteWithoutUsersRefusesEveryone() throws IOException {
    UserStore store = store();
    rewrite("# everyone locked out");
    clock.advance(INTERVAL);
    assertFalse(store.verify("alice", Fixtures.ALICE_PASSWORD.toCharArray()));
    assertTrue(errors.isEmpty(), errors.toString());
  }

  @Test
  void plaintextInRewriteIsRefusedUnlessAllowed() throws IOException {
    UserStore strict = store(false);
    UserStore lenient = store(true);
    rewrite("alice:" + Fixtures.ALICE_BCRYPT, "frank:secret");
    clock.advance(INTERVAL);
    assertFalse(strict.verify("frank", "secret".toCharArray()));
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).endsWith("user frank has a plaintext password; create it again with htpasswd -B "
        + file + " frank, or call allowPlaintext() to accept plaintext passwords"), errors.get(0));
    assertTrue(lenient.verify("frank", "secret".toCharArray()));
  }

  @Test
  void deletedFileKeepsThePreviousUsersAndIsReportedOnce() throws IOException {
    UserStore store = store();
    Files.delete(file);
    clock.advance(INTERVAL);
    assertTrue(store.verify("dave", Fixtures.DAVE_PASSWORD.toCharArray()));
    clock.advance(INTERVAL);
    assertTrue(store.verify("dave", Fixtures.DAVE_PASSWORD.toCharArray()));
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains(file + " does not exist"), errors.get(0));
  }

  @Test
  void passwordWithALoneSurrogateIsRefusedAfterAHashCheck() {
    UserStore store = store();
    assertFalse(store.verify("alice", new char[] {'a', '\uD800'}));
    assertEquals(1, store.hashChecks());
  }

  @Test
  void callersPasswordArrayIsLeftAsItWas() {
    char[] password = Fixtures.ALICE_PASSWORD.toCharArray();
    store().verify("alice", password);
    assertEquals(Fixtures.ALICE_PASSWORD, new String(password));
  }
}
