package io.github.httpswrapper.internal.client;

import io.github.httpswrapper.internal.http.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses forwarding chains: {@code X-Forwarded-For} and the {@code for=} parameters of RFC 7239
 * {@code Forwarded}. Several header lines form one list, in order, as if joined with commas.
 *
 * <p>An entry that names no IP address (garbage, a host name, an empty list item, {@code unknown}, an obfuscated
 * identifier such as {@code _hidden}) becomes a {@link Hop} without address, which ends the walk there. A syntax
 * error in a {@code Forwarded} value makes the rest of that value unreadable, so it becomes one such entry in
 * place of everything from the error on.
 */
final class Hops {
  private static final int MAX_ENTRIES = 64;

  private Hops() {}

  /** The entries of {@code X-Forwarded-For} values, leftmost (the original client, if honest) first. */
  static List<Hop> xForwardedFor(List<String> values) {
    List<Hop> hops = new ArrayList<>();
    for (String value : values) {
      if (value == null || value.isBlank()) {
        continue;
      }
      for (String entry : value.split(",", -1)) {
        hops.add(Hop.parseNode(trimOws(entry), true, "X-Forwarded-For"));
      }
    }
    return capped(hops);
  }

  /** The {@code for=} nodes of {@code Forwarded} values, one per element, leftmost first. */
  static List<Hop> forwarded(List<String> values) {
    List<Hop> hops = new ArrayList<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        new ForwardedValue(value, hops).parse();
      }
    }
    return capped(hops);
  }

  /** Text safe to put in a log line: control characters escaped, long text cut. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < 80; i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 || c == 0x7F ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return text.length() > 80 ? out + "..." : out.toString();
  }

  private static List<Hop> capped(List<Hop> hops) {
    if (hops.size() <= MAX_ENTRIES) {
      return hops;
    }
    // Only the right end can matter: entries far to the left lie behind more proxies than anyone runs.
    List<Hop> kept = new ArrayList<>();
    kept.add(Hop.unusable("the chain has more than " + MAX_ENTRIES + " entries"));
    kept.addAll(hops.subList(hops.size() - MAX_ENTRIES, hops.size()));
    return kept;
  }

  private static String trimOws(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** One {@code Forwarded} value, read left to right per RFC 7239 section 4. */
  private static final class ForwardedValue {
    private final String text;
    private final List<Hop> out;
    private int at;

    ForwardedValue(String text, List<Hop> out) {
      this.text = text;
      this.out = out;
    }

    void parse() {
      while (true) {
        String forNode = null;
        boolean sawFor = false;
        skipOws();
        while (true) {
          if (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != ';') {
            String name = token();
            if (name == null || !consume('=')) {
              fail();
              return;
            }
            String value = at < text.length() && text.charAt(at) == '"' ? quoted() : token();
            if (value == null) {
              fail();
              return;
            }
            if (name.toLowerCase(Locale.ROOT).equals("for")) {
              if (sawFor) {
                out.add(Hop.unusable("Forwarded element has two for= parameters"));
                skipElement();
                break;
              }
              sawFor = true;
              forNode = value;
            }
          }
          skipOws();
          if (at < text.length() && text.charAt(at) == ';') {
            at++;
            skipOws();
            continue;
          }
          if (at < text.length() && text.charAt(at) != ',') {
            fail();
            return;
          }
          out.add(sawFor ? node(forNode) : Hop.unusable("Forwarded element without for="));
          break;
        }
        if (at >= text.length()) {
          return;
        }
        at++; // the comma
      }
    }

    private Hop node(String value) {
      if (value.equalsIgnoreCase("unknown")) {
        return Hop.unusable("Forwarded says for=unknown");
      }
      if (value.startsWith("_")) {
        return Hop.unusable("Forwarded for='" + printable(value) + "' is an obfuscated identifier");
      }
      return Hop.parseNode(value, false, "Forwarded for=");
    }

    private void fail() {
      out.add(Hop.unusable("Forwarded value '" + printable(text) + "' is malformed at character " + (at + 1)));
    }

    private void skipElement() {
      boolean quoted = false;
      for (; at < text.length(); at++) {
        char c = text.charAt(at);
        if (quoted && c == '\\') {
          at++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && c == ',') {
          return;
        }
      }
    }

    private String token() {
      int start = at;
      while (at < text.length() && Syntax.isTchar(text.charAt(at))) {
        at++;
      }
      return at == start ? null : text.substring(start, at);
    }

    private String quoted() {
      StringBuilder value = new StringBuilder();
      at++; // opening quote
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c == '\\') {
          if (at >= text.length()) {
            return null;
          }
          c = text.charAt(at++);
        }
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
          return null;
        }
        value.append(c);
      }
      return null;
    }

    private boolean consume(char c) {
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    private void skipOws() {
      while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
        at++;
      }
    }
  }
}
