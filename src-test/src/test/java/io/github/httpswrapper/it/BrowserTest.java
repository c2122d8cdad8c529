package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.Users;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story told by a real browser: headless Chromium, driven by {@code browser/story.mjs} (Playwright's
 * {@code playwright-core}, pointed at the system's {@code /usr/bin/chromium}), visits a site behind the wrapper.
 *
 * <p>Trust is what a user does: the wrapper serves a certificate from its local CA, and the CA's root
 * ({@code <state-dir>/local-ca/root-certificate.pem}) is imported into the browser's certificate store, the NSS
 * database {@code $HOME/.pki/nssdb} that Chromium reads on Linux, with the {@code certutil} command the wrapper's
 * own trust hint prints. The browser ignores no certificate error; a control visit with an empty store must fail.
 *
 * <p>Needs {@code node} (20 or later), {@code npm ci} run in {@code browser/}, {@code /usr/bin/chromium} and
 * {@code certutil}; without them the tests are skipped, or fail when the system property
 * {@code https-wrapper.browser=required} says the machine must have them. The remote scenario also needs root and
 * iproute2 (see {@link RemoteHost}). Screenshots are left in {@code target/browser/<visit>.png}.
 */
@Timeout(120)
class BrowserTest {
  private static final Path BROWSER_DIRECTORY = Path.of("browser").toAbsolutePath();
  private static final Path STORY = BROWSER_DIRECTORY.resolve("story.mjs");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "browser").toAbsolutePath();
  private static final Duration STORY_TIMEOUT = Duration.ofSeconds(100);
  private static final String TITLE = "Browser story";
  private static final String HEADING = "Served through https-wrapper";
  private static final String PAGE =
      "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + TITLE + "</title></head>"
          + "<body style=\"font-family: sans-serif; margin: 3em\"><h1>" + HEADING + "</h1>"
          + "<p>A plain-HTTP site on loopback, reached by a browser over HTTPS.</p></body></html>";

  @TempDir Path directory;
  private JdkTarget site;
  private final List<AutoCloseable> opened = new ArrayList<>();

  /** Checked before each test, so that a machine without a browser reports each test as skipped, with why. */
  private static void browserIsInstalled() {
    Commands.Result node = tryRun("node", "--version");
    require(node != null && node.exitCode() == 0, "node is not installed");
    Matcher version = Pattern.compile("^v(\\d+)\\.").matcher(node.stdout().trim());
    require(version.find() && Integer.parseInt(version.group(1)) >= 20,
        "playwright-core needs node 20 or later, found " + node.stdout().trim());
    require(Files.isRegularFile(STORY), STORY + " is missing");
    require(Files.isRegularFile(BROWSER_DIRECTORY.resolve("node_modules/playwright-core/package.json")),
        "playwright-core is not installed: run npm ci in " + BROWSER_DIRECTORY);
    require(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing (Debian package chromium)");
    Commands.Result certutil = tryRun("certutil", "-H");
    require(certutil != null, "certutil is not installed (Debian package libnss3-tools)");
  }

  @BeforeEach
  void startSite() throws IOException {
    browserIsInstalled();
    site = JdkTarget.start(exchange -> {
      byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  @AfterEach
  void stopAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    if (site != null) {
      site.close();
    }
  }

  /** Scenario 1: the page loads over https, trusted through the local CA root in the browser's store. */
  @Test
  void pageLoadsOverHttpsTrustedThroughTheLocalCaRoot() {
    CertificateSource.LocalCa ca = localCa("localhost", "127.0.0.1");
    HttpsWrapper wrapper = open(HttpsWrapper.forTarget("127.0.0.1", site.port())
        .listen("127.0.0.1", 0).certificate(ca).start());
    String url = "https://localhost:" + wrapper.port() + "/";

    Map<String, Object> seen = single(story(homeTrusting(ca, "home"), List.of(visit("scenario1-https-local-ca", url))));

    assertPage(seen, url);
    assertEquals(List.of(), seen.get("redirects"), describe(seen));
    @SuppressWarnings("unchecked")
    Map<String, Object> security = (Map<String, Object>) seen.get("security");
    assertNotNull(security, describe(seen));
    assertTrue(String.valueOf(security.get("issuer")).startsWith("https-wrapper local CA"), describe(seen));

    // The control: the same browser without the root refuses the page, so nothing above ignored errors.
    Map<String, Object> untrusted =
        single(story(emptyHome("untrusted-home"), List.of(visit("scenario1-control-untrusted", url))));
    assertNotNull(untrusted.get("error"), "a browser without the root must refuse the page: " + describe(untrusted));
    assertTrue(String.valueOf(untrusted.get("error")).contains("ERR_CERT_AUTHORITY_INVALID"), describe(untrusted));
    assertNull(untrusted.get("status"), describe(untrusted));
  }

  /**
   * Scenario 2: a browser on another machine (a network namespace) is asked for a password; without one it sees
   * 401, with the right one it sees the page.
   */
  @Test
  void remoteBrowserNeedsThePassword() {
    RemoteHost remote = open(RemoteHost.create());
    String host = remote.hostAddress().getHostAddress();
    CertificateSource.LocalCa ca = localCa(host);
    Users users = Users.builder().user("alice", Users.hashPassword("secret".toCharArray())).build();
    HttpsWrapper wrapper = open(HttpsWrapper.forTarget("127.0.0.1", site.port())
        .listen(host, 0).certificate(ca).accessPolicy(AccessPolicy.localOpenRemotePassword(users)).start());
    String url = "https://" + host + ":" + wrapper.port() + "/";

    List<Map<String, Object>> seen = story(remote, homeTrusting(ca, "home"), List.of(
        visit("scenario2-remote-no-password", url),
        visit("scenario2-remote-wrong-password", url, "alice", "wrong"),
        visit("scenario2-remote-with-password", url, "alice", "secret")));

    Map<String, Object> refused = seen.get(0);
    assertNull(refused.get("error"), describe(refused));
    assertEquals(401, number(refused.get("status")), describe(refused));
    assertTrue(String.valueOf(refused.get("finalUrl")).startsWith("https://"), describe(refused));
    assertTrue(String.valueOf(refused.get("text")).contains("password"), "no 401 page: " + describe(refused));
    assertTrue(!String.valueOf(refused.get("text")).contains(HEADING), "the site leaked: " + describe(refused));
    Map<String, Object> wrong = seen.get(1);
    assertNull(wrong.get("error"), describe(wrong));
    assertEquals(401, number(wrong.get("status")), describe(wrong));
    assertPage(seen.get(2), url);
    assertTrue(String.valueOf(((Map<?, ?>) seen.get(2).get("security")).get("issuer"))
        .startsWith("https-wrapper local CA"), describe(seen.get(2)));
  }

  /** Scenario 3: {@code http://} typed for the TLS port ends on the {@code https://} page, via the wrapper's 301. */
  @Test
  void plainHttpOnTheTlsPortEndsOnTheHttpsPage() {
    CertificateSource.LocalCa ca = localCa("localhost", "127.0.0.1");
    HttpsWrapper wrapper = open(HttpsWrapper.forTarget("127.0.0.1", site.port())
        .listen("127.0.0.1", 0).certificate(ca).start());
    String plain = "http://localhost:" + wrapper.port() + "/";
    String secure = "https://localhost:" + wrapper.port() + "/";

    Map<String, Object> seen =
        single(story(homeTrusting(ca, "home"), List.of(visit("scenario3-http-to-https", plain))));

    assertPage(seen, secure);
    Map<String, Object> redirect = new LinkedHashMap<>();
    redirect.put("url", plain);
    redirect.put("status", 301L);
    assertEquals(List.of(redirect), seen.get("redirects"), describe(seen));
  }

  // --- the site, the certificate and the browser's store ---------------------------------------------------

  private CertificateSource.LocalCa localCa(String... names) {
    return CertificateSource.localCa().stateDirectory(directory.resolve("state")).names(names);
  }

  /** A HOME whose NSS database trusts the local CA's root to identify web sites, as the trust hint tells. */
  private Path homeTrusting(CertificateSource.LocalCa ca, String name) {
    Path home = emptyHome(name);
    Path root = ca.rootCertificateFile();
    assertTrue(Files.isRegularFile(root), "the wrapper made no root at " + root);
    certutil("-A", "-d", "sql:" + home.resolve(".pki/nssdb"), "-t", "C,,", "-n", "https-wrapper local CA",
        "-i", root.toString());
    return home;
  }

  /** A HOME with an empty NSS database: Chromium trusts only its built-in roots there. */
  private Path emptyHome(String name) {
    Path home = directory.resolve(name);
    try {
      Files.createDirectories(home.resolve(".pki/nssdb"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    certutil("-N", "-d", "sql:" + home.resolve(".pki/nssdb"), "--empty-password");
    return home;
  }

  private static void certutil(String... args) {
    List<String> command = new ArrayList<>(List.of("certutil"));
    command.addAll(List.of(args));
    Commands.run(Duration.ofSeconds(20), command).requireSuccess();
  }

  // --- running story.mjs -----------------------------------------------------------------------------------

  private static Map<String, Object> visit(String name, String url) {
    Map<String, Object> visit = new LinkedHashMap<>();
    visit.put("name", name);
    visit.put("url", url);
    return visit;
  }

  private static Map<String, Object> visit(String name, String url, String user, String password) {
    Map<String, Object> visit = visit(name, url);
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("username", user);
    credentials.put("password", password);
    visit.put("credentials", credentials);
    return visit;
  }

  private List<Map<String, Object>> story(Path home, List<Map<String, Object>> visits) {
    return story(null, home, visits);
  }

  /** Runs story.mjs (inside {@code remote}'s namespace when given) and returns what it saw, one map per visit. */
  private List<Map<String, Object>> story(RemoteHost remote, Path home, List<Map<String, Object>> visits) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("chromium", CHROMIUM.toString());
    plan.put("home", home.toString());
    plan.put("screenshots", SCREENSHOTS.toString());
    plan.put("visits", visits);
    Path planFile = directory.resolve("plan-" + visits.get(0).get("name") + ".json");
    try {
      Files.writeString(planFile, Json.write(plan));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = List.of("node", STORY.toString(), planFile.toString());
    Commands.Result result =
        remote == null ? Commands.run(STORY_TIMEOUT, command) : remote.run(STORY_TIMEOUT, command);
    result.requireSuccess();
    List<Map<String, Object>> seen = new ArrayList<>();
    for (String line : result.stdout().lines().filter(l -> l.startsWith("{")).toList()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> one = (Map<String, Object>) Json.read(line);
      seen.add(one);
    }
    assertEquals(visits.size(), seen.size(), "story.mjs reported fewer visits than planned\n" + result);
    for (Map<String, Object> one : seen) {
      assertTrue(Files.isRegularFile(Path.of((String) one.get("screenshot"))), "no screenshot: " + describe(one));
    }
    return seen;
  }

  private static Map<String, Object> single(List<Map<String, Object>> seen) {
    assertEquals(1, seen.size());
    return seen.get(0);
  }

  private static void assertPage(Map<String, Object> seen, String expectedUrl) {
    assertNull(seen.get("error"), describe(seen));
    assertEquals(200, number(seen.get("status")), describe(seen));
    assertEquals(expectedUrl, seen.get("finalUrl"), describe(seen));
    assertTrue(expectedUrl.startsWith("https://"), expectedUrl);
    assertEquals(TITLE, seen.get("title"), describe(seen));
    assertEquals(HEADING, seen.get("heading"), describe(seen));
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : -1;
  }

  private static String describe(Map<String, Object> seen) {
    return "the browser saw " + Json.write(seen);
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.add(resource);
    return resource;
  }

  private static Commands.Result tryRun(String... command) {
    try {
      return Commands.run(Duration.ofSeconds(10), List.of(command));
    } catch (UncheckedIOException e) {
      return null;
    }
  }

  /** Skips the tests when {@code condition} is false, or fails them where browsers are required. */
  private static void require(boolean condition, String message) {
    if (!condition) {
      if ("required".equals(System.getProperty("https-wrapper.browser"))) {
        fail(message + " (https-wrapper.browser=required)");
      }
      Assumptions.abort(message);
    }
  }

  /** Just enough JSON for the plan and story.mjs's report: objects, arrays, strings, numbers, booleans, null. */
  static final class Json {
    private final String text;
    private int at;

    private Json(String text) {
      this.text = text;
    }

    static Object read(String text) {
      Json json = new Json(text);
      Object value = json.value();
      json.space();
      if (json.at != text.length()) {
        throw json.error("trailing text");
      }
      return value;
    }

    static String write(Object value) {
      StringBuilder out = new StringBuilder();
      write(value, out);
      return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
      if (value == null || value instanceof Boolean || value instanceof Number) {
        out.append(value);
      } else if (value instanceof Map<?, ?> map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.append(first ? "" : ",");
          first = false;
          write(String.valueOf(e.getKey()), out);
          out.append(':');
          write(e.getValue(), out);
        }
        out.append('}');
      } else if (value instanceof List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ",");
          write(list.get(i), out);
        }
        out.append(']');
      } else {
        out.append('"');
        for (char c : value.toString().toCharArray()) {
          switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
              if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
              } else {
                out.append(c);
              }
            }
          }
        }
        out.append('"');
      }
    }

    private Object value() {
      space();
      if (at >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(at);
      switch (c) {
        case '{' -> {
          at++;
          Map<String, Object> map = new LinkedHashMap<>();
          space();
          if (peek('}')) {
            return map;
          }
          do {
            space();
            String key = string();
            space();
            expect(':');
            map.put(key, value());
            space();
          } while (peek(','));
          expect('}');
          return map;
        }
        case '[' -> {
          at++;
          List<Object> list = new ArrayList<>();
          space();
          if (peek(']')) {
            return list;
          }
          do {
            list.add(value());
            space();
          } while (peek(','));
          expect(']');
          return list;
        }
        case '"' -> {
          return string();
        }
        default -> {
          for (String word : List.of("true", "false", "null")) {
            if (text.startsWith(word, at)) {
              at += word.length();
              return word.equals("null") ? null : Boolean.valueOf(word);
            }
          }
          int start = at;
          while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
          }
          String number = text.substring(start, at);
          if (number.isEmpty()) {
            throw error("unexpected character");
          }
          return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : (Object) Double.valueOf(number);
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        if (at >= text.length()) {
          throw error("unterminated string");
        }
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = text.charAt(at++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> out.append(e); // \" \\ \/
        }
      }
    }

    private void space() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private boolean peek(char c) {
      if (at < text.length() && text.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(what + " at " + at + " in " + text);
    }
  }
}
