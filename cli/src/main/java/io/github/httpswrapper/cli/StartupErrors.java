package io.github.httpswrapper.cli;

import java.net.BindException;
import java.util.Locale;

/**
 * One line for each way starting can fail. The library's messages (certificate material, address blocks) are
 * written to be shown as they are; failures to bind the port get a message here that says what to do.
 */
final class StartupErrors {
  private StartupErrors() {}

  static String describe(RuntimeException e, HostPort listen) {
    BindException bind = find(e, BindException.class);
    if (bind != null) {
      return bindFailure(bind, listen);
    }
    if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
      return forCommandLine(e.getMessage());
    }
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    return message + " (run again with --debug for the details)";
  }

  /**
   * The library's messages speak to programmers where a choice is made in code; the command line has no
   * such choice, so it offers its own way out instead.
   */
  private static String forCommandLine(String message) {
    String plaintext = ", or call allowPlaintext() to accept plaintext passwords";
    if (message != null && message.endsWith(plaintext)) {
      return message.substring(0, message.length() - plaintext.length())
          + ", or replace the line with what java -jar https-wrapper.jar hash-password --user NAME prints";
    }
    return message;
  }

  private static String bindFailure(BindException e, HostPort listen) {
    String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    String next = listen.port() == 65535 ? "8443" : String.valueOf(listen.port() + 1);
    String hostPrefix = listen.isIpv6() ? "[" + listen.host() + "]:" : listen.host() + ":";
    if (reason.contains("in use")) {
      return "cannot listen on " + listen + ": the port is in use by another program; stop it, or choose "
          + "another port, e.g. --listen " + hostPrefix + next;
    }
    if (reason.contains("assign") || reason.contains("not available")) {
      return "cannot listen on " + listen + ": " + listen.host() + " is not an address of this machine; use "
          + "127.0.0.1 (this machine only) or 0.0.0.0 (every address), e.g. --listen 0.0.0.0:" + listen.port();
    }
    if (reason.contains("permission") || reason.contains("access")) {
      return "cannot listen on " + listen + ": ports below 1024 need privileges; use a port such as 8443, e.g. "
          + "--listen " + hostPrefix + "8443";
    }
    return "cannot listen on " + listen + ": " + e.getMessage();
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
