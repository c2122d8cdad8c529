package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The security scanners and attack tools ({@code testssl.sh}, {@code sslscan}, {@code slowhttptest}): found on the
 * {@code PATH}, run with a deadline, and killed with everything they started when they overstay or the test ends.
 * Tests that need a missing tool are skipped, unless {@code -Dhttps-wrapper.tools=required} says the machine must
 * have them (continuous integration does), in which case they fail.
 */
final class ExternalTool {
  static final String REQUIRED_PROPERTY = "https-wrapper.tools";

  private ExternalTool() {}

  /**
   * The first of {@code names} that is an executable on the {@code PATH} (Debian installs {@code testssl.sh} as
   * {@code testssl}); skips or fails the test when none is.
   */
  static String find(String... names) {
    for (String name : names) {
      Optional<Path> found = onPath(name);
      if (found.isPresent()) {
        return found.get().toString();
      }
    }
    String message = String.join(" or ", names) + " is not installed (Debian: apt-get install " + names[0] + ")";
    if ("required".equals(System.getProperty(REQUIRED_PROPERTY))) {
      fail(message + " (" + REQUIRED_PROPERTY + "=required)");
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** A tool started in the background; {@link #close()} kills it and every process it started. */
  static final class Running implements AutoCloseable {
    private final Process process;
    private final List<String> command;
    private final Commands.Drain out;
    private final Commands.Drain err;
    private final long startNanos = System.nanoTime();

    private Running(Process process, List<String> command) {
      this.process = process;
      this.command = command;
      this.out = Commands.Drain.start(process.getInputStream());
      this.err = Commands.Drain.start(process.getErrorStream());
    }

    /** Starts {@code command} with stdin at end of file and {@code environment} added to this one's. */
    static Running start(Map<String, String> environment, List<String> command) {
      return start(environment, "", command);
    }

    /** Starts {@code command} with {@code input} on its stdin, then end of file. */
    static Running start(Map<String, String> environment, String input, List<String> command) {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      try {
        Process process = builder.start();
        try (var stdin = process.getOutputStream()) {
          stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new Running(process, List.copyOf(command));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
      }
    }

    /** Waits for the tool to end by itself; fails (after killing it) when it does not within {@code timeout}. */
    Commands.Result await(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        close();
        fail("timed out after " + timeout + ": " + String.join(" ", command) + "\n--- stdout\n" + out.text()
            + "\n--- stderr\n" + err.text());
      }
      return new Commands.Result(command, process.exitValue(), out.text(), err.text());
    }

    boolean isAlive() {
      return process.isAlive();
    }

    /** How long the tool has been running, for the report a test prints. */
    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void close() throws InterruptedException {
      // testssl.sh is a shell script: its openssl children would outlive a kill of the script alone.
      List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
      tree.add(process.toHandle());
      tree.forEach(ProcessHandle::destroyForcibly);
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
