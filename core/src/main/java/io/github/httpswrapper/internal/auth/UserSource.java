package io.github.httpswrapper.internal.auth;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where users come from, read and checked: an htpasswd file (read again later when it changes) or users given
 * in code. Immutable.
 */
public final class UserSource {
  private final Path file;
  private final HtpasswdFile.Snapshot loaded;

  private UserSource(Path file, HtpasswdFile.Snapshot loaded) {
    this.file = file;
    this.loaded = loaded;
  }

  /**
   * Reads and checks an htpasswd file now. Plaintext passwords do not fail here: see {@link #plaintextRefusal()}.
   *
   * @throws IllegalArgumentException naming the file (and the line and user, for a bad line) and the fix
   */
  public static UserSource htpasswd(Path file) {
    return new UserSource(file, HtpasswdFile.load(file, true));
  }

  /**
   * Users given in code, as name and hash.
   *
   * @throws IllegalArgumentException naming the user whose name or hash cannot be used
   */
  public static UserSource of(Map<String, String> nameToHash) {
    if (nameToHash.isEmpty()) {
      throw new IllegalArgumentException("no users given: add at least one, or every login would fail");
    }
    Map<String, PasswordHash> hashes = new LinkedHashMap<>();
    // Sorted, so that with several bad entries the same one is reported every time.
    for (Map.Entry<String, String> user : new TreeMap<>(nameToHash).entrySet()) {
      String name = user.getKey();
      UserNames.check(name);
      String hashText = user.getValue();
      if (hashText == null) {
        throw new IllegalArgumentException(
            "user " + name + " has no hash; use Users.hashPassword(...) to make one");
      }
      PasswordHash hash;
      try {
        hash = HashFormats.parse(hashText);
      } catch (RefusedHashException e) {
        throw new IllegalArgumentException(
            "user " + name + " has a hash format this wrapper does not accept (" + e.getMessage()
                + "); use Users.hashPassword(...) to make one");
      }
      if (hash instanceof PlaintextPassword) {
        throw new IllegalArgumentException(
            "user " + name + " has a value that is not a recognised hash (bcrypt, APR1 or {SHA}); "
                + "use Users.hashPassword(...) to make one");
      }
      hashes.put(name, hash);
    }
    return new UserSource(null, new HtpasswdFile.Snapshot(new UserTable(hashes, null), null));
  }

  /** The file the users come from; {@code null} for users given in code. */
  public Path file() {
    return file;
  }

  /** Why these users cannot serve unless plaintext passwords are allowed; {@code null} when nothing stops them. */
  public String plaintextRefusal() {
    return loaded.table().plaintextRefusal();
  }

  HtpasswdFile.Snapshot loaded() {
    return loaded;
  }

  @Override
  public String toString() {
    int count = loaded.table().size();
    String users = count + (count == 1 ? " user" : " users");
    return file == null ? users : "htpasswd file " + file + " (" + users + " when read)";
  }
}
