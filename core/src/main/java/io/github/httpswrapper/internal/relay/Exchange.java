package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.internal.client.ForwardedHeaders;
import io.github.httpswrapper.internal.http.BodyFraming;
import io.github.httpswrapper.internal.http.ChunkedBody;
import io.github.httpswrapper.internal.http.CloseDelimitedBody;
import io.github.httpswrapper.internal.http.FixedBody;
import io.github.httpswrapper.internal.http.HttpException;
import io.github.httpswrapper.internal.http.HttpHeaders;
import io.github.httpswrapper.internal.http.HttpInput;
import io.github.httpswrapper.internal.http.OwnResponse;
import io.github.httpswrapper.internal.http.RequestHead;
import io.github.httpswrapper.internal.http.ResponseHead;
import io.github.httpswrapper.internal.http.ResponseParser;
import io.github.httpswrapper.internal.metrics.Metrics;
import io.github.httpswrapper.internal.metrics.RequestRecord;
import io.github.httpswrapper.internal.metrics.TargetErrors;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One allowed request and its response: the head is rewritten (forwarded headers set, hop-by-hop headers
 * dropped) and sent to the target, the body is copied with exact framing on a second thread while the
 * response (after any interim {@code 1xx}) is copied back, then the connection either waits for the next
 * request or ends.
 */
final class Exchange {
  private static final Logger log = LoggerFactory.getLogger(Exchange.class);
  /** How long a final response waits for its request's upload task to notice the body's end. */
  private static final long UPLOAD_SETTLE_MILLIS = 1000;
  private static final String[] REMOVED = ForwardedHeaders.REMOVED.toArray(new String[0]);
  private final RelayConnection connection;
  private final RelayConfig config;
  private final TargetLink target;
  private final HttpInput clientIn;
  private final TimedInput clientTiming;
  private final OutputStream clientOut;
  private final RequestHead request;
  private final InetAddress client;
  private final boolean fromTrustedProxy;
  private final long responseNanos;
  private boolean answered;
  private boolean retryOnFreshConnection;
  private int status;
  private long bodyBytes;
  private volatile long sentNanos;
  private volatile long uploadProgressNanos;
  private volatile boolean uploading;
  /** Whether the client connection carries another request; decided before the final response head. */
  private boolean keepsOpen;

  Exchange(
      RelayConnection connection,
      RelayConfig config,
      TargetLink target,
      HttpInput clientIn,
      TimedInput clientTiming,
      OutputStream clientOut,
      RequestHead request,
      InetAddress client,
      boolean fromTrustedProxy) {
    this.connection = connection;
    this.config = config;
    this.target = target;
    this.clientIn = clientIn;
    this.clientTiming = clientTiming;
    this.responseNanos = config.limits().responseTimeout().toNanos();
    this.clientOut = clientOut;
    this.request = request;
    this.client = client;
    this.fromTrustedProxy = fromTrustedProxy;
  }

  /**
   * Forwards the request and relays the response; then {@code record} gets the status and body size the
   * client was sent, if any.
   *
   * @return whether the client connection may carry another request
   */
  boolean run(RequestRecord record) throws IOException {
    try {
      return run();
    } finally {
      record.answered(status, bodyBytes);
    }
  }

  private boolean run() throws IOException {
    byte[] head = request.withHeaders(forwardedHeaders()).encode();
    if (!send(head)) {
      return false;
    }
    CompletableFuture<Void> upload;
    try {
      upload = hasBody() ? startUpload() : null;
    } catch (RejectedExecutionException e) {
      // A full platform-thread pool: the target has a head without its body, so that connection cannot be used.
      target.close();
      connection.metrics().limitReached(Reasons.NO_WORKER);
      if (connection.mayLog(Reasons.NO_WORKER)) {
        log.warn("{} answered 503 to {} {} {}: no worker thread available for the request body ({})",
            connection.name(), connection.source(), request.method(), request.path(), Reasons.NO_WORKER);
      }
      answer(OwnResponse.of(503, "https-wrapper: too busy; try again in a moment")
          .header("Retry-After", "1").closing());
      return false;
    }
    ResponseHead response = relayResponse(upload);
    if (response == null && retryOnFreshConnection) {
      // A kept-alive target connection was closed by the target while idle; a bodiless request is safe to
      // send once more on a new one (as browsers do).
      if (!send(head)) {
        return false;
      }
      response = relayResponse(null);
    }
    if (response == null) {
      return false;
    }
    if (upload != null && !uploadFinished(upload)) {
      return false;
    }
    if (!response.keepAlive()) {
      target.close();
    }
    return keepsOpen;
  }

  /**
   * Whether the client connection carries another request after this response. The target's own wish does not
   * decide it (its connection is closed and a new one opened for the next request), except that a body the
   * target ends by closing can only reach the client the same way.
   */
  private boolean clientKeepsOpen(ResponseHead response) {
    // A stopping wrapper sends its last response on each connection.
    return request.keepAlive() && response.framing() != BodyFraming.CLOSE_DELIMITED && !connection.stopping();
  }

  /** Opens (or reuses) the target connection and sends the head. */
  private boolean send(byte[] head) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        target.ensureOpen();
        target.out().write(head);
        target.out().flush();
        sentNanos = System.nanoTime();
        // The response head's deadline is the connection timer's (see relayResponse): an untimed read is cheaper.
        target.timing().untimed();
        return true;
      } catch (TargetUnavailableException e) {
        connection.metrics().targetError(TargetErrors.connecting(e.getCause()));
        log.warn("{} answered {} to {}: {}", connection.name(), e.status(), connection.source(), e.getMessage());
        answer(OwnResponse.of(e.status(), "https-wrapper: " + e.getMessage()).closing());
        return false;
      } catch (IOException e) {
        boolean wasReused = target.reused();
        target.close();
        if (!wasReused || attempt > 1) {
          connection.metrics().targetError(Metrics.TARGET_OTHER);
          answer(OwnResponse.of(502, "https-wrapper: cannot send the request to the target (" + e.getMessage() + ")").closing());
          return false;
        }
      }
    }
  }

  private HttpHeaders forwardedHeaders() {
    // Never strips Content-Length or Transfer-Encoding, even when "Connection" names them: the framing the
    // wrapper checked is the framing the target gets.
    HttpHeaders headers = request.headers().withoutHopByHop();
    // Also "X_Forwarded_For" and the like, which CGI-style targets read as the hyphenated name.
    headers = headers.withoutAnySpelling(REMOVED);
    if (!config.forwardAuthorization()) {
      headers = headers.without("Authorization");
    }
    List<ForwardedHeaders.Field> forwarded =
        ForwardedHeaders.compute(
            client,
            connection.source().getAddress(),
            fromTrustedProxy,
            request.host(),
            connection.localPort(),
            request.headers()::all);
    boolean upgrade = request.upgradeRequested();
    String[] added = new String[2 * forwarded.size() + (upgrade ? 4 : 0)];
    int at = 0;
    for (ForwardedHeaders.Field field : forwarded) {
      added[at++] = field.name();
      added[at++] = field.value();
    }
    if (upgrade) {
      added[at++] = "Connection";
      added[at++] = "upgrade";
      added[at++] = "Upgrade";
      added[at] = request.headers().first("Upgrade");
    }
    return headers.with(added);
  }

  private boolean hasBody() {
    return request.framing() != BodyFraming.NONE;
  }

  private CompletableFuture<Void> startUpload() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    OutputStream out = target.out();
    uploadProgressNanos = System.nanoTime();
    uploading = true;
    clientTiming.gaps(Reasons.REQUEST_BODY_TIMEOUT, config.limits().requestBodyTimeout().toNanos());
    LongConsumer progress = bytes -> uploadProgressNanos = System.nanoTime();
    connection.spawn(
        () -> {
          try {
            if (request.framing() == BodyFraming.CHUNKED) {
              ChunkedBody.copy(
                  clientIn, out, config.httpLimits(), progress, config.limits().maxRequestBodyBytes());
            } else {
              FixedBody.copy(clientIn, out, request.contentLength(), progress);
            }
            out.flush();
            uploadProgressNanos = System.nanoTime();
            uploading = false;
            done.complete(null);
          } catch (IOException | RuntimeException e) {
            uploading = false;
            done.completeExceptionally(e);
            // Wake the reader of the response: the request cannot be completed.
            target.close();
          }
        });
    return done;
  }

  /** Copies interim responses and the final response; {@code null} when the connection must end. */
  private ResponseHead relayResponse(CompletableFuture<Void> upload) throws IOException {
    while (true) {
      ResponseHead response;
      // The response may take the response timeout after the head was sent, or after the end of the request
      // body: the target may answer only once it has the whole body, and while the body flows, its own gap
      // timeout applies instead. The connection timer enforces it by closing the target connection.
      connection.watchTarget(
          () -> uploading
              ? System.nanoTime() + responseNanos
              : Math.max(sentNanos, uploadProgressNanos) + responseNanos);
      try {
        response = ResponseParser.read(target.in(), request.method(), config.httpLimits());
      } catch (IOException e) {
        failBeforeResponse(upload, connection.targetTimedOut() ? new RelayTimeout(Reasons.RESPONSE_TIMEOUT) : e);
        return null;
      } finally {
        connection.unwatchTarget();
      }
      if (response.interim()) {
        clientOut.write(response.encode());
        clientOut.flush();
        answered = true;
        sentNanos = System.nanoTime();
        continue;
      }
      if (response.switchingProtocols()) {
        if (!request.upgradeRequested()) {
          failBeforeResponse(upload, new HttpException(502, "Bad Gateway", "a 101 answer to a request that did not ask to upgrade"));
          return null;
        }
        status = response.status();
        tunnel(response);
        return null;
      }
      status = response.status();
      keepsOpen = clientKeepsOpen(response) && uploadSettled(upload);
      clientOut.write(forClient(response).encode());
      answered = true;
      target.timing().gaps(Reasons.RESPONSE_TIMEOUT, responseNanos);
      try {
        copyBody(response);
      } catch (RelayTimeout e) {
        // Never finish a body that did not finish: no last chunk, no padding; the client sees it cut.
        connection.metrics().limitReached(Reasons.RESPONSE_TIMEOUT);
        connection.metrics().targetError(Metrics.TARGET_TIMEOUT);
        target.close();
        if (connection.mayLog(Reasons.RESPONSE_TIMEOUT)) {
          log.warn("{} cut the response to {} {} {}: the target sent no body byte for {} ms ({})",
              connection.name(), connection.source(), request.method(), request.path(),
              config.limits().responseTimeout().toMillis(), e.reason());
        }
        connection.close();
        throw e;
      }
      clientOut.flush();
      return response;
    }
  }

  /**
   * The response head as the client gets it: the target's hop-by-hop fields ({@code Connection},
   * {@code Keep-Alive}, ...) describe the target's connection and are dropped; the wrapper says itself whether
   * the client connection stays open, since a client that is not told {@code close} sends its next request on
   * a connection about to end; HSTS added when asked for.
   */
  private ResponseHead forClient(ResponseHead response) {
    HttpHeaders headers = response.headers().withoutHopByHop();
    if (!keepsOpen) {
      headers = headers.with("Connection", "close");
    } else if (!"HTTP/1.1".equals(request.version())) {
      headers = headers.with("Connection", "keep-alive");
    }
    if (config.policy().hsts() != null) {
      headers =
          headers
              .without("Strict-Transport-Security")
              .with("Strict-Transport-Security", "max-age=" + config.policy().hsts().getSeconds());
    }
    return response.withHeaders(headers);
  }

  private void copyBody(ResponseHead response) throws IOException {
    OutputStream out =
        new FilterOutputStream(clientOut) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            bodyBytes += len;
            clientOut.write(b, off, len);
          }

          @Override
          public void write(int b) throws IOException {
            bodyBytes++;
            clientOut.write(b);
          }
        };
    switch (response.framing()) {
      case NONE:
        return;
      case LENGTH:
        FixedBody.copy(target.in(), out, response.contentLength());
        return;
      case CHUNKED:
        ChunkedBody.copy(target.in(), out, config.httpLimits());
        return;
      case CLOSE_DELIMITED:
        CloseDelimitedBody.copy(target.in(), out, bytes -> {});
        return;
      default:
        throw new AssertionError(response.framing());
    }
  }

  /**
   * After a {@code 101}: bytes both ways until either side is done, like the plain TCP relay, under the idle
   * timeout. The second direction starts before the {@code 101} is passed on, so that a full thread pool can
   * still be answered with {@code 503}.
   */
  private void tunnel(ResponseHead switching) throws IOException {
    if (!connection.enter(RelayConnection.Phase.TUNNEL)) {
      return;
    }
    clientTiming.untimed();
    target.timing().untimed();
    CompletableFuture<Void> up = new CompletableFuture<>();
    try {
      connection.spawn(
          () -> {
            try {
              Pump.copy(clientIn.asStream(), target.socket().getOutputStream(), connection);
              target.socket().shutdownOutput();
              up.complete(null);
            } catch (IOException | RuntimeException e) {
              up.completeExceptionally(e);
              connection.close();
            }
          });
    } catch (RejectedExecutionException e) {
      target.close();
      connection.metrics().limitReached(Reasons.NO_WORKER);
      if (connection.mayLog(Reasons.NO_WORKER)) {
        log.warn("{} answered 503 to {} {} {}: no worker thread available for the upgraded connection ({})",
            connection.name(), connection.source(), request.method(), request.path(), Reasons.NO_WORKER);
      }
      if (!answered) {
        answer(OwnResponse.of(503, "https-wrapper: too busy; try again in a moment")
            .header("Retry-After", "1").closing());
      }
      return;
    }
    clientOut.write(switching.encode());
    clientOut.flush();
    Pump.copy(target.in().asStream(), connection.clientOut(), connection);
    try {
      up.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.debug("{} upgraded connection from {} ended: {}", connection.name(), connection.source(), e.getCause().toString());
    }
  }

  private void failBeforeResponse(CompletableFuture<Void> upload, IOException cause) throws IOException {
    Throwable uploadFailure = upload != null && upload.isDone() ? failure(upload) : null;
    if (cause instanceof EOFException && !answered && !hasBody() && target.reused() && !retryOnFreshConnection) {
      target.close();
      retryOnFreshConnection = true;
      return;
    }
    retryOnFreshConnection = false;
    if (answered || connection.isClosed()) {
      // Part of a response went out already, or the wrapper is closing this connection: end it, so the client
      // sees the response incomplete rather than complete.
      return;
    }
    if (uploadFailure instanceof RelayTimeout) {
      connection.metrics().limitReached(Reasons.REQUEST_BODY_TIMEOUT);
      if (connection.mayLog(Reasons.REQUEST_BODY_TIMEOUT)) {
        log.info("{} answered 408 to {} {} {}: the request body paused for more than {} ms ({})",
            connection.name(), connection.source(), request.method(), request.path(),
            config.limits().requestBodyTimeout().toMillis(), Reasons.REQUEST_BODY_TIMEOUT);
      }
      answer(OwnResponse.of(408, "https-wrapper: the request body paused for more than "
          + config.limits().requestBodyTimeout().toMillis() + " ms").closing());
      return;
    }
    if (cause instanceof RelayTimeout) {
      connection.metrics().limitReached(Reasons.RESPONSE_TIMEOUT);
      connection.metrics().targetError(Metrics.TARGET_TIMEOUT);
      target.close();
      if (connection.mayLog(Reasons.RESPONSE_TIMEOUT)) {
        log.warn("{} answered 504 to {} {} {}: the target did not answer within {} ms ({})",
            connection.name(), connection.source(), request.method(), request.path(),
            config.limits().responseTimeout().toMillis(), Reasons.RESPONSE_TIMEOUT);
      }
      answer(OwnResponse.of(504, "https-wrapper: the target did not answer within "
          + config.limits().responseTimeout().toMillis() + " ms").closing());
      return;
    }
    if (uploadFailure instanceof HttpException) {
      HttpException bad = (HttpException) uploadFailure;
      if (bad.status() == 413) {
        connection.metrics().limitReached(Reasons.REQUEST_BODY_TOO_LARGE);
        target.close();
      }
      log.info("{} answered {} to {} {} {}: {}", connection.name(), bad.status(), connection.source(),
          request.method(), request.path(), bad.getMessage());
      answer(OwnResponse.of(bad.status(), "https-wrapper: " + bad.getMessage()).closing());
      return;
    }
    String why =
        cause instanceof EOFException
            ? "the target closed the connection without answering"
            : cause instanceof HttpException
                ? "the target sent a malformed response (" + cause.getMessage() + ")"
                : "the target connection failed (" + cause.getMessage() + ")";
    connection.metrics().targetError(TargetErrors.responding(cause));
    log.warn("{} answered 502 to {} {} {}: {}", connection.name(), connection.source(), request.method(),
        request.path(), why);
    answer(OwnResponse.of(502, "https-wrapper: " + why).closing());
  }

  private static Throwable failure(CompletableFuture<Void> upload) {
    try {
      upload.get();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  /**
   * Before a final response head: whether the request body has been copied to its end, waiting a moment for
   * the upload task, which may not have run again since the target read the last byte and answered. A body
   * still unfinished after that (the target answered without reading it all) ends the connection, and the head
   * says so.
   */
  private static boolean uploadSettled(CompletableFuture<Void> upload) {
    if (upload == null) {
      return true;
    }
    try {
      upload.get(UPLOAD_SETTLE_MILLIS, TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /** Whether the request body was read to its end, so the next request starts where it should. */
  private boolean uploadFinished(CompletableFuture<Void> upload) {
    if (!upload.isDone()) {
      // The target answered before reading the whole body (e.g. 413): the rest of it is unread.
      return false;
    }
    return failure(upload) == null;
  }

  private void answer(OwnResponse response) throws IOException {
    answered = true;
    status = response.status();
    bodyBytes = response.writeTo(clientOut);
  }

}
