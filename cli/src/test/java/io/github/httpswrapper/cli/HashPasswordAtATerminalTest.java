package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * {@code hash-password} run in a real terminal, a pseudo-terminal that {@code script} (util-linux) opens, with the
 * keystrokes typed into it and everything the terminal shows recorded. Skipped where {@code script} or
 * {@code stty} is missing.
 */
@Timeout(120)
class HashPasswordAtATerminalTest {
  private static final String PASSWORD = "s3cret-Pa55";

  @TempDir Path dir;

  @Test
  void withOutputRedirectedToAFileThePasswordIsAskedTwiceAndNeverShown() throws Exception {
    Path file = dir.resolve("users.htpasswd");

    String screen = typeAtTerminal("hash-password --user alice >> " + quoted(file));

    assertFalse(screen.contains(PASSWORD), "the password showed on the terminal:\n" + screen);
    String line = Files.readString(file).strip();
    assertTrue(line.matches("alice:\\$2y\\$10\\$[./A-Za-z0-9]{53}"), line);
    assertTrue(BCrypt.checkpw(PASSWORD, line.substring("alice:".length())), line);
  }

  @Test
  void withNothingRedirectedThePasswordIsAskedTwiceAndNeverShown() throws Exception {
    String screen = typeAtTerminal("hash-password --user alice");

    assertFalse(screen.contains(PASSWORD), "the password showed on the terminal:\n" + screen);
    assertTrue(screen.contains("alice:$2y$10$"), screen);
  }

  /**
   * Runs the command line {@code arguments} (a shell command after {@code java Main}) at a new terminal, types
   * the password at each of the two prompts, and returns what the terminal showed.
   */
  private String typeAtTerminal(String arguments) throws Exception {
    Assumptions.assumeTrue(onPath("script") && onPath("stty"), "needs script (util-linux) and stty");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = quoted(java) + " -cp " + quoted(System.getProperty("java.class.path")) + " "
        + Main.class.getName() + " " + arguments;
    Process script = new ProcessBuilder("script", "--quiet", "--return", "--command", command, "/dev/null")
        .redirectErrorStream(true)
        .start();
    Screen screen = new Screen(script.getInputStream());
    try (OutputStream keyboard = script.getOutputStream()) {
      screen.await("Password: ");
      keyboard.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      screen.await("Again: ");
      keyboard.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      assertTrue(script.waitFor(60, TimeUnit.SECONDS), "still running:\n" + screen);
    } finally {
      script.destroyForcibly();
    }
    screen.reader.join(10_000);
    assertEquals(0, script.exitValue(), screen.toString());
    return screen.toString();
  }

  private static boolean onPath(String program) throws InterruptedException {
    try {
      return new ProcessBuilder("sh", "-c", "command -v " + program).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static String quoted(Object text) {
    return "'" + text.toString().replace("'", "'\\''") + "'";
  }

  /** Everything the terminal has shown so far, collected by a thread of its own. */
  private static final class Screen {
    private final StringBuilder text = new StringBuilder();
    /** Where the next {@link #await} starts looking. */
    private int consumed;
    final Thread reader;

    Screen(InputStream in) {
      reader = new Thread(() -> {
        byte[] buffer = new byte[1024];
        try {
          for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            synchronized (text) {
              text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
              text.notifyAll();
            }
          }
        } catch (IOException e) {
          // the process is gone: what was read is all there is
        }
      });
      reader.setDaemon(true);
      reader.start();
    }

    /** Waits until {@code expected} appears after what an earlier call waited for. */
    void await(String expected) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      synchronized (text) {
        while (text.indexOf(expected, consumed) < 0) {
          long left = deadline - System.nanoTime();
          if (left <= 0 || !reader.isAlive() && text.indexOf(expected, consumed) < 0) {
            fail("the terminal never showed \"" + expected + "\"; it showed:\n" + text);
          }
          text.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        consumed = text.indexOf(expected, consumed) + expected.length();
      }
    }

    @Override
    public String toString() {
      synchronized (text) {
        return text.toString();
      }
    }
  }
}
