package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command-line program running as a separate process, on the same {@code java} and class path as the tests.
 * Its stdout is read line by line (so a test can wait for the banner), its stderr is kept for failure messages.
 */
final class CliProcess implements AutoCloseable {
  static final String MAIN_CLASS = "io.github.httpswrapper.cli.Main";
  private static final String END = "\u0000end of stdout";

  private final Process process;
  private final List<String> command;
  private final BlockingQueue<String> stdoutLines = new LinkedBlockingQueue<>();
  private final List<String> seenLines = new ArrayList<>();
  private final Commands.Drain stderr;

  private CliProcess(Process process, List<String> command) {
    this.process = process;
    this.command = command;
    this.stderr = Commands.Drain.start(process.getErrorStream());
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                  stdoutLines.add(line);
                }
              } catch (IOException e) {
                // the process went away
              } finally {
                stdoutLines.add(END);
              }
            },
            "cli-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java [jvmOptions] -cp <test class path> Main [args]}. */
  static CliProcess start(List<String> jvmOptions, String... args) {
    return start(List.of(), jvmOptions, args);
  }

  /**
   * Like {@link #start(List, String...)}, with the open-file limit ({@code ulimit -n}) of the process set first:
   * lower than this JVM's, or higher where the user may raise it (root).
   */
  static CliProcess startWithOpenFileLimit(int limit, List<String> jvmOptions, String... args) {
    return start(List.of("bash", "-c", "ulimit -n " + limit + " && exec \"$@\"", "bash"), jvmOptions, args);
  }

  private static CliProcess start(List<String> launcher, List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>(launcher);
    command.add(Commands.jdkTool("java"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
    command.addAll(List.of(args));
    try {
      return new CliProcess(
          new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start(), command);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the first stdout line matching {@code pattern}; returns the matcher, or fails. */
  Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? stdoutLines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null) {
        fail("no line matching " + pattern + " within " + timeout + "\n" + this);
      }
      if (line.equals(END)) {
        fail("stdout ended before a line matched " + pattern + "\n" + this);
      }
      synchronized (seenLines) {
        seenLines.add(line);
      }
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m;
      }
    }
  }

  /** Waits for the process to end by itself; returns its exit code, or fails when it does not end in time. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      fail("the program did not exit within " + timeout + "\n" + this);
    }
    return process.exitValue();
  }

  /** Sends SIGTERM ({@link Process#destroy()} on Unix) and waits for the exit code. */
  int terminate(Duration timeout) throws InterruptedException {
    process.destroy();
    return awaitExit(timeout);
  }

  /** The process id (of {@code java}: the launcher shell, if any, replaced itself with it). */
  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Everything on stderr so far (all of it, once the process has ended). */
  String stderr() {
    return process.isAlive() ? stderr.soFar() : stderr.text();
  }

  /** The stdout lines read so far by {@link #awaitLine}, plus those still queued. */
  String stdout() {
    List<String> lines;
    synchronized (seenLines) {
      lines = new ArrayList<>(seenLines);
    }
    stdoutLines.stream().filter(l -> !l.equals(END)).forEach(lines::add);
    return String.join("\n", lines);
  }

  @Override
  public String toString() {
    return "$ " + String.join(" ", command).replace(System.getProperty("java.class.path"), "<class path>")
        + "\n--- stdout\n" + stdout() + "\n--- stderr\n" + stderr();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
