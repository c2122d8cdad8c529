package io.github.httpswrapper.cli;

import io.github.httpswrapper.Users;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The command {@code java -jar https-wrapper.jar hash-password [--user NAME]}: reads a password and prints its
 * bcrypt hash, or {@code NAME:HASH}, a line for an htpasswd file. So that no password ever has to be typed on
 * a command line.
 *
 * <p>When standard input is a terminal the password is asked for twice without echo, also when standard output
 * is redirected ({@code hash-password --user alice >> users.htpasswd}); otherwise (a pipe, a file) the first line
 * of standard input is the password, read once. Exit codes: 0 printed, 1 standard input cannot be read, 2 bad
 * usage, an empty password, or two different passwords typed.
 */
final class HashPassword {
  /** The word that selects this command, first on the command line. */
  static final String COMMAND = "hash-password";

  /** Asks for a password without echo; {@code null} from it means the input ended (Ctrl-D). */
  interface Terminal {
    char[] readPassword(String prompt) throws IOException;
  }

  private HashPassword() {}

  /**
   * The terminal standard input comes from, or {@code null} when it is not one (a pipe, a file): the console
   * when standard output is a terminal too, else {@link EchoOffTerminal}, which asks on standard error.
   */
  static Terminal systemTerminal(InputStream in, PrintStream err) {
    Console console = consoleAtATerminal();
    return console != null ? console::readPassword : EchoOffTerminal.ofStandardInput(in, err);
  }

  /**
   * {@link System#console()} if standard input and output are both a terminal, else {@code null}. Since Java 22
   * it may return a console for redirected streams; {@code isTerminal()} (called reflectively, this code being
   * compiled for Java 17) tells them apart.
   */
  private static Console consoleAtATerminal() {
    Console console = System.console();
    if (console == null) {
      return null;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      if (!(Boolean) isTerminal.invoke(console)) {
        return null;
      }
    } catch (NoSuchMethodException e) {
      // Before Java 22 a console exists only at a terminal.
    } catch (ReflectiveOperationException e) {
      return null;
    }
    return console;
  }

  /**
   * Runs the command with {@code args} (the words after {@code hash-password}).
   *
   * @param terminal where to ask for the password, or {@code null} to read {@code in}
   * @return the exit code
   */
  static int run(String[] args, Terminal terminal, InputStream in, PrintStream out, PrintStream err) {
    String user = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.print(HelpText.HASH_PASSWORD);
        return Main.OK;
      }
      String value;
      if (arg.equals("--user")) {
        value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "";
      } else if (arg.startsWith("--user=")) {
        value = arg.substring("--user=".length());
      } else {
        return usage(err, "hash-password takes only --user NAME (and --help), not " + arg);
      }
      if (user != null) {
        return usage(err, "--user was given twice: hash-password makes one line, for one user");
      }
      if (value.isBlank()) {
        return usage(err, "--user needs a name, e.g. hash-password --user alice");
      }
      if (value.startsWith("#") || !value.chars().allMatch(c -> c > 0x20 && c != 0x7f && c != ':')) {
        return usage(err, "--user " + value + ": a user name has no spaces and no ':', and does not start with"
            + " #, e.g. --user alice");
      }
      user = value;
    }
    char[] password = null;
    try {
      password = terminal != null ? askTwice(terminal, err) : firstLine(in);
      if (password == null) {
        return Main.USAGE_ERROR;
      }
      if (password.length == 0) {
        err.println("https-wrapper: the password is empty: nothing to hash; give one");
        return Main.USAGE_ERROR;
      }
      out.println(user == null ? Users.hashPassword(password) : Users.htpasswdLine(user, password));
      out.flush();
      return Main.OK;
    } catch (IOException e) {
      err.println("https-wrapper: cannot read the password from standard input: " + e.getMessage());
      return Main.RUNTIME_ERROR;
    } catch (IllegalArgumentException e) {
      // The library refuses what bcrypt cannot hash faithfully (over 72 bytes); its message says so.
      err.println("https-wrapper: " + e.getMessage());
      return Main.USAGE_ERROR;
    } finally {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }

  /** The password typed twice; {@code null}, after saying why, when the two differ or input ended. */
  private static char[] askTwice(Terminal terminal, PrintStream err) throws IOException {
    char[] first = terminal.readPassword("Password: ");
    if (first == null || first.length == 0) {
      return first == null ? new char[0] : first;
    }
    char[] second = terminal.readPassword("Again: ");
    try {
      if (second == null || !Arrays.equals(first, second)) {
        Arrays.fill(first, '\0');
        err.println("https-wrapper: the two passwords differ: nothing printed; run it again");
        return null;
      }
      return first;
    } finally {
      if (second != null) {
        Arrays.fill(second, '\0');
      }
    }
  }

  /** The first line of {@code in}, without its line ending; empty when there is none. */
  private static char[] firstLine(InputStream in) throws IOException {
    char[] line = readLine(new InputStreamReader(in, StandardCharsets.UTF_8));
    return line == null ? new char[0] : line;
  }

  /**
   * The next line of {@code reader}, without its line ending, in an array that only the caller holds (so it can
   * clear it); {@code null} when the input has ended before it.
   */
  static char[] readLine(Reader reader) throws IOException {
    char[] line = new char[64];
    int length = 0;
    int c = reader.read();
    if (c == -1) {
      return null;
    }
    for (; c != -1 && c != '\n'; c = reader.read()) {
      if (length == line.length) {
        char[] bigger = Arrays.copyOf(line, length * 2);
        Arrays.fill(line, '\0');
        line = bigger;
      }
      line[length++] = (char) c;
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    char[] password = Arrays.copyOf(line, length);
    Arrays.fill(line, '\0');
    return password;
  }

  private static int usage(PrintStream err, String message) {
    err.println("https-wrapper: " + message);
    err.println("Try hash-password --help.");
    return Main.USAGE_ERROR;
  }
}
