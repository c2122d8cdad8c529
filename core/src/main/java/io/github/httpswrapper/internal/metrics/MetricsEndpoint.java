package io.github.httpswrapper.internal.metrics;

import static io.github.httpswrapper.internal.Closeables.closeQuietly;

import io.github.httpswrapper.internal.client.IpLiterals;
import io.github.httpswrapper.internal.http.HttpException;
import io.github.httpswrapper.internal.http.HttpInput;
import io.github.httpswrapper.internal.http.HttpLimits;
import io.github.httpswrapper.internal.http.OwnResponse;
import io.github.httpswrapper.internal.http.RequestHead;
import io.github.httpswrapper.internal.http.RequestParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional plain-HTTP endpoint for monitoring, on a loopback address only: {@code GET /metrics} answers the
 * counters in Prometheus text format, {@code GET /health} answers {@code 200 ok} while the wrapper serves and
 * {@code 503 stopping} once it is closing; anything else is {@code 404} ({@code 405} for other methods).
 *
 * <p>One thread answers one connection at a time, with {@code Connection: close} and a read deadline: a scraper
 * asks every few seconds, and a slow or stuck client on the same machine can delay the next scrape but never
 * the relay. Requests are read with the relay's strict parser.
 */
public final class MetricsEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsEndpoint.class);
  private static final int READ_TIMEOUT_MILLIS = 5_000;

  private final ServerSocket server;
  private final String name;
  private final Supplier<MetricsSnapshot> metrics;
  private final BooleanSupplier serving;
  private final Thread thread;
  private volatile boolean closed;

  private MetricsEndpoint(
      ServerSocket server, String name, Supplier<MetricsSnapshot> metrics, BooleanSupplier serving) {
    this.server = server;
    this.name = name;
    this.metrics = metrics;
    this.serving = serving;
    this.thread = new Thread(this::serve, name + "-metrics");
    this.thread.setDaemon(true);
  }

  /**
   * Checks that {@code host} is a loopback IP literal (or {@code localhost}); the endpoint has no password, so
   * it must never be reachable from another machine.
   *
   * @return the address to bind
   * @throws IllegalArgumentException otherwise, saying how to fix it
   */
  public static InetAddress loopback(String host) {
    InetAddress address =
        "localhost".equalsIgnoreCase(host) ? InetAddress.getLoopbackAddress() : IpLiterals.parse(host);
    if (address == null || !address.isLoopbackAddress()) {
      throw new IllegalArgumentException(
          "the metrics endpoint has no password, so it listens on a loopback address only (127.0.0.1 or ::1),"
              + " not " + host + ": scrape it on this machine, or reach it through an SSH tunnel");
    }
    return address;
  }

  /**
   * Binds {@code address:port} (port 0: any free one) and starts answering.
   *
   * @param serving whether the wrapper is serving (else {@code /health} answers 503)
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static MetricsEndpoint start(
      InetAddress address, int port, String name, Supplier<MetricsSnapshot> metrics, BooleanSupplier serving) {
    ServerSocket server = null;
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(address, port), 16);
    } catch (IOException e) {
      closeQuietly(server);
      throw new UncheckedIOException(
          "cannot listen for metrics on " + address.getHostAddress() + ":" + port + ": " + e.getMessage()
              + " (choose another metrics port, or 0 for any free one)",
          e);
    }
    MetricsEndpoint endpoint = new MetricsEndpoint(server, name, metrics, serving);
    endpoint.thread.start();
    return endpoint;
  }

  /** The bound port. */
  public int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!closed) {
      try (Socket socket = server.accept()) {
        answer(socket);
      } catch (IOException e) {
        if (!closed) {
          log.debug("{} metrics connection ended: {}", name, e.toString());
        }
      }
    }
  }

  private void answer(Socket socket) throws IOException {
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    RequestHead request;
    try {
      request = RequestParser.read(new HttpInput(socket.getInputStream(), 1024), HttpLimits.defaults());
    } catch (HttpException e) {
      write(socket.getOutputStream(), e.status(), "text/plain; charset=utf-8", e.getMessage() + "\n", true);
      return;
    }
    if (request == null) {
      return;
    }
    boolean head = request.method().equals("HEAD");
    OutputStream out = socket.getOutputStream();
    if (!request.path().equals("/metrics") && !request.path().equals("/health")) {
      write(out, 404, "text/plain; charset=utf-8", "not found: try /metrics or /health\n", !head);
    } else if (!head && !request.method().equals("GET")) {
      write(out, 405, "text/plain; charset=utf-8", "only GET and HEAD\n", true);
    } else if (request.path().equals("/metrics")) {
      write(out, 200, PrometheusText.CONTENT_TYPE, PrometheusText.render(metrics.get()), !head);
    } else if (serving.getAsBoolean()) {
      write(out, 200, "text/plain; charset=utf-8", "ok\n", !head);
    } else {
      write(out, 503, "text/plain; charset=utf-8", "stopping\n", !head);
    }
    socket.shutdownOutput();
  }

  private static void write(OutputStream out, int status, String contentType, String body, boolean withBody)
      throws IOException {
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
            + (status == 405 ? "Allow: GET, HEAD\r\n" : "")
            + "Content-Type: " + contentType + "\r\n"
            + "Content-Length: " + content.length + "\r\n"
            + "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    if (withBody) {
      out.write(content);
    }
    out.flush();
  }

  private static String reason(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 404:
        return "Not Found";
      default:
        return OwnResponse.reasonPhrase(status);
    }
  }

  /** Stops listening; a scrape being answered is cut. Idempotent. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
