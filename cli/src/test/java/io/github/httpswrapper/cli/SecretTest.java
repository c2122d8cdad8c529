package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {
  private static final Function<String, String> ENV = Map.of("KEY_PASSWORD", "from-env")::get;

  @TempDir Path dir;

  @Test
  void envReadsTheVariable() throws UsageException {
    assertArrayEquals("from-env".toCharArray(), Secret.parse("--key-password", "env:KEY_PASSWORD").resolve(ENV));
  }

  @Test
  void fileReadsTheFirstLineOnly() throws Exception {
    Path file = Files.writeString(dir.resolve("pw"), "s3cret\r\nsecond line\n");
    assertArrayEquals("s3cret".toCharArray(), Secret.parse("--key-password", "file:" + file).resolve(ENV));
  }

  @Test
  void passIsTakenAsItIs() throws UsageException {
    assertArrayEquals("env:X".toCharArray(), Secret.parse("--key-password", "pass:env:X").resolve(ENV));
  }

  @Test
  void aBareValueIsThePassword() throws UsageException {
    assertArrayEquals("hunter2".toCharArray(), Secret.parse("--key-password", "hunter2").resolve(ENV));
  }

  @Test
  void missingVariableSaysSo() throws UsageException {
    Secret secret = Secret.parse("--keystore-password", "env:NOPE");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> secret.resolve(ENV));
    assertEquals(
        "--keystore-password env:NOPE: the environment variable NOPE is not set: export it first", e.getMessage());
  }

  @Test
  void missingFileSaysSo() throws UsageException {
    Path missing = dir.resolve("missing");
    Secret secret = Secret.parse("--key-password", "file:" + missing);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> secret.resolve(ENV));
    assertEquals("--key-password file:" + missing + ": no such file", e.getMessage());
  }

  @Test
  void emptyFileSaysWhereThePasswordGoes() throws IOException, UsageException {
    Path empty = Files.writeString(dir.resolve("empty"), "");
    Secret secret = Secret.parse("--key-password", "file:" + empty);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> secret.resolve(ENV));
    assertEquals("--key-password file:" + empty + ": the file's first line is empty: put the password there",
        e.getMessage());
  }

  @Test
  void emptyVariableNameIsAUsageError() {
    UsageException e = assertThrows(UsageException.class, () -> Secret.parse("--key-password", "env:"));
    assertEquals("--key-password env:: name the variable, e.g. env:KEY_PASSWORD", e.getMessage());
  }

  @Test
  void toStringNeverShowsAPassword() throws UsageException {
    assertEquals("***", Secret.parse("--key-password", "hunter2").toString());
    assertEquals("env:KEY_PASSWORD", Secret.parse("--key-password", "env:KEY_PASSWORD").toString());
  }
}
