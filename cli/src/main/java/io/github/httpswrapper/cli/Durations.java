package io.github.httpswrapper.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, or a bare number of
 * seconds. One number and one unit, no fractions: enough for timeouts, and impossible to misread.
 */
final class Durations {
  private static final Pattern FORM = Pattern.compile("([0-9]{1,9})(ms|s|m|h)?");
  private static final Pattern AGE = Pattern.compile("([0-9]{1,9})(d|h|m|s)");

  /** The HSTS max-age when {@code --hsts} is given without a value: one year, as browsers' preload lists ask. */
  static final Duration DEFAULT_HSTS = Duration.ofDays(365);

  private Durations() {}

  /** Parses a positive duration for {@code flag}. */
  static Duration parse(String flag, String text) throws UsageException {
    Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UsageException(
          flag + " " + text + ": not a duration; use e.g. 500ms, 10s, 5m or 1h (a bare number means seconds)");
    }
    long amount = Long.parseLong(m.group(1));
    if (amount == 0) {
      throw new UsageException(flag + " " + text + ": must be more than zero, e.g. 10s");
    }
    String unit = m.group(2) == null ? "s" : m.group(2);
    switch (unit) {
      case "ms":
        return Duration.ofMillis(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        return Duration.ofSeconds(amount);
    }
  }

  /** A duration as {@link #parse} reads it back: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}. */
  static String text(Duration d) {
    long millis = d.toMillis();
    if (millis % 1000 != 0) {
      return millis + "ms";
    }
    long seconds = millis / 1000;
    if (seconds % 3600 == 0 && seconds > 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 && seconds > 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /**
   * An HSTS max-age: {@code null} (the option given without a value) means {@link #DEFAULT_HSTS}. Days are the
   * usual unit, so {@code d} is accepted here; a unit is required, because a bare number could mean seconds (as
   * in the header) or days (as people say it). Zero is allowed: it tells browsers to forget an earlier HSTS.
   */
  static Duration maxAge(String flag, String text) throws UsageException {
    if (text == null) {
      return DEFAULT_HSTS;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.matches("[0-9]{1,9}")) {
      throw new UsageException(
          flag + " " + text + ": add a unit, e.g. " + flag + "=" + t + "d for days (" + flag + "=0d makes"
              + " browsers forget an earlier HSTS)");
    }
    Matcher m = AGE.matcher(t);
    if (!m.matches()) {
      throw new UsageException(
          flag + " " + text + ": not an age; use e.g. " + flag + "=180d, or just " + flag + " for 365 days");
    }
    long amount = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "d":
        return Duration.ofDays(amount);
      case "h":
        return Duration.ofHours(amount);
      case "m":
        return Duration.ofMinutes(amount);
      default:
        return Duration.ofSeconds(amount);
    }
  }
}
