package io.github.httpswrapper.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This program's version, written into {@code version.properties} by the build. */
final class Version {
  private Version() {}

  /** The version, e.g. {@code 0.1.0}; {@code unknown} if the build did not record it. */
  static String current() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "");
        if (!version.isEmpty() && !version.startsWith("${")) {
          return version;
        }
      }
    } catch (IOException e) {
      // fall through: a missing version must not stop the program
    }
    return "unknown";
  }
}
