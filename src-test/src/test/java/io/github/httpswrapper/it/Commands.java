package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs external programs (curl, openssl, keytool) with a deadline. A program that overstays is killed, and every
 * failure message shows the command line, the exit code and what the program wrote to stderr.
 */
final class Commands {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private Commands() {}

  /** What a finished program left behind. */
  record Result(List<String> command, int exitCode, String stdout, String stderr) {
    /** Stdout and stderr together, for assertions that do not care which stream a message went to. */
    String output() {
      return stdout + stderr;
    }

    /** Fails the test, showing stderr, unless the program exited with 0. */
    Result requireSuccess() {
      if (exitCode != 0) {
        fail("expected exit code 0 but got " + exitCode + "\n" + this);
      }
      return this;
    }

    @Override
    public String toString() {
      return "$ " + String.join(" ", command) + "\nexit code " + exitCode + "\n--- stdout\n" + stdout
          + "\n--- stderr\n" + stderr;
    }
  }

  static Result run(String... command) {
    return run(DEFAULT_TIMEOUT, List.of(command));
  }

  /** Runs {@code command} with stdin at end of file, waiting at most {@code timeout}. */
  static Result run(Duration timeout, List<String> command) {
    Process process;
    try {
      process = new ProcessBuilder(command).start();
      process.getOutputStream().close(); // stdin at end of file: openssl s_client then ends after the handshake
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
    Drain out = Drain.start(process.getInputStream());
    Drain err = Drain.start(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        fail("timed out after " + timeout + ": " + String.join(" ", command) + "\n--- stdout\n" + out.text()
            + "\n--- stderr\n" + err.text());
      }
      return new Result(List.copyOf(command), process.exitValue(), out.text(), err.text());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    }
  }

  /** Skips the calling test unless {@code tool} can be run (e.g. {@code curl --version}). */
  static void assumeInstalled(String tool, String versionFlag) {
    boolean present;
    try {
      present = run(Duration.ofSeconds(10), List.of(tool, versionFlag)).exitCode() == 0;
    } catch (UncheckedIOException e) {
      present = false;
    }
    Assumptions.assumeTrue(present, tool + " is not installed");
  }

  /** The JDK tool (java, keytool) of the JDK running the tests. */
  static String jdkTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  /** Copies a stream into memory on its own thread, so that a chatty program never blocks on a full pipe. */
  static final class Drain {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    private Drain(InputStream in) {
      thread =
          new Thread(
              () -> {
                byte[] buffer = new byte[8192];
                try (in) {
                  for (int n; (n = in.read(buffer)) != -1; ) {
                    synchronized (bytes) {
                      bytes.write(buffer, 0, n);
                    }
                  }
                } catch (IOException e) {
                  // the process went away; what was read is kept
                }
              },
              "drain");
      thread.setDaemon(true);
    }

    static Drain start(InputStream in) {
      Drain drain = new Drain(in);
      drain.thread.start();
      return drain;
    }

    String text() {
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    /** What has arrived so far, without waiting for the end. */
    String soFar() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
