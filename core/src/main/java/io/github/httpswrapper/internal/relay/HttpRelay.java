package io.github.httpswrapper.internal.relay;

import io.github.httpswrapper.internal.access.Decision;
import io.github.httpswrapper.internal.access.PolicyEvaluator;
import io.github.httpswrapper.internal.access.RequestFacts;
import io.github.httpswrapper.internal.client.ClientAddress;
import io.github.httpswrapper.internal.client.ClientTrust;
import io.github.httpswrapper.internal.http.BodyFraming;
import io.github.httpswrapper.internal.http.HttpException;
import io.github.httpswrapper.internal.http.HttpInput;
import io.github.httpswrapper.internal.http.OwnResponse;
import io.github.httpswrapper.internal.http.Paths;
import io.github.httpswrapper.internal.http.RequestHead;
import io.github.httpswrapper.internal.http.RequestParser;
import io.github.httpswrapper.internal.metrics.RequestRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP-aware stage: reads each request head on the client connection, decides it with the access policy,
 * answers refusals itself, and forwards allowed requests to the target one at a time, so that no request on a
 * keep-alive connection escapes the check and the wrapper's own answers never land inside a target's response.
 */
final class HttpRelay implements ConnectionHandler {
  private static final Logger log = LoggerFactory.getLogger(HttpRelay.class);

  private final RelayConfig config;
  private final PolicyEvaluator policy;

  HttpRelay(RelayConfig config, PolicyEvaluator policy) {
    this.config = config;
    this.policy = policy;
  }

  @Override
  public void handle(RelayConnection connection) throws IOException {
    TimedInput timedIn = new TimedInput(connection.client(), connection.clientIn());
    // Buffers are lent only while bytes move: thousands of idle connections then cost little memory.
    HttpInput clientIn = HttpInput.lendingBuffer(timedIn);
    OutputStream clientOut = new LendingOutputStream(new TouchingOutputStream(connection.clientOut(), connection));
    X509Certificate[] clientCertificates = clientCertificates(connection);
    ClientTrust.Snapshot clientTrust = ClientTrust.checkedBy(connection.client().getSession());
    boolean fromTrustedProxy = config.trustedProxy(connection.peer().getAddress());
    TargetLink target = new TargetLink(connection);
    RequestRecord record = new RequestRecord(connection.metrics(), connection.client().getSession().getProtocol());
    long headNanos = config.limits().requestHeadTimeout().toNanos();
    try {
      // The first request's head is due a head timeout after the handshake; later ones may wait, idle, for the
      // keep-alive timeout, and are then due a head timeout after their first byte.
      timedIn.within(Reasons.REQUEST_HEAD_TIMEOUT, connection.establishedNanos() + headNanos);
      for (boolean first = true; ; first = false) {
        RequestHead request = null;
        String path;
        try {
          if (!first) {
            if (!connection.enter(RelayConnection.Phase.WAITING)) {
              return;
            }
            // The keep-alive timeout is the connection timer's (see RelayConnection): an untimed read is cheaper.
            timedIn.untimed();
            if (!awaitNextRequest(connection, clientIn)) {
              return;
            }
            if (!connection.enter(RelayConnection.Phase.HEAD)) {
              return;
            }
            timedIn.within(Reasons.REQUEST_HEAD_TIMEOUT, System.nanoTime() + headNanos);
          }
          request = RequestParser.read(clientIn, config.httpLimits());
          if (request == null) {
            return;
          }
          connection.touch();
          // "OPTIONS *" asks about the server as a whole, not a path.
          path = "*".equals(request.target()) ? "*" : Paths.checkedPath(request.path());
        } catch (RelayTimeout e) {
          connection.metrics().limitReached(e.reason());
          record.begin(connection.source().getAddress(), null);
          refuse(connection, record, clientOut,
              OwnResponse.of(408, "https-wrapper: the request head did not arrive within "
                  + config.limits().requestHeadTimeout().toMillis() + " ms").closing(),
              null, "the request head did not arrive in time (" + e.reason() + ")");
          connection.drainBeforeClose();
          return;
        } catch (HttpException e) {
          record.begin(connection.source().getAddress(), request, e.requestLine());
          refuse(connection, record, clientOut, OwnResponse.of(e.status(), "https-wrapper: " + e.getMessage()).closing(),
              null, e.getMessage());
          connection.drainBeforeClose();
          return;
        }
        if (!connection.enter(RelayConnection.Phase.EXCHANGE)) {
          return;
        }
        InetAddress client = clientAddress(connection, request, fromTrustedProxy);
        record.begin(client, request);
        Decision decision =
            policy.decide(
                new RequestFacts(
                    client,
                    request.method(),
                    path,
                    request.headers().first("Authorization"),
                    clientCertificates,
                    clientTrust));
        if (!decision.allowed()) {
          connection.metrics().denied(decision.rule());
          boolean keepOpen = request.keepAlive() && !request.hasBody() && !connection.stopping();
          OwnResponse answer = refusal(decision);
          refuse(connection, record, clientOut, keepOpen ? answer : answer.closing(), request, decision.reason());
          if (!keepOpen) {
            connection.drainBeforeClose();
            return;
          }
          continue;
        }
        if (request.framing() == BodyFraming.LENGTH
            && request.contentLength() > config.limits().maxRequestBodyBytes()) {
          connection.metrics().limitReached(Reasons.REQUEST_BODY_TOO_LARGE);
          refuse(connection, record, clientOut,
              OwnResponse.of(413, "https-wrapper: the request body is larger than "
                  + config.limits().maxRequestBodyBytes() + " bytes").closing(),
              request, "Content-Length " + request.contentLength() + " is above the limit ("
                  + Reasons.REQUEST_BODY_TOO_LARGE + ")");
          connection.drainBeforeClose();
          return;
        }
        record.user(decision.user());
        Exchange exchange =
            new Exchange(connection, config, target, clientIn, timedIn, clientOut, request, client, fromTrustedProxy);
        if (!exchange.run(record)) {
          clientOut.flush();
          connection.drainBeforeClose();
          return;
        }
      }
    } finally {
      target.close();
    }
  }

  /**
   * Waits, idle, for the first byte of the next request.
   *
   * @return {@code false} when the connection should end: the client closed it, or the keep-alive timeout passed
   *     (closed silently, as nginx and haproxy do: the client simply opens a new connection)
   */
  private static boolean awaitNextRequest(RelayConnection connection, HttpInput clientIn) throws IOException {
    try {
      return clientIn.peek() >= 0;
    } catch (IOException e) {
      if (!connection.isClosed() || connection.stopping()) {
        throw e;
      }
      // The timer closed the connection: it waited, idle, for the keep-alive timeout.
      connection.metrics().limitReached(Reasons.KEEP_ALIVE_TIMEOUT);
      log.debug("{} closing idle connection from {} ({})", connection.name(), connection.source(),
          Reasons.KEEP_ALIVE_TIMEOUT);
      return false;
    }
  }

  private InetAddress clientAddress(RelayConnection connection, RequestHead request, boolean fromTrustedProxy) {
    InetAddress source = connection.source().getAddress();
    if (!fromTrustedProxy) {
      return source;
    }
    return ClientAddress.resolve(
        source,
        config.trustedProxies(),
        request.headers().all("X-Forwarded-For"),
        request.headers().all("Forwarded"));
  }

  private OwnResponse refusal(Decision decision) {
    switch (decision.status()) {
      case 401:
        OwnResponse unauthorized =
            OwnResponse.of(
                401,
                decision.challenge() != null
                    ? "https-wrapper: a user name and password are needed"
                    : "https-wrapper: a client certificate is needed");
        return decision.challenge() == null
            ? unauthorized
            : unauthorized.header("WWW-Authenticate", decision.challenge());
      case 429:
        return OwnResponse.of(429, "https-wrapper: too many failed logins; try again later")
            .header("Retry-After", Long.toString(decision.retryAfterSeconds()));
      default:
        return OwnResponse.of(decision.status(), "https-wrapper: access denied");
    }
  }

  private void refuse(
      RelayConnection connection,
      RequestRecord record,
      OutputStream out,
      OwnResponse response,
      RequestHead request,
      String reason)
      throws IOException {
    OwnResponse withHsts =
        config.policy().hsts() == null
            ? response
            : response.header("Strict-Transport-Security", "max-age=" + config.policy().hsts().getSeconds());
    if (connection.mayLog("answer")) {
      log.info(
          "{} answered {} to {} {} {}: {}",
          connection.name(),
          response.status(),
          connection.source(),
          request == null ? "-" : request.method(),
          request == null ? "-" : request.path(),
          reason);
    }
    record.answered(response.status(), withHsts.writeTo(out));
  }

  private static X509Certificate[] clientCertificates(RelayConnection connection) {
    try {
      Certificate[] chain = connection.client().getSession().getPeerCertificates();
      X509Certificate[] out = new X509Certificate[chain.length];
      for (int i = 0; i < chain.length; i++) {
        out[i] = (X509Certificate) chain[i];
      }
      return out;
    } catch (SSLPeerUnverifiedException none) {
      return new X509Certificate[0];
    }
  }
}
