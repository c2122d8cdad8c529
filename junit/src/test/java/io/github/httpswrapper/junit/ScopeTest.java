package io.github.httpswrapper.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.httpswrapper.HttpsWrapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * How long a wrapper lives: runs small test classes with the JUnit launcher, then checks which wrappers they saw
 * and that every one of them was closed, its temporary certificate directory deleted.
 */
@Timeout(60)
class ScopeTest {
  static final List<HttpsWrapper> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void forget() {
    seen.clear();
  }

  @Test
  void instanceFieldGivesEachTestItsOwnWrapperClosedAfterIt() throws Exception {
    run(PerTest.class);

    assertEquals(2, seen.size());
    assertNotSame(seen.get(0), seen.get(1));
    assertClosed(seen.get(0));
    assertClosed(seen.get(1));
  }

  @Test
  void staticFieldSharesOneWrapperClosedAfterTheClass() throws Exception {
    run(PerClass.class);

    assertEquals(2, seen.size());
    assertSame(seen.get(0), seen.get(1));
    assertClosed(seen.get(0));
  }

  @Test
  void staticFieldStartsAgainWhenTheClassRunsAgain() throws Exception {
    run(PerClass.class);
    run(PerClass.class);

    assertEquals(4, seen.size());
    assertNotSame(seen.get(0), seen.get(2));
    assertClosed(seen.get(2));
  }

  private static void run(Class<?> testClass) throws IOException {
    Set<Path> before = certificateDirectories();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(DiscoverySelectors.selectClass(testClass)).build(),
            listener);
    TestExecutionSummary summary = listener.getSummary();
    summary.getFailures().forEach(failure -> failure.getException().printStackTrace());
    assertEquals(2, summary.getTestsSucceededCount(), testClass.getSimpleName() + " tests passed");
    Set<Path> left = certificateDirectories();
    left.removeAll(before);
    assertEquals(Set.of(), left, "temporary certificate directories left behind");
  }

  private static Set<Path> certificateDirectories() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(file -> file.getFileName().toString().startsWith("https-wrapper-test"))
          .collect(Collectors.toCollection(HashSet::new));
    }
  }

  private static void assertClosed(HttpsWrapper wrapper) {
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", wrapper.port()).close());
  }

  private static void getThrough(HttpsWrapperExtension https) throws IOException, InterruptedException {
    HttpResponse<String> response =
        https.client().send(HttpRequest.newBuilder(https.uri()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals("GET /", response.body());
    seen.add(https.wrapper());
  }

  /** Run by the launcher only. */
  static class PerTest {
    final JdkTarget target = new JdkTarget();

    @RegisterExtension
    final HttpsWrapperExtension https = HttpsWrapperExtension.forTarget("127.0.0.1", target::port);

    @AfterEach
    void stop() {
      target.close();
    }

    @Test
    void first() throws Exception {
      getThrough(https);
    }

    @Test
    void second() throws Exception {
      getThrough(https);
    }
  }

  /** Run by the launcher only. */
  static class PerClass {
    static JdkTarget target;

    @RegisterExtension
    static final HttpsWrapperExtension https = HttpsWrapperExtension.forTarget("127.0.0.1", () -> target.port());

    @BeforeAll
    static void start() {
      target = new JdkTarget();
    }

    @AfterAll
    static void stop() {
      target.close();
    }

    @Test
    void first() throws Exception {
      getThrough(https);
    }

    @Test
    void second() throws Exception {
      getThrough(https);
    }
  }
}
