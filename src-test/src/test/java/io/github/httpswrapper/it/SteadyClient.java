package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A well-behaved client that keeps asking a healthy path while a test does something nasty to the same wrapper,
 * to prove that the nastiness stays with its own connection: every answer must be a {@code 200} with the
 * expected body, and answers must keep coming after the fault.
 */
final class SteadyClient implements AutoCloseable {
  private final HttpClient client;
  private final URI uri;
  private final String expectedBody;
  private final AtomicInteger served = new AtomicInteger();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;

  private SteadyClient(HttpClient client, URI uri, String expectedBody) {
    this.client = client;
    this.uri = uri;
    this.expectedBody = expectedBody;
    this.thread = new Thread(this::loop, "steady-client");
    thread.setDaemon(true);
  }

  /** Starts asking {@code uri} again and again; each answer must be {@code 200} with {@code expectedBody}. */
  static SteadyClient start(HttpClient client, URI uri, String expectedBody) throws InterruptedException {
    SteadyClient steady = new SteadyClient(client, uri, expectedBody);
    steady.thread.start();
    steady.awaitMoreServed(1);
    return steady;
  }

  private void loop() {
    while (!stopped) {
      try {
        HttpResponse<String> response =
            client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().equals(expectedBody)) {
          failures.add(response.statusCode() + " " + response.body());
        } else {
          served.incrementAndGet();
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (!stopped) {
          failures.add(e.toString());
        }
      }
    }
  }

  /** Waits until {@code count} more requests than now have been served; fails after 20 s or on any failure. */
  void awaitMoreServed(int count) throws InterruptedException {
    int target = served.get() + count;
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (served.get() < target) {
      assertTrue(failures.isEmpty(), "the steady client failed: " + failures);
      if (System.nanoTime() > deadline) {
        fail("the steady client was not served " + count + " more times within 20 s (served " + served + ")");
      }
      Thread.sleep(10);
    }
  }

  /** Asserts that the client was served a few more times after the fault, with no failure ever. */
  void assertStillServed() throws InterruptedException {
    awaitMoreServed(3);
    assertTrue(failures.isEmpty(), "the steady client failed: " + failures);
  }

  int served() {
    return served.get();
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Resources.close(client);
  }
}
