package io.github.httpswrapper.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks for a password on the terminal that standard input comes from, with echo turned off by {@code stty}: for
 * {@code hash-password --user alice >> users.htpasswd}, where standard output is a file but the keyboard is
 * still standard input.
 *
 * <p>{@link java.io.Console} cannot do it: on Java 17 {@link System#console()} is {@code null} unless both
 * standard input and standard output are a terminal, and since Java 22 the console it returns when one of them
 * is redirected says it is no terminal ({@code isTerminal()}). Read as it is, standard input would show the
 * password as it is typed, in canonical mode, with nothing on the screen to say a password is wanted. So {@code stty}, which works on the terminal it
 * finds on its own standard input, is run with this process's standard input: {@code stty -g} succeeds only when
 * that is a terminal, and prints the settings to put back afterwards. Prompts go to standard error, which stays
 * at the terminal when standard output is redirected. Where there is no {@code stty} (Windows), there is no such
 * terminal either, and standard input is read as before.
 */
final class EchoOffTerminal implements HashPassword.Terminal {
  private final String savedSettings;
  private final Reader in;
  private final PrintStream prompts;

  private EchoOffTerminal(String savedSettings, InputStream in, PrintStream prompts) {
    this.savedSettings = savedSettings;
    this.in = new InputStreamReader(in, StandardCharsets.UTF_8);
    this.prompts = prompts;
  }

  /**
   * The terminal on this process's standard input, or {@code null} when standard input is not a terminal (a
   * pipe, a file) or {@code stty} cannot be run.
   */
  static EchoOffTerminal ofStandardInput(InputStream in, PrintStream prompts) {
    String settings = stty("-g");
    return settings == null || settings.isBlank() ? null : new EchoOffTerminal(settings.strip(), in, prompts);
  }

  @Override
  public char[] readPassword(String prompt) throws IOException {
    if (stty("-echo") == null) {
      throw new IOException("cannot turn off echo on the terminal (stty -echo failed): pipe the password in"
          + " instead, e.g. printf '%s\\n' \"$PASSWORD\" | java -jar https-wrapper.jar hash-password");
    }
    // Ctrl-C while echo is off would otherwise leave the shell not showing what is typed.
    Thread restore = new Thread(() -> stty(savedSettings));
    Runtime.getRuntime().addShutdownHook(restore);
    try {
      // Echo is off before the prompt shows, so that nothing typed after the prompt can be echoed.
      prompts.print(prompt);
      prompts.flush();
      return HashPassword.readLine(in);
    } finally {
      stty(savedSettings);
      try {
        Runtime.getRuntime().removeShutdownHook(restore);
      } catch (IllegalStateException e) {
        // Shutting down already: the hook puts the settings back once more, which is harmless.
      }
      // The Enter that ended the line was not echoed either.
      prompts.println();
    }
  }

  /**
   * Runs {@code stty arguments} on this process's standard input; its output, or {@code null} when it failed
   * (standard input is not a terminal) or could not be run.
   */
  private static String stty(String... arguments) {
    List<String> command = new ArrayList<>(List.of("stty"));
    command.addAll(List.of(arguments));
    try {
      Process stty = new ProcessBuilder(command)
          .redirectInput(Redirect.INHERIT)
          .redirectError(Redirect.DISCARD)
          .start();
      String output = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return stty.waitFor() == 0 ? output : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
