package io.github.httpswrapper.internal.auth;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the lines of an htpasswd file: {@code name:hash} per line, {@code #} comments and blank lines ignored,
 * white space around a line ignored (as Apache does). Every problem is an error naming the line.
 */
final class HtpasswdParser {
  private HtpasswdParser() {}

  /**
   * @param file the file's name as the user gave it, for messages
   * @throws IllegalArgumentException naming the file, the line and the user, and saying how to fix it
   */
  static UserTable parse(String file, List<String> lines) {
    Map<String, PasswordHash> hashes = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    String plaintextRefusal = null;
    for (int index = 0; index < lines.size(); index++) {
      int number = index + 1;
      String line = lines.get(index);
      if (index == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            file + " line " + number + " is not name:hash; add users with htpasswd -B " + file + " NAME");
      }
      String name = line.substring(0, colon).strip();
      String hashText = line.substring(colon + 1).strip();
      String nameProblem = UserNames.problem(name);
      if (nameProblem != null) {
        throw new IllegalArgumentException(file + " line " + number + ": " + nameProblem);
      }
      Integer earlier = lineOf.putIfAbsent(name, number);
      if (earlier != null) {
        throw new IllegalArgumentException(
            file + " line " + number + ": user " + name + " is already defined on line " + earlier
                + "; delete one of the two lines");
      }
      String prefix = file + " line " + number + ": user " + name;
      if (hashText.isEmpty()) {
        throw new IllegalArgumentException(
            prefix + " has no password hash; set one with htpasswd -B " + file + " " + name);
      }
      if (hashText.indexOf(':') >= 0) {
        throw new IllegalArgumentException(
            prefix + " has more than one ':' on the line; each line is name:hash, so create it again with "
                + "htpasswd -B " + file + " " + name);
      }
      PasswordHash hash;
      try {
        hash = HashFormats.parse(hashText);
      } catch (RefusedHashException e) {
        throw new IllegalArgumentException(
            prefix + " has a hash format this wrapper does not accept (" + e.getMessage()
                + "); create it again with htpasswd -B " + file + " " + name);
      }
      if (hash instanceof PlaintextPassword && plaintextRefusal == null) {
        plaintextRefusal = prefix + " has a plaintext password; create it again with htpasswd -B " + file + " "
            + name + ", or call allowPlaintext() to accept plaintext passwords";
      }
      hashes.put(name, hash);
    }
    return new UserTable(hashes, plaintextRefusal);
  }
}
