package io.github.httpswrapper.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code testssl.sh --jsonfile} output: which check ({@code id}, e.g. {@code secure_client_renego}),
 * how bad ({@code severity}: {@code OK}, {@code INFO}, {@code LOW}, {@code MEDIUM}, {@code HIGH},
 * {@code CRITICAL}, or {@code WARN}/{@code DEBUG}/{@code FATAL} for the scan itself) and what it saw.
 */
record TestsslFinding(String id, String severity, String finding) {

  @Override
  public String toString() {
    return severity + " " + id + ": " + finding;
  }

  /**
   * Reads the file's flat JSON: an array of objects whose values are all strings. Just enough JSON for that, so
   * the tests need no JSON library; anything else fails with the offset where it went wrong.
   */
  static List<TestsslFinding> parse(String json) {
    Reader reader = new Reader(json);
    List<TestsslFinding> findings = new ArrayList<>();
    reader.expect('[');
    if (!reader.consume(']')) {
      do {
        Map<String, String> object = reader.object();
        findings.add(new TestsslFinding(object.get("id"), object.get("severity"), object.get("finding")));
      } while (reader.consume(','));
      reader.expect(']');
    }
    return findings;
  }

  private static final class Reader {
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    Map<String, String> object() {
      Map<String, String> fields = new LinkedHashMap<>();
      expect('{');
      if (!consume('}')) {
        do {
          String key = string();
          expect(':');
          fields.put(key, string());
        } while (consume(','));
        expect('}');
      }
      return fields;
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          char escaped = text.charAt(at++);
          switch (escaped) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'u' -> {
              out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
              at += 4;
            }
            default -> out.append(escaped); // \" \\ \/
          }
        } else {
          out.append(c);
        }
      }
      throw error("an unterminated string");
    }

    boolean consume(char c) {
      skipSpace();
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!consume(c)) {
        throw error("'" + c + "'");
      }
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private IllegalArgumentException error(String expected) {
      int end = Math.min(text.length(), at + 40);
      return new IllegalArgumentException(
          "testssl JSON: expected " + expected + " at offset " + at + ", found: " + text.substring(at, end));
    }
  }
}
