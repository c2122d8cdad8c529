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
}
