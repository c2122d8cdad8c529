package io.github.httpswrapper.cli;

import io.github.httpswrapper.HttpsWrapper;
import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * A running wrapper, and the demo site behind it when there is one. {@link #close()} stops both, once, and
 * prints one line; {@link #awaitClosed()} lets the main thread wait for that.
 */
final class Session implements AutoCloseable {
  private final HttpsWrapper wrapper;
  private final URI uri;
  private final DemoSite demo;
  private final PrintStream out;
  private final CountDownLatch closed = new CountDownLatch(1);

  /** A session for {@code wrapper}, shown to people as {@code uri}; {@code demo} may be {@code null}. */
  Session(HttpsWrapper wrapper, URI uri, DemoSite demo, PrintStream out) {
    this.wrapper = wrapper;
    this.uri = uri;
    this.demo = demo;
    this.out = out;
  }

  /** The running wrapper. */
  HttpsWrapper wrapper() {
    return wrapper;
  }

  /** Blocks until {@link #close()} has finished. */
  void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /** Stops the wrapper (closing every open connection), then the demo site. Later calls do nothing. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed.getCount() == 0) {
        return;
      }
      try {
        wrapper.close();
      } finally {
        if (demo != null) {
          demo.close();
        }
        out.println("https-wrapper stopped; " + uri + " is no longer served.");
        out.flush();
        closed.countDown();
      }
    }
  }
}
