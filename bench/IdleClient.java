import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Opens N TLS connections to 127.0.0.1:PORT, completes each handshake, sends nothing and holds them
 * all open; prints "ready OPENED FAILED" once done and then sleeps until it is killed. The benchmark
 * reads the server's memory before and after. Certificates are not checked (a loopback benchmark).
 * Run: {@code java IdleClient.java PORT N [THREADS]}.
 */
public final class IdleClient {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int n = Integer.parseInt(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    TrustManager trustAll = new X509TrustManager() {
      @Override public void checkClientTrusted(X509Certificate[] chain, String type) { }
      @Override public void checkServerTrusted(X509Certificate[] chain, String type) { }
      @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll}, null);
    List<Socket> held = new ArrayList<>(n);
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < n; i++) {
      pool.execute(() -> {
        try {
          Socket plain = new Socket();
          plain.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
          SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, "localhost", port, true);
          tls.setSoTimeout(10_000);
          tls.startHandshake();
          synchronized (held) {
            held.add(tls);
          }
        } catch (Exception e) {
          if (failed.incrementAndGet() == 1) {
            System.err.println("first failure: " + e);
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
    synchronized (held) {
      System.out.println("ready " + held.size() + " " + failed.get());
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
