package io.github.httpswrapper.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A tiny plain-HTTP site, served on {@code 127.0.0.1} at a free port, for trying https-wrapper before pointing
 * it at a real service. Every path answers a page that shows the path asked for and the time; {@code /hello}
 * answers one line of text, handy for {@code curl}.
 */
final class DemoSite implements AutoCloseable {
  private final HttpServer server;

  private DemoSite(HttpServer server) {
    this.server = server;
  }

  /** Starts the site on a free loopback port. */
  static DemoSite start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", DemoSite::handle);
      server.start();
      return new DemoSite(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo site on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  /** Where the site listens: the target the wrapper forwards to. */
  HostPort address() {
    InetSocketAddress address = server.getAddress();
    return new HostPort(address.getAddress().getHostAddress(), address.getPort());
  }

  /** Stops the site at once. */
  @Override
  public void close() {
    server.stop(0);
  }

  private static void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain", "The demo site answers GET and HEAD only.\n");
        return;
      }
      String path = exchange.getRequestURI().getRawPath();
      if (path.equals("/hello")) {
        send(exchange, 200, "text/plain", "Hello from the https-wrapper demo site, served through HTTPS.\n");
      } else {
        send(exchange, 200, "text/html", page(path));
      }
    } finally {
      exchange.close();
    }
  }

  private static String page(String path) {
    String now = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z"));
    return "<!DOCTYPE html>\n"
        + "<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>https-wrapper demo</title>\n"
        + "<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em;"
        + "line-height:1.5;color:#222}code{background:#f2f2f2;padding:.1em .3em;border-radius:3px}</style>\n"
        + "</head><body>\n"
        + "<h1>It works: this page came through HTTPS</h1>\n"
        + "<p>This is the demo site of <strong>https-wrapper</strong>. It speaks plain HTTP on this machine's "
        + "loopback address; https-wrapper put TLS in front of it, so your browser reached it over HTTPS.</p>\n"
        + "<p>You asked for <code>" + escape(path) + "</code> at " + escape(now) + ".</p>\n"
        + "<p>Plain text for scripts: <a href=\"/hello\"><code>/hello</code></a>.</p>\n"
        + "<p>To wrap your own service, stop this one and start again with its address, e.g. "
        + "<code>--target 127.0.0.1:4334</code>.</p>\n"
        + "</body></html>\n";
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
