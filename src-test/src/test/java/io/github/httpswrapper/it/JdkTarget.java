package io.github.httpswrapper.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A plain-HTTP target made with the JDK's own {@link HttpServer}, on loopback. */
final class JdkTarget implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private JdkTarget(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a target on a free loopback port that answers every path with {@code handler}. */
  static JdkTarget start(HttpHandler handler) throws IOException {
    return start(0, handler);
  }

  /** Starts a target on the given loopback port. */
  static JdkTarget start(int port, HttpHandler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(Ports.LOOPBACK, port), 50);
    ExecutorService executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    return new JdkTarget(server, executor);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Sends {@code status} with a text body and a content length. */
  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
