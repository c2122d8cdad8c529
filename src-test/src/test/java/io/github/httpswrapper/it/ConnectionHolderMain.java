package io.github.httpswrapper.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The clients of {@link ConcurrentConnectionsTest}, in a process of their own so that their sockets do not
 * count against the test's open-file limit: opens {@code count} TLS connections to {@code port} on 127.0.0.1
 * (from many loopback source addresses, see {@link ManyClients}), prints {@code HELD <count> <millis>} and waits
 * for a line on stdin; then sends one request on every connection (in batches, so that the target connections
 * the wrapper opens for them stay few) and prints {@code DONE <ok> <failed> <millis>}, and a sample of failures.
 *
 * <p>Usage: {@code ConnectionHolderMain <port> <certificate.pem> <count>}
 */
public final class ConnectionHolderMain {
  private static final int BATCH = 500;

  private ConnectionHolderMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    SSLContext trust = Trust.trusting(Path.of(args[1]));
    int count = Integer.parseInt(args[2]);
    InetSocketAddress server = new InetSocketAddress(Ports.LOOPBACK, port);

    long started = System.nanoTime();
    List<SSLSocket> sockets = open(count, trust, server);
    System.out.println("HELD " + sockets.size() + " " + millisSince(started));
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();

    long requested = System.nanoTime();
    int ok = 0;
    List<String> failures = new ArrayList<>();
    for (int from = 0; from < sockets.size(); from += BATCH) {
      List<SSLSocket> batch = sockets.subList(from, Math.min(sockets.size(), from + BATCH));
      for (SSLSocket socket : batch) {
        try {
          socket.getOutputStream().write(Http1.get("/held", port));
          socket.getOutputStream().flush();
        } catch (IOException e) {
          failures.add("sending: " + e);
        }
      }
      for (SSLSocket socket : batch) {
        try {
          InputStream in = socket.getInputStream();
          String head = Http1.readHead(in);
          String body = new String(in.readNBytes(Math.max(0, Http1.contentLength(head))), StandardCharsets.UTF_8);
          if (head.startsWith("HTTP/1.1 200 ") && body.equals("held")) {
            ok++;
          } else {
            failures.add(head.lines().findFirst().orElse("") + " " + body);
          }
        } catch (IOException e) {
          failures.add("receiving: " + e);
        } finally {
          socket.close();
        }
      }
    }
    System.out.println("DONE " + ok + " " + (count - ok) + " " + millisSince(requested));
    failures.stream().limit(10).forEach(f -> System.out.println("FAILURE " + f));
    System.out.flush();
  }

  private static List<SSLSocket> open(int count, SSLContext trust, InetSocketAddress server) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<SSLSocket>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> ManyClients.tls(index, trust, server)));
      }
      List<SSLSocket> sockets = new ArrayList<>();
      for (Future<SSLSocket> future : futures) {
        sockets.add(future.get(120, TimeUnit.SECONDS));
      }
      return sockets;
    } finally {
      pool.shutdown();
    }
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
