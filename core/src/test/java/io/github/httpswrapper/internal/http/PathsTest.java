package io.github.httpswrapper.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathsTest {
  @ParameterizedTest
  @CsvSource({
    "/, /",
    "/admin, /admin",
    "/a/b/, /a/b/",
    "/%61dmin, /admin",
    "/%41%7E%7e%2D%2e%5F, /A~~-._",
    "/a%20b, /a%20b",
    "/a%3bb, /a%3Bb",
    "/caf%C3%A9, /caf%C3%A9",
    "/file.tar.gz, /file.tar.gz",
    "/.well-known/acme, /.well-known/acme",
    "/.../x, /.../x",
    "/admin;jsessionid=1, /admin;jsessionid=1",
    "/a/, /a/"
  })
  void safePathsComeBackWithUnreservedCharactersDecoded(String raw, String checked) throws HttpException {
    assertEquals(checked, Paths.checkedPath(raw));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/.",
        "/..",
        "/../admin",
        "/public/../admin",
        "/public/./admin",
        "/public/%2e%2e/admin",
        "/public/%2E%2E/admin",
        "/public/.%2e/admin",
        "/public/%2e/admin",
        "/public/..;/admin",
        "/public/..;x",
        "/admin%2fsecret",
        "/admin%2Fsecret",
        "/admin%5csecret",
        "/admin\\secret",
        "\\admin",
        "/admin%00.html",
        "/admin%0a",
        "/a%zz",
        "/a%4",
        "/a%",
        "/a%%41",
        "//admin",
        "/public//admin",
        "/;x/admin",
        "/admin;x/secret",
        "/%c0%ae%c0%ae/admin",
        "/%ff",
        "/a b",
        "/caf\u00e9",
        "admin",
        "",
        "*"
      })
  void pathsThatCouldFoolAPrefixRuleAreRefused(String raw) {
    assertEquals(400, assertThrows(HttpException.class, () -> Paths.checkedPath(raw)).status());
  }

  @Test
  void encodedDotSegmentIsRefusedWithAPreciseMessage() {
    HttpException e = assertThrows(HttpException.class, () -> Paths.checkedPath("/x/%2e%2e/admin"));
    assertEquals("dot segment (. or ..) in the path", e.getMessage());
  }

  /** Found by fuzzing: a server that decodes before cutting off parameters reads {@code .%3B} as {@code .;}. */
  @ParameterizedTest
  @ValueSource(strings = {"/public/.%3b/admin", "/public/..%3B/admin", "/public/..%3Bx=1/admin", "/..%3b"})
  void dotSegmentWithAnEncodedParameterIsRefused(String raw) {
    HttpException e = assertThrows(HttpException.class, () -> Paths.checkedPath(raw));
    assertEquals("dot segment (. or ..) in the path", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/admin", "/admin/", "/admin/x", "/admin?x=1", "/admin;jsessionid=1"})
  void prefixCoversItselfAndWhatLiesBelow(String path) {
    assertTrue(Paths.hasPrefix(path, "/admin"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/administrator", "/admin.html", "/Admin", "/", "/adm"})
  void prefixDoesNotCoverSiblingsOrOtherCase(String path) {
    assertFalse(Paths.hasPrefix(path, "/admin"));
  }

  @Test
  void prefixEndingInSlashMatchesByStartsWith() {
    assertTrue(Paths.hasPrefix("/admin/x", "/admin/"));
    assertTrue(Paths.hasPrefix("/admin/", "/admin/"));
    assertFalse(Paths.hasPrefix("/admin", "/admin/"));
  }

  @Test
  void rootPrefixMatchesEverything() {
    assertTrue(Paths.hasPrefix("/anything/at/all", "/"));
  }

  @Test
  void encodedLettersCannotDodgeARule() throws HttpException {
    assertTrue(Paths.hasPrefix(Paths.checkedPath("/%61%64%6D%69%6E/users"), "/admin"));
  }
}
