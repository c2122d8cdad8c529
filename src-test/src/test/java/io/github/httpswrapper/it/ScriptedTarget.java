package io.github.httpswrapper.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A raw TCP target on loopback that misbehaves on purpose: for each request head it reads, a {@link Script}
 * chosen by the test writes whatever bytes it likes (or none) and says whether the connection goes on. Where a
 * {@code HttpServer} would always frame its answers correctly, this one can stop in the middle of a body, send
 * garbage instead of a status line, or reset the connection.
 */
final class ScriptedTarget implements AutoCloseable {
  /** What the target does with one request; returns whether to read another request on the same connection. */
  interface Script {
    boolean answer(Socket connection, String requestHead) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final Script script;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

  private ScriptedTarget(ServerSocket server, Script script) {
    this.server = server;
    this.script = script;
    Thread acceptor = new Thread(this::acceptLoop, "scripted-target");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static ScriptedTarget start(Script script) throws IOException {
    return new ScriptedTarget(new ServerSocket(0, 4096, Ports.LOOPBACK), script);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Connections open right now. */
  int openConnections() {
    return connections.size();
  }

  /** The path of a request head ({@code GET /path HTTP/1.1 ...}). */
  static String path(String requestHead) {
    return requestHead.split(" ", 3)[1];
  }

  /** Writes {@code text} as ISO-8859-1 and flushes. */
  static void write(Socket connection, String text) throws IOException {
    connection.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    connection.getOutputStream().flush();
  }

  /** A complete {@code 200} with a content length; the connection stays open. */
  static boolean ok(Socket connection, String body) throws IOException {
    write(connection, "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    return true;
  }

  /** Closes with a TCP reset (SO_LINGER 0) instead of an orderly end of file. */
  static boolean reset(Socket connection) throws IOException {
    connection.setSoLinger(true, 0);
    connection.close();
    return false;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.add(socket);
        // small stacks: some tests hold thousands of connections open at once
        Thread serving = new Thread(null, () -> serve(socket), "scripted-target-connection", 256 * 1024);
        serving.setDaemon(true);
        serving.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      while (true) {
        String head;
        try {
          head = Http1.readHead(in);
        } catch (IOException e) {
          return; // the wrapper closed its end
        }
        if (!script.answer(socket, head)) {
          return;
        }
      }
    } catch (IOException e) {
      // the wrapper closed or reset the connection while the script wrote
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      connections.remove(socket);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : connections) {
      socket.close();
    }
  }
}
