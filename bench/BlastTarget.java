import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain-HTTP target for benchmarks that costs as little as possible: every request gets a response of the
 * size named in its path ({@code GET /bytes/1073741824}), written from one reused buffer. One thread per
 * connection, HTTP/1.1 keep-alive, loopback only. Run: {@code java BlastTarget.java PORT}.
 */
public final class BlastTarget {
  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    try (ServerSocket server = new ServerSocket(port, 512, InetAddress.getLoopbackAddress())) {
      System.out.println("listening on 127.0.0.1:" + server.getLocalPort());
      while (true) {
        Socket socket = server.accept();
        Thread t = new Thread(() -> serve(socket));
        t.setDaemon(true);
        t.start();
      }
    }
  }

  private static void serve(Socket socket) {
    byte[] chunk = new byte[64 * 1024];
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        long size = 100;
        String path = head.split(" ", 3)[1];
        if (path.startsWith("/bytes/")) {
          size = Long.parseLong(path.substring("/bytes/".length()));
        }
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + size
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        for (long left = size; left > 0; ) {
          int n = (int) Math.min(chunk.length, left);
          out.write(chunk, 0, n);
          left -= n;
        }
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      // the client went away
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      head.append((char) b);
      if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
        return head.toString();
      }
    }
    return null;
  }
}
