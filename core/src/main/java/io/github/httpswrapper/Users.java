package io.github.httpswrapper;

import io.github.httpswrapper.internal.auth.Passwords;
import io.github.httpswrapper.internal.auth.UserNames;
import io.github.httpswrapper.internal.auth.UserSource;
import io.github.httpswrapper.internal.auth.UserStore;
import io.github.httpswrapper.internal.auth.UsersAccess;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The users who may log in with a password (HTTP Basic), and their password hashes. Immutable. Hand them to an
 * access policy, e.g. {@code AccessPolicy.localOpenRemotePassword(users)}. User names are case-sensitive.
 *
 * <h2>htpasswd files</h2>
 *
 * <p>The usual place for users is an <em>htpasswd file</em>, the format of Apache's {@code htpasswd} tool: one
 * user per line as {@code name:hash}; lines starting with {@code #} and blank lines are ignored.
 *
 * <pre>{@code
 * $ htpasswd -c -B users.htpasswd alice     # -c creates the file, -B chooses bcrypt; asks for the password
 * $ htpasswd -B -C 10 users.htpasswd bob    # adds (or changes) bob; -C 10 for cost 10 instead of 5
 * $ cat users.htpasswd
 * alice:$2y$05$mhS9WdPieU/BBP.JalfVXencVd.uFWuP9YA3hKZXDj925V7gkEKHW
 * bob:$2y$10$...
 *
 * Users users = Users.htpasswd(Path.of("users.htpasswd"));
 * }</pre>
 *
 * <p>Without {@code htpasswd} at hand, {@link #htpasswdLine(String, char[])} makes a line to paste into the file.
 *
 * <h2>Hash formats</h2>
 *
 * <p>A hash lets the wrapper check a password without storing it. Accepted:
 *
 * <ul>
 *   <li><b>bcrypt</b> ({@code $2y$}, {@code $2b$}, {@code $2a$}; {@code htpasswd -B}): salted and deliberately
 *       slow, the cost (the number after the prefix) doubling the work per step. The one to use. Only the first
 *       72 bytes of a password count, as in Apache.
 *   <li><b>APR1</b> ({@code $apr1$}; {@code htpasswd -m}): Apache's salted MD5-based crypt, 1,000 rounds. Fast
 *       to guess with today's hardware; accepted for old files.
 *   <li><b>{@code {SHA}}</b> ({@code htpasswd -s}): base64 of one unsalted SHA-1. Weakest of the three;
 *       accepted for old files.
 * </ul>
 *
 * <p>Refused, with an error that names the file, line and user: {@code crypt(3)} DES (13 characters,
 * {@code htpasswd -d}; it uses only 8 characters of the password), {@code $1$}, {@code $5$}, {@code $6$} and
 * other formats, and bcrypt costs outside 4 to 17. Plaintext passwords ({@code htpasswd -p}) are refused unless
 * {@link #allowPlaintext()} is called; a 13-character plaintext password cannot be told from a DES hash and is
 * refused even then. Passwords are compared as UTF-8.
 *
 * <h2>Changes to the file</h2>
 *
 * <p>The file is read and checked when {@link #htpasswd(Path)} is called, and read again when it changes: its
 * modification time, size and identity are looked at, at most once a second, when a password is checked. A
 * changed file that cannot be used keeps the previous users in service and logs one ERROR per change. A file
 * rewritten without users refuses every login.
 *
 * <h2>Cost of a check</h2>
 *
 * <p>Checking a bcrypt password takes time on purpose (about 50-100 ms at cost 10), which makes guessing slow.
 * So that a browser, which sends the password with every request, does not pay this each time, a successful
 * check is remembered for 5 minutes, as a keyed hash that is useless to an attacker. An unknown user name
 * takes as long to refuse as a wrong password, so response times do not tell which names exist.
 */
public final class Users {
  static {
    UsersAccess.install(Users::store);
  }

  private final UserSource source;
  private final boolean plaintextAllowed;
  private final Object lock = new Object();
  private UserStore store;

  private Users(UserSource source, boolean plaintextAllowed) {
    this.source = source;
    this.plaintextAllowed = plaintextAllowed;
  }

  /**
   * The users of an htpasswd file, read and checked now, and read again when the file changes (see the class
   * description).
   *
   * <p>A plaintext password does not fail here, so that {@link #allowPlaintext()} can follow; without it, the
   * wrapper refuses to start with these users and names the line.
   *
   * @throws IllegalArgumentException when the file is missing, unreadable, not UTF-8, has no users, or has a
   *     line that cannot be used; the message names the file, the line and the user, and says how to fix it
   */
  public static Users htpasswd(Path file) {
    Objects.requireNonNull(file, "file");
    return new Users(UserSource.htpasswd(file), false);
  }

  /**
   * Users given in code, as name and hash, e.g. {@code Users.of(Map.of("alice", Users.hashPassword(pw)))}. The
   * hash formats are those of htpasswd files (see the class description); plaintext is not accepted here.
   *
   * @throws IllegalArgumentException when the map is empty, a name is empty or contains {@code :}, a control
   *     character, leading {@code #} or surrounding white space, or a hash is not in an accepted format
   */
  public static Users of(Map<String, String> nameToHash) {
    Objects.requireNonNull(nameToHash, "nameToHash");
    return new Users(UserSource.of(nameToHash), false);
  }

  /** Starts a list of users given in code: {@code Users.builder().user("alice", hash).build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * These users, with plaintext passwords in the htpasswd file accepted, now and after the file changes. Not
   * recommended: anyone who can read the file can log in. Not called: plaintext is refused.
   *
   * @throws IllegalStateException for users given in code, which never have plaintext passwords
   */
  public Users allowPlaintext() {
    if (source.file() == null) {
      throw new IllegalStateException(
          "allowPlaintext() is for htpasswd files; users given in code need hashes: use Users.hashPassword(...)");
    }
    return new Users(source, true);
  }

  /**
   * A bcrypt hash ({@code $2y$}, cost 10) of {@code password}, for {@link #of(Map)} or an htpasswd file. Cost 10
   * means 2^10 rounds, about 50-100 ms per check on a laptop: slow enough to make guessing expensive, and the
   * verification cache keeps normal use fast. The array is read, not cleared.
   *
   * @throws IllegalArgumentException when the password is empty or longer than 72 bytes in UTF-8 (bcrypt would
   *     ignore the rest)
   */
  public static String hashPassword(char[] password) {
    Objects.requireNonNull(password, "password");
    return Passwords.bcrypt(password);
  }

  /**
   * A line for an htpasswd file, {@code user:$2y$10$...}, as {@code htpasswd -nB} prints it.
   *
   * @throws IllegalArgumentException when the name is empty or contains {@code :}, a control character, leading
   *     {@code #} or surrounding white space, or the password is refused by {@link #hashPassword(char[])}
   */
  public static String htpasswdLine(String user, char[] password) {
    Objects.requireNonNull(user, "user");
    UserNames.check(user);
    return user + ":" + hashPassword(password);
  }

  /** Where the users come from, e.g. {@code htpasswd file users.htpasswd (2 users when read)} or {@code 3 users}. */
  @Override
  public String toString() {
    return source + (plaintextAllowed ? ", plaintext allowed" : "");
  }

  /** Users given in code, one {@link #user(String, String)} call each. */
  public static final class Builder {
    private final Map<String, String> users = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a user with a hash, e.g. from {@link Users#hashPassword(char[])} or copied from an htpasswd file.
     *
     * @throws IllegalArgumentException when the name was added before or cannot be used (see {@link
     *     Users#of(Map)}), or the hash is not in an accepted format
     */
    public Builder user(String name, String hash) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(hash, "hash");
      if (users.containsKey(name)) {
        throw new IllegalArgumentException("user " + name + " was added twice; add each user once");
      }
      UserSource.of(Map.of(name, hash));
      users.put(name, hash);
      return this;
    }

    /**
     * The users added so far.
     *
     * @throws IllegalArgumentException when none were added (every login would fail)
     */
    public Users build() {
      return new Users(UserSource.of(users), false);
    }
  }

  private UserStore store() {
    String refusal = plaintextAllowed ? null : source.plaintextRefusal();
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
    synchronized (lock) {
      if (store == null) {
        store = UserStore.create(source, plaintextAllowed);
      }
      return store;
    }
  }
}
