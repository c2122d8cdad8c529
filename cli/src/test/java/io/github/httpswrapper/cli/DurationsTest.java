package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({"500ms, PT0.5S", "10s, PT10S", "5m, PT5M", "1h, PT1H", "30, PT30S", "10S, PT10S", "' 2m ', PT2M"})
  void parsesEveryUnit(String text, String expected) throws UsageException {
    assertEquals(Duration.parse(expected), Durations.parse("--idle-timeout", text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"500ms", "10s", "90s", "5m", "1h", "1500ms"})
  void textReadsBackAsTheSameDuration(String text) throws UsageException {
    assertEquals(text, Durations.text(Durations.parse("--reload-interval", text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5x", "1.5s", "-3s", "s", "10 s", "1h30m", ""})
  void rejectsWhatIsNotOneNumberAndOneUnit(String text) {
    UsageException e = assertThrows(UsageException.class, () -> Durations.parse("--idle-timeout", text));
    assertEquals(
        "--idle-timeout " + text
            + ": not a duration; use e.g. 500ms, 10s, 5m or 1h (a bare number means seconds)",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0s", "0ms"})
  void rejectsZero(String text) {
    UsageException e = assertThrows(UsageException.class, () -> Durations.parse("--connect-timeout", text));
    assertEquals("--connect-timeout " + text + ": must be more than zero, e.g. 10s", e.getMessage());
  }
}
