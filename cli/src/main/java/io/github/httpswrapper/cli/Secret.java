package io.github.httpswrapper.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where a password comes from, as written after a password option.
 *
 * <ul>
 *   <li>{@code env:VARIABLE}: the value of an environment variable;
 *   <li>{@code file:PATH}: the first line of a file (without its line ending);
 *   <li>{@code pass:TEXT}: the text itself, for a password that starts with {@code env:} or {@code file:};
 *   <li>anything else: the text itself.
 * </ul>
 *
 * <p>Typed on the command line, a password shows in the process list and in the shell's history;
 * {@code env:} and {@code file:} keep it out of both. The value is only looked up by {@link #resolve}, when
 * the certificate is loaded.
 */
final class Secret {
  private final String flag;
  private final String kind;
  private final String value;

  private Secret(String flag, String kind, String value) {
    this.flag = flag;
    this.kind = kind;
    this.value = value;
  }

  /** Reads {@code text} as given to {@code flag}. */
  static Secret parse(String flag, String text) throws UsageException {
    for (String kind : new String[] {"env", "file", "pass"}) {
      if (text.startsWith(kind + ":")) {
        String rest = text.substring(kind.length() + 1);
        if (rest.isEmpty() && !kind.equals("pass")) {
          throw new UsageException(
              flag + " " + text + ": name the " + (kind.equals("env") ? "variable, e.g. env:KEY_PASSWORD"
                  : "file, e.g. file:/run/secrets/key-password"));
        }
        return new Secret(flag, kind, rest);
      }
    }
    return new Secret(flag, "pass", text);
  }

  /**
   * The password. {@code environment} looks up environment variables (normally {@link System#getenv}).
   *
   * @throws IllegalArgumentException when the variable is not set or the file cannot be read
   */
  char[] resolve(Function<String, String> environment) {
    switch (kind) {
      case "env":
        String found = environment.apply(value);
        if (found == null) {
          throw new IllegalArgumentException(
              flag + " env:" + value + ": the environment variable " + value + " is not set: export it first");
        }
        return found.toCharArray();
      case "file":
        return firstLine(Path.of(value));
      default:
        return value.toCharArray();
    }
  }

  private char[] firstLine(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null || line.isEmpty()) {
        throw new IllegalArgumentException(
            flag + " file:" + file + ": the file's first line is empty: put the password there");
      }
      return line.toCharArray();
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(flag + " file:" + file + ": no such file", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(flag + " file:" + file + ": cannot read it: " + e.getMessage(), e);
    }
  }

  /** How the password is given, without revealing it: {@code env:KEY_PASSWORD}, {@code file:...}, {@code ***}. */
  @Override
  public String toString() {
    return kind.equals("pass") ? "***" : kind + ":" + value;
  }
}
