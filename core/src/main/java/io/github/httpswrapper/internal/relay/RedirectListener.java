package io.github.httpswrapper.internal.relay;

import static io.github.httpswrapper.internal.Closeables.closeQuietly;

import io.github.httpswrapper.internal.http.HttpException;
import io.github.httpswrapper.internal.http.HttpInput;
import io.github.httpswrapper.internal.http.HttpLimits;
import io.github.httpswrapper.internal.http.HttpsRedirect;
import io.github.httpswrapper.internal.http.OwnResponse;
import io.github.httpswrapper.internal.http.RequestHead;
import io.github.httpswrapper.internal.http.RequestParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional plain-HTTP port: every request gets a permanent redirect to the same URL on the HTTPS port,
 * except ACME HTTP-01 challenges ({@code /.well-known/acme-challenge/TOKEN}), which are answered here while a
 * certificate is being validated. Nothing is forwarded from here, and no password is ever asked for over plain
 * HTTP.
 */
final class RedirectListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedirectListener.class);
  private static final int READ_TIMEOUT_MILLIS = 10_000;
  private static final int MAX_OPEN = 256;
  private static final String ACME_CHALLENGE = "/.well-known/acme-challenge/";
  /** ACME tokens are base64url (RFC 8555 section 8.1). */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,256}");

  private final ServerSocket server;
  private final int httpsPort;
  private final String name;
  private final ExecutorService workers;
  private final HttpLimits limits;
  private final Function<String, Optional<String>> challenges;
  private final Semaphore open = new Semaphore(MAX_OPEN);
  private final Thread acceptor;
  private volatile boolean closed;

  private RedirectListener(
      ServerSocket server,
      int httpsPort,
      String name,
      HttpLimits limits,
      Function<String, Optional<String>> challenges) {
    this.server = server;
    this.httpsPort = httpsPort;
    this.name = name;
    this.workers = Workers.create(name + "-http", MAX_OPEN, 1);
    this.limits = limits;
    this.challenges = challenges;
    this.acceptor = new Thread(this::acceptLoop, name + "-redirect");
    this.acceptor.setDaemon(true);
  }

  /**
   * @param challenges the key authorization for an ACME HTTP-01 token being validated, if any
   */
  static RedirectListener start(
      String host,
      int port,
      int httpsPort,
      String name,
      HttpLimits limits,
      Function<String, Optional<String>> challenges) {
    ServerSocket server = null;
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(host, port), 128);
    } catch (IOException e) {
      closeQuietly(server);
      throw new UncheckedIOException(
          "cannot listen for plain HTTP on " + RelayConfig.hostPort(host, port) + ": " + e.getMessage()
              + " (choose another redirect port, or 0 for any free one)",
          e);
    }
    RedirectListener listener = new RedirectListener(server, httpsPort, name, limits, challenges);
    listener.acceptor.start();
    return listener;
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        log.warn("{} cannot accept plain-HTTP connections: {}", name, e.getMessage());
        sleepBriefly();
        continue;
      }
      if (!open.tryAcquire()) {
        closeQuietly(socket);
        continue;
      }
      try {
        workers.execute(() -> answer(socket));
      } catch (RejectedExecutionException e) {
        open.release();
        closeQuietly(socket);
      }
    }
  }

  private void answer(Socket socket) {
    try (socket) {
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      HttpInput in = new HttpInput(socket.getInputStream());
      OwnResponse response;
      try {
        RequestHead request = RequestParser.read(in, limits);
        if (request == null) {
          return;
        }
        if (request.path().startsWith(ACME_CHALLENGE)) {
          answerChallenge(socket, request.path().substring(ACME_CHALLENGE.length()));
          return;
        }
        response = HttpsRedirect.answer(request.method(), request.host(), request.target(), httpsPort);
      } catch (HttpException e) {
        response = OwnResponse.of(e.status(), "https-wrapper: " + e.getMessage()).closing();
      }
      response.writeTo(socket.getOutputStream());
      socket.shutdownOutput();
    } catch (IOException e) {
      log.debug("{} plain-HTTP connection ended: {}", name, e.toString());
    } finally {
      open.release();
    }
  }

  /** The key authorization exactly as the ACME server expects it (no trailing newline), or 404. */
  private void answerChallenge(Socket socket, String token) throws IOException {
    Optional<String> answer =
        TOKEN.matcher(token).matches() ? challenges.apply(token) : Optional.empty();
    byte[] body = answer.orElse("no such challenge").getBytes(StandardCharsets.US_ASCII);
    String head =
        (answer.isPresent() ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") + "\r\n"
            + "Content-Type: text/plain\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    socket.shutdownOutput();
    log.info("{} answered ACME challenge {} with {}", name, token, answer.isPresent() ? 200 : 404);
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    workers.shutdownNow();
    closeQuietly(server);
  }
}
