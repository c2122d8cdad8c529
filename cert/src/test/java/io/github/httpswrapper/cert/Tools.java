package io.github.httpswrapper.cert;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code openssl}, {@code curl} and {@code keytool} as a user would; a failure fails the test with its errors. */
final class Tools {
  private static final long TIMEOUT_SECONDS = 60;

  private Tools() {}

  /** Runs {@code openssl args...} in {@code dir}; returns its standard output. */
  static String openssl(Path dir, String... args) {
    return run(dir, "openssl", args);
  }

  /** Runs {@code curl args...} in {@code dir}; returns its standard output. */
  static String curl(Path dir, String... args) {
    return run(dir, "curl", args);
  }

  /** Runs the {@code keytool} of the JDK running the tests. */
  static String keytool(Path dir, String... args) {
    return run(dir, Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), args);
  }

  private static String run(Path dir, String program, String... args) {
    List<String> command = new ArrayList<>();
    command.add(program);
    command.addAll(List.of(args));
    try {
      // Output goes to files, so a command that hangs cannot block the test on a pipe; the timeout stays in charge.
      Path stdout = Files.createTempFile(dir, "stdout", ".txt");
      Path stderr = Files.createTempFile(dir, "stderr", ".txt");
      Process process = new ProcessBuilder(command)
          .directory(dir.toFile())
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile())
          .start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      String output = Files.readString(stdout);
      String errors = Files.readString(stderr);
      Files.delete(stdout);
      Files.delete(stderr);
      if (process.exitValue() != 0) {
        fail(String.join(" ", command) + " exited with " + process.exitValue() + ": " + errors);
      }
      return output;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + program + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + program, e);
    }
  }
}
