package io.github.httpswrapper;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures what slf4j-simple (the test binding) writes, by standing in for {@code System.err}, which it looks up
 * for every line; everything still reaches the real stream too. Close to restore it.
 */
final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  LogCapture() {
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (captured) {
              captured.write(b);
            }
            original.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (captured) {
              captured.write(b, off, len);
            }
            original.write(b, off, len);
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  /** Every captured line, as written (slf4j-simple prefixes "[thread] LEVEL logger - "). */
  List<String> lines() {
    String all;
    synchronized (captured) {
      all = captured.toString(StandardCharsets.UTF_8);
    }
    return List.of(all.split("\n", -1));
  }

  /** The messages of the lines of {@code logger}, without slf4j-simple's prefix. */
  List<String> messages(String logger) {
    String marker = " " + logger + " - ";
    List<String> out = new ArrayList<>();
    for (String line : lines()) {
      int at = line.indexOf(marker);
      if (at >= 0) {
        out.add(line.substring(at + marker.length()));
      }
    }
    return out;
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
