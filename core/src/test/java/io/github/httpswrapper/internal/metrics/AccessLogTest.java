package io.github.httpswrapper.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AccessLogTest {
  private static final long NOW_MILLIS = 1_795_881_600_123L; // 2026-11-28T16:00:00.123Z

  private static String line(String user, String method, String target) throws Exception {
    return AccessLog.line(NOW_MILLIS, 1_000_000L, 13_500_000L, InetAddress.getByName("192.168.1.20"), user,
        method, target, "HTTP/1.1", 200, 5120, "TLSv1.3");
  }

  @Test
  void aLineHasEveryFieldInOrder() throws Exception {
    assertEquals(
        "2026-11-28T16:00:00.123Z 192.168.1.20 alice \"GET /index.html?q=1 HTTP/1.1\" 200 5120 12 TLSv1.3",
        line("alice", "GET", "/index.html?q=1"));
  }

  @Test
  void missingFieldsAreDashes() throws Exception {
    assertEquals(
        "2026-11-28T16:00:00.123Z 192.168.1.20 - \"- - HTTP/1.1\" 200 5120 12 TLSv1.3", line(null, null, null));
  }

  @Test
  void lineBreaksAndTerminalEscapesInTheTargetAreWrittenAsHex() throws Exception {
    String forged = "/a\r\n2026-11-28T12:00:00.000Z 10.0.0.1 admin \"GET /secret HTTP/1.1\" 200 1 1 TLSv1.3";
    String written = line(null, "GET", forged + "\u001b[2K\u009b31m\u007f");
    assertFalse(written.chars().anyMatch(c -> c < 0x20 || c >= 0x7f), written);
    assertEquals(
        "2026-11-28T16:00:00.123Z 192.168.1.20 - \"GET /a\\x0d\\x0a2026-11-28T12:00:00.000Z 10.0.0.1 admin"
            + " \\\"GET /secret HTTP/1.1\\\" 200 1 1 TLSv1.3\\x1b[2K\\x9b31m\\x7f HTTP/1.1\" 200 5120 12 TLSv1.3",
        written);
  }

  @Test
  void anUnparsedRequestShowsItsRequestLineEscaped() throws Exception {
    assertEquals(
        "2026-11-28T16:00:00.123Z 192.168.1.20 - \"GET /a\\x1b[2K HTTP/1.1\" 200 5120 12 TLSv1.3",
        line(null, null, "GET /a\u001b[2K HTTP/1.1"));
  }

  @Test
  void aUserNameCannotAddAField() throws Exception {
    assertEquals(
        "2026-11-28T16:00:00.123Z 192.168.1.20 mallory\\x20200\\x22\\u263a \"GET / HTTP/1.1\" 200 5120 12 TLSv1.3",
        line("mallory 200\"\u263a", "GET", "/"));
  }
}
