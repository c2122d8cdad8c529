package io.github.httpswrapper.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code Authorization: Basic} values. Nothing may be thrown: a malformed value is {@code null}. Accepted
 * credentials have a non-empty user without colon or control characters, and encoding them again (the way a
 * browser does) gives a value that parses to the same credentials.
 */
class BasicCredentialsFuzzTest {
  @FuzzTest
  void authorization(byte[] data) {
    // Header values reach the parser one char per byte (ISO-8859-1), as the HTTP parser reads them.
    BasicCredentials credentials = BasicCredentials.parse(new String(data, StandardCharsets.ISO_8859_1));
    if (credentials == null) {
      return;
    }
    String user = credentials.user();
    char[] password = credentials.password();
    assertFalse(user.isEmpty());
    assertTrue(user.indexOf(':') < 0, user);
    assertFalse(user.chars().anyMatch(Character::isISOControl), "control character in the user");
    assertFalse(new String(password).chars().anyMatch(Character::isISOControl), "control character in the password");

    String again = "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
    BasicCredentials reparsed = BasicCredentials.parse(again);
    assertNotNull(reparsed, "the canonical encoding of accepted credentials is refused");
    assertEquals(user, reparsed.user());
    assertArrayEquals(password, reparsed.password());
    credentials.clear();
    assertTrue(new String(credentials.password()).chars().allMatch(c -> c == 0));
  }
}
