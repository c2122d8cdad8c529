package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.internal.http.HttpException;
import io.github.httpswrapper.internal.http.HttpInput;
import io.github.httpswrapper.internal.http.HttpLimits;
import io.github.httpswrapper.internal.http.HttpsRedirect;
import io.github.httpswrapper.internal.http.OwnResponse;
import io.github.httpswrapper.internal.http.RequestHead;
import io.github.httpswrapper.internal.http.RequestParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional plain-HTTP port: every request gets a permanent redirect to the same URL on the HTTPS port.
 * Nothing is forwarded from here, and no password is ever asked for over plain HTTP.
 */
final class RedirectListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedirectListener.class);
  private static final int READ_TIMEOUT_MILLIS = 10_000;
  private static final int MAX_OPEN = 256;

  private final ServerSocket server;
  private final int httpsPort;
  private final String name;
  private final ExecutorService workers;
  private final HttpLimits limits;
  private final Semaphore open = new Semaphore(MAX_OPEN);
  private final Thread acceptor;
  private volatile boolean closed;

  private RedirectListener(
      ServerSocket server, int httpsPort, String name, ExecutorService workers, HttpLimits limits) {
    this.server = server;
    this.httpsPort = httpsPort;
    this.name = name;
    this.workers = workers;
    this.limits = limits;
    this.acceptor = new Thread(this::acceptLoop, name + "-redirect");
    this.acceptor.setDaemon(true);
  }

  static RedirectListener start(
      String host, int port, int httpsPort, String name, ExecutorService workers, HttpLimits limits) {
    ServerSocket server;
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(host, port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen for plain HTTP on " + RelayConfig.hostPort(host, port) + ": " + e.getMessage()
              + " (choose another redirect port, or 0 for any free one)",
          e);
    }
    RedirectListener listener = new RedirectListener(server, httpsPort, name, workers, limits);
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
        RelayConnection.closeQuietly(socket);
        continue;
      }
      try {
        workers.execute(() -> answer(socket));
      } catch (RejectedExecutionException e) {
        open.release();
        RelayConnection.closeQuietly(socket);
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
    try {
      server.close();
    } catch (IOException ignored) {
      // closing a listening socket fails only if it is already closed
    }
  }
}
