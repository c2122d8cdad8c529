package io.github.httpswrapper.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Path checks. Only {@link HttpException} 400 may escape. An accepted path is in the form rules are matched
 * against: after decoding it holds no dot segment, no empty segment, no encoded slash, backslash or control
 * character, and checking it again changes nothing.
 */
class PathsFuzzTest {
  @FuzzTest
  void checkedPath(byte[] data) {
    String raw = new String(data, StandardCharsets.ISO_8859_1);
    String checked;
    try {
      checked = Paths.checkedPath(raw);
    } catch (HttpException e) {
      assertEquals(400, e.status(), e.getMessage());
      return;
    }
    assertTrue(checked.startsWith("/"), checked);
    for (int i = 0; i < checked.length(); i++) {
      char c = checked.charAt(i);
      assertTrue(c > 0x20 && c < 0x7f && c != '\\', "character " + (int) c + " in " + checked);
    }
    String upper = checked.toUpperCase(Locale.ROOT);
    assertFalse(upper.contains("%2F") || upper.contains("%5C") || upper.contains("%00"), checked);
    assertFalse(upper.contains("%2E"), "an encoded dot survived: " + checked);

    String[] segments = checked.substring(1).split("/", -1);
    for (int i = 0; i < segments.length - 1; i++) {
      assertFalse(segments[i].isEmpty(), "empty segment in " + checked);
      assertFalse(segments[i].contains(";"), "parameter before the last segment in " + checked);
    }
    // Decoded the way any target decodes it, the path still has no segment a target would collapse, even one
    // that cuts parameters off after decoding.
    for (String segment : percentDecoded(checked).substring(1).split("/", -1)) {
      String name = segment.split(";", -1)[0];
      assertFalse(name.equals(".") || name.equals(".."), "dot segment in " + checked);
    }
    try {
      assertEquals(checked, Paths.checkedPath(checked), "checking is not idempotent");
    } catch (HttpException e) {
      throw new AssertionError("the checked path " + checked + " is refused when checked again", e);
    }
    assertTrue(Paths.hasPrefix(checked, checked));
    assertTrue(Paths.hasPrefix(checked, "/"));
  }

  private static String percentDecoded(String path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%') {
        out.append((char) Integer.parseInt(path.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
