package io.github.httpswrapper.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The file of {@code --config FILE}: the options of a command line written one per line, so that a service
 * can be started with its settings kept in one place.
 *
 * <pre>
 * # who may connect: this machine freely, the LAN with a password
 * target   = 127.0.0.1:4334
 * listen   = 0.0.0.0:8443
 * policy   = local-open
 * htpasswd = /etc/https-wrapper/htpasswd
 * allow    = 192.168.1.0/24
 * allow    = 10.0.0.7
 * hsts     = true
 * </pre>
 *
 * <p>Each key is a long option without its {@code --}, so everything an option does a key does too, and the
 * value is written as after the option. The value is the rest of the line after the first {@code =}, spaces
 * around it removed, no quotes needed: a {@code #} inside a value (a password, a hash) is part of it, since
 * only a line that starts with {@code #} is a comment. Options without a value are written {@code = true} (or
 * {@code = false}, the same as leaving the line out); {@code hsts = true} turns HSTS on with its default age,
 * {@code hsts = 180d} sets the age. Repeatable options ({@code allow}, {@code name}, {@code user}...) may
 * appear on several lines; any other key twice is an error. Relative paths are read from the working
 * directory, as on the command line.
 *
 * <p>How the file and the command line combine is {@link ArgumentParser}'s business: an option on the command
 * line replaces the file's value, and a repeatable one adds to the file's values.
 */
final class ConfigFile {
  /**
   * One setting, with the line it was written on, for error messages.
   *
   * @param value as it would follow the option: {@code ""} for an option without a value, {@code null} for
   *     {@code hsts = true} (on, with the default age)
   * @param off {@code = false}: the option is not given
   */
  record Entry(Flag flag, String value, int line, boolean off) {}

  private ConfigFile() {}

  /**
   * Reads and checks {@code file}'s lines: each a known key with a value of the right kind. What the values
   * mean is checked later, with the command line's values.
   *
   * @param shown the file as the user wrote it, for messages ({@code site.conf line 4: ...})
   * @throws UsageException when the file cannot be read or a line is not a setting
   */
  static List<Entry> read(Path file, String shown) throws UsageException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UsageException("--config " + shown + ": no such file");
    } catch (CharacterCodingException e) {
      throw new UsageException("--config " + shown + ": not a text file in UTF-8");
    } catch (IOException e) {
      throw new UsageException("--config " + shown + ": cannot read it: " + e.getMessage());
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = i == 0 ? lines.get(0).replaceFirst("^\uFEFF", "") : lines.get(i);
      String text = line.trim();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      entries.add(entry(text, shown + " line " + (i + 1) + ": ", i + 1));
    }
    return entries;
  }

  private static Entry entry(String text, String where, int line) throws UsageException {
    int eq = text.indexOf('=');
    String key = (eq < 0 ? text.split("\\s+", 2)[0] : text.substring(0, eq)).trim();
    String value = eq < 0 ? null : text.substring(eq + 1).trim();
    if (key.startsWith("-")) {
      String bare = key.replaceFirst("^-+", "");
      throw new UsageException(
          where + "write the key without --, e.g. " + bare + " = " + example(lookupOrNull(bare)));
    }
    Flag flag = lookup(key, where);
    if (value == null || value.isEmpty()) {
      throw new UsageException(where + key + " needs a value: write " + key + " = " + example(flag));
    }
    if (!flag.takesValue() || flag.optionalValue()) {
      String word = value.toLowerCase(Locale.ROOT);
      if (word.equals("true") || word.equals("false")) {
        boolean on = word.equals("true");
        return new Entry(flag, on && !flag.takesValue() ? "" : null, line, !on);
      }
      if (!flag.takesValue()) {
        throw new UsageException(
            where + key + " = " + value + ": write " + key + " = true or " + key + " = false");
      }
    }
    return new Entry(flag, value, line, false);
  }

  private static Flag lookup(String key, String where) throws UsageException {
    Flag flag = lookupOrNull(key);
    if (flag != null && flag.inConfigFile()) {
      return flag;
    }
    if (flag != null) {
      throw new UsageException(
          where + "\"" + key + "\" cannot be set in a config file: give --" + key + " on the command line");
    }
    Flag closest = null;
    int best = Integer.MAX_VALUE;
    for (Flag candidate : Flag.values()) {
      int distance = ArgumentParser.editDistance(candidate.key(), key.toLowerCase(Locale.ROOT));
      if (candidate.inConfigFile() && distance < best) {
        best = distance;
        closest = candidate;
      }
    }
    if (best <= 2 && key.length() > 2) {
      return fail(where + "unknown key \"" + key + "\": did you mean \"" + closest.key() + "\"?");
    }
    return fail(
        where + "unknown key \"" + key + "\": the keys are the long options without --, e.g. listen; see --help");
  }

  private static Flag fail(String message) throws UsageException {
    throw new UsageException(message);
  }

  private static Flag lookupOrNull(String key) {
    for (Flag flag : Flag.values()) {
      if (flag.key().equals(key)) {
        return flag;
      }
    }
    return null;
  }

  private static String example(Flag flag) {
    if (flag == null) {
      return "VALUE";
    }
    return flag.takesValue() ? flag.example.replace("'", "") : "true";
  }
}
