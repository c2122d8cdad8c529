package io.github.httpswrapper.internal.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format 0.0.4 as this project writes it: every line is a HELP line, a
 * TYPE line (before the metric's samples, once), or a sample {@code name{label="value"} integer}; anything else
 * fails. Samples are returned keyed {@code name{label="value"}} exactly as written.
 */
public final class PrometheusLines {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") [^\\n]+");
  private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge)");
  /** A label value: anything but a quote, backslash or line feed, or one of those escaped. */
  private static final String VALUE = "(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*";
  private static final Pattern SAMPLE =
      Pattern.compile("(" + NAME + ")(\\{([a-zA-Z_][a-zA-Z0-9_]*)=\"(" + VALUE + ")\"\\})? (-?[0-9]+)");

  private PrometheusLines() {}

  /** The samples of {@code text}; throws {@link IllegalArgumentException} naming the first bad line. */
  public static Map<String, Long> parse(String text) {
    if (!text.endsWith("\n")) {
      throw new IllegalArgumentException("the exposition must end with a line feed");
    }
    Map<String, Long> samples = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, Boolean> helped = new LinkedHashMap<>();
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    for (String line : lines) {
      Matcher m;
      if ((m = HELP.matcher(line)).matches()) {
        if (helped.put(m.group(1), true) != null) {
          throw new IllegalArgumentException("second HELP for " + m.group(1));
        }
      } else if ((m = TYPE.matcher(line)).matches()) {
        if (types.put(m.group(1), m.group(2)) != null) {
          throw new IllegalArgumentException("second TYPE for " + m.group(1));
        }
      } else if ((m = SAMPLE.matcher(line)).matches()) {
        String name = m.group(1);
        String type = types.get(name);
        if (type == null) {
          throw new IllegalArgumentException("sample before its TYPE line: " + line);
        }
        if (type.equals("counter") != name.endsWith("_total")) {
          throw new IllegalArgumentException("counters, and only counters, end in _total: " + line);
        }
        if (!name.startsWith("https_wrapper_")) {
          throw new IllegalArgumentException("not prefixed https_wrapper_: " + line);
        }
        String key = m.group(2) == null ? name : name + "{" + m.group(3) + "=\"" + unescape(m.group(4)) + "\"}";
        if (samples.put(key, Long.parseLong(m.group(5))) != null) {
          throw new IllegalArgumentException("repeated sample: " + line);
        }
      } else {
        throw new IllegalArgumentException("not a HELP, TYPE or sample line: '" + line + "'");
      }
    }
    return samples;
  }

  private static String unescape(String value) {
    return value.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
  }
}
