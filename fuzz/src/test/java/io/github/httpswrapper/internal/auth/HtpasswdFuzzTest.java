package io.github.httpswrapper.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * htpasswd files. Only {@link IllegalArgumentException} naming the file may escape. Every accepted user has a
 * valid name and a hash of an accepted format, and a plaintext password is always reported.
 */
class HtpasswdFuzzTest {
  private static final String FILE = "users.htpasswd";

  @FuzzTest
  void htpasswd(byte[] data) {
    // The file reader refuses text that is not UTF-8; replacing bad bytes lets the fuzzer reach the parser.
    List<String> lines = new String(data, StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    UserTable table;
    try {
      table = HtpasswdParser.parse(FILE, lines);
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().startsWith(FILE + " line "), e.getMessage());
      return;
    }
    assertTrue(table.size() <= lines.size());
    boolean plaintext = false;
    for (String name : table.names()) {
      assertNull(UserNames.problem(name), name);
      PasswordHash hash = table.hashOf(name);
      assertNotNull(hash);
      assertTrue(
          hash instanceof Bcrypt || hash instanceof Apr1 || hash instanceof Sha1Hash
              || hash instanceof PlaintextPassword,
          hash.getClass().getName());
      plaintext |= hash instanceof PlaintextPassword;
    }
    assertEquals(plaintext, table.plaintextRefusal() != null, "plaintext password not reported");
    assertNotNull(table.decoy());
  }
}
