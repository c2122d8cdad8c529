package io.github.httpswrapper.internal.relay;

import static io.github.httpswrapper.internal.Closeables.closeQuietly;

import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import io.github.httpswrapper.internal.access.Addresses;
import io.github.httpswrapper.internal.access.PolicyEvaluator;
import io.github.httpswrapper.internal.access.Decision;
import io.github.httpswrapper.internal.access.PolicyPlan;
import io.github.httpswrapper.internal.client.ClientTrust;
import io.github.httpswrapper.internal.metrics.Metrics;
import io.github.httpswrapper.internal.metrics.MetricsSnapshot;
import io.github.httpswrapper.internal.tls.ServerIdentities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running wrapper: the listening socket and its accept loop, the open connections, the timers. The accept
 * loop only judges the peer address and the connection limit; everything that can block (reading, the TLS
 * handshake) runs on the connection's own thread.
 */
public final class Relay implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Relay.class);
  private static final int BACKLOG = 4096;

  private final RelayConfig config;
  private final ServerIdentities identities;
  private final ServerSocket server;
  private final String name;
  private final TlsEndpoint tls;
  private final ConnectionHandler handler;
  private final TargetDialer dialer;
  private final ExecutorService workers;
  private final Semaphore permits;
  private final Metrics metrics;
  private final Set<RelayConnection> open = ConcurrentHashMap.newKeySet();
  private final ClientCounts perClient;
  private final LogLimiter logLimiter;
  private final IdleReaper reaper;
  private final Thread acceptor;
  private RedirectListener redirect;
  private volatile boolean closed;

  private Relay(RelayConfig config, ServerIdentities identities, ServerSocket server) {
    this.config = config;
    this.identities = identities;
    this.server = server;
    this.name = nameFor(server, config);
    this.metrics = new Metrics(config.http() ? denyingRules(config.policy()) : List.of());
    ClientTrust clientTrust =
        config.http() && config.policy().wantsClientCertificates() ? ClientTrust.of(config.policy()) : null;
    if (clientTrust != null) {
      clientTrust.bundles().forEach(identities::watch);
    }
    this.tls = TlsEndpoint.forServer(identities, clientTrust);
    this.handler = config.http() ? new HttpRelay(config, new PolicyEvaluator(config.policy(), name)) : new ByteRelay();
    this.dialer = new TargetDialer(config.targetHost(), config.targetPort(), config.connectTimeout());
    this.workers = Workers.create(name, config.maxConnections(), 2);
    this.permits = new Semaphore(config.maxConnections());
    this.perClient = new ClientCounts(config.limits().maxConnectionsPerClient());
    this.logLimiter = new LogLimiter(name);
    long shortest =
        Math.min(
            Math.min(config.handshakeTimeout().toMillis(), config.idleTimeout().toMillis()),
            config.http()
                ? Math.min(config.limits().keepAliveTimeout().toMillis(), config.limits().responseTimeout().toMillis())
                : Long.MAX_VALUE);
    this.reaper = new IdleReaper(name, open, Math.max(20, Math.min(1000, shortest / 10)));
    this.acceptor = new Thread(this::acceptLoop, name + "-acceptor");
    this.acceptor.setDaemon(true);
  }

  /**
   * Binds, starts the plain-HTTP listener if asked for (before the certificates load: an ACME certificate is
   * validated through it), loads the certificates, and starts accepting.
   */
  public static Relay start(RelayConfig config) {
    List<CertificateSource.Acme> acme = acmeSources(config);
    if (!acme.isEmpty() && !config.redirectsHttp()) {
      throw new IllegalArgumentException(
          "an ACME certificate is validated over plain HTTP on port 80: call redirectHttp(80) (--redirect-http 80)"
              + " and make sure port 80 of every domain reaches this machine");
    }
    // Certificates load before anything listens, so bad material fails fast and clients never meet a port
    // without one; except ACME, whose validation needs the plain-HTTP listener up first.
    ServerIdentities loadedFirst =
        acme.isEmpty() ? ServerIdentities.load(config.certificates(), config.name()) : null;
    ServerSocket server = bind(config);
    String name = nameFor(server, config);
    RedirectListener redirect = null;
    Relay relay;
    try {
      if (config.redirectsHttp()) {
        redirect =
            RedirectListener.start(
                config.listenHost(), config.redirectHttpPort(), server.getLocalPort(), name,
                config.httpLimits(), token -> challengeResponse(acme, token));
      }
      ServerIdentities identities =
          loadedFirst != null ? loadedFirst : ServerIdentities.load(config.certificates(), config.name());
      relay = new Relay(config, identities, server);
      relay.redirect = redirect;
    } catch (RuntimeException | Error e) {
      closeQuietly(redirect);
      closeQuietly(server);
      throw e;
    }
    ServerIdentities identities = relay.identities;
    relay.acceptor.start();
    identities.startWatching(relay.name);
    Identity identity = identities.defaultIdentity();
    String byServerName = identities.describeServerNames();
    log.info(
        "{} serving {} -> http://{} | certificate {}, SHA-256 {}, expires {} (in {} days), from {} | {} | {}"
            + " | connections from: {}{}{}",
        relay.name,
        relay.uri(),
        config.target(),
        identity.subject(),
        identity.sha256Fingerprint(),
        identity.notAfter(),
        identity.expiresIn().toDays(),
        identity.origin(),
        config.http() ? "policy " + config.policy().name() + " " + ruleTexts(config) : "plain TCP relay",
        Workers.virtual() ? "virtual threads" : "platform threads",
        config.ipRules().describe(),
        relay.redirect == null ? "" : " | plain HTTP on port " + relay.redirect.port() + " redirects to https",
        byServerName.isEmpty() ? "" : " | by server name: " + byServerName);
    return relay;
  }

  private static List<CertificateSource.Acme> acmeSources(RelayConfig config) {
    List<CertificateSource.Acme> out = new ArrayList<>();
    for (CertificateSource source : config.certificates().sources()) {
      if (source instanceof CertificateSource.Acme) {
        out.add((CertificateSource.Acme) source);
      }
    }
    return out;
  }

  private static Optional<String> challengeResponse(List<CertificateSource.Acme> acme, String token) {
    for (CertificateSource.Acme source : acme) {
      Optional<String> answer = source.challengeResponse(token);
      if (answer.isPresent()) {
        return answer;
      }
    }
    return Optional.empty();
  }

  private static String nameFor(ServerSocket server, RelayConfig config) {
    return "https-wrapper[:" + server.getLocalPort() + "->" + config.target() + "]";
  }

  /** The labels of the rules that can refuse a request, so their denial counters exist from the start. */
  private static List<String> denyingRules(PolicyPlan policy) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < policy.rules().size(); i++) {
      if (policy.rules().get(i).outcome() != io.github.httpswrapper.internal.access.AccessRule.Outcome.ALLOW) {
        out.add(Decision.ruleLabel(i + 1, policy.rules().get(i)));
      }
    }
    return out;
  }

  private static String ruleTexts(RelayConfig config) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < config.policy().rules().size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(config.policy().rules().get(i).text());
    }
    return sb.append(']').toString();
  }

  private static ServerSocket bind(RelayConfig config) {
    InetSocketAddress address = new InetSocketAddress(config.listenHost(), config.listenPort());
    String where = RelayConfig.hostPort(config.listenHost(), config.listenPort());
    if (address.isUnresolved()) {
      throw new IllegalArgumentException(
          "cannot listen on " + where + ": the host is not an address of this machine");
    }
    ServerSocket server = null;
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(address, BACKLOG);
      return server;
    } catch (BindException e) {
      closeQuietly(server);
      throw new UncheckedIOException(
          "cannot listen on " + where + ": " + e.getMessage()
              + " (is another program using the port? choose another port, or 0 for any free one)",
          e);
    } catch (IOException e) {
      closeQuietly(server);
      throw new UncheckedIOException("cannot listen on " + where + ": " + e.getMessage(), e);
    }
  }

  private void acceptLoop() {
    long backoffMillis = 0;
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
        backoffMillis = 0;
      } catch (IOException e) {
        if (closed) {
          return;
        }
        // Typically "Too many open files": spinning would burn a core, so back off and retry.
        backoffMillis = Math.min(1000, Math.max(10, backoffMillis * 2));
        log.warn("{} cannot accept connections: {}; retrying in {} ms", name, e.getMessage(), backoffMillis);
        sleep(backoffMillis);
        continue;
      }
      if (closed) {
        closeQuietly(socket);
        return;
      }
      admit(socket);
    }
  }

  /**
   * Judges a new connection before any TLS work is spent on it: the address rules, the overall connection limit,
   * the per-client limit (not for trusted proxies, which carry many clients). A refused connection is closed at
   * once.
   */
  private void admit(Socket socket) {
    metrics.accepted();
    InetAddress peer = socket.getInetAddress();
    String refusal = config.ipRules().refusal(peer);
    if (refusal != null) {
      metrics.refused(Metrics.REFUSED_ADDRESS);
      if (logLimiter.allow("ip-rules")) {
        log.info("{} refused connection from {}: {}", name, socket.getRemoteSocketAddress(), refusal);
      }
      closeQuietly(socket);
      return;
    }
    if (!permits.tryAcquire()) {
      metrics.refused(Metrics.REFUSED_MAX_CONNECTIONS);
      metrics.limitReached(Reasons.MAX_CONNECTIONS);
      if (logLimiter.allow(Reasons.MAX_CONNECTIONS)) {
        log.warn(
            "{} refused connection from {}: the limit of {} open connections (maxConnections) is reached ({})",
            name, socket.getRemoteSocketAddress(), config.maxConnections(), Reasons.MAX_CONNECTIONS);
      }
      closeQuietly(socket);
      return;
    }
    Object client = config.trustedProxy(peer) ? null : perClient.acquire(peer);
    if (client == ClientCounts.FULL) {
      permits.release();
      metrics.refused(Metrics.REFUSED_PER_CLIENT);
      metrics.limitReached(Reasons.PER_CLIENT_LIMIT);
      if (logLimiter.allow(Reasons.PER_CLIENT_LIMIT)) {
        log.warn(
            "{} refused connection from {}: the limit of {} open connections per client address"
                + " (maxConnectionsPerClient) is reached ({})",
            name, socket.getRemoteSocketAddress(), config.limits().maxConnectionsPerClient(),
            Reasons.PER_CLIENT_LIMIT);
      }
      closeQuietly(socket);
      return;
    }
    RelayConnection connection =
        new RelayConnection(
            socket,
            name,
            workers,
            dialer,
            config.handshakeTimeout().toNanos(),
            config.idleTimeout().toNanos(),
            config.http() ? config.limits().longestWaitNanos(config.idleTimeout()) : config.idleTimeout().toNanos(),
            config.http() ? config.limits().keepAliveTimeout().toNanos() : config.idleTimeout().toNanos(),
            logLimiter);
    connection.countInto(metrics);
    open.add(connection);
    Runnable release =
        () -> {
          open.remove(connection);
          perClient.release(client);
          permits.release();
          metrics.closed();
        };
    ClientSession session =
        new ClientSession(
            connection, tls, handler, config.proxyProtocol() && config.trustedProxy(peer), release);
    metrics.opened();
    try {
      workers.execute(session);
    } catch (RejectedExecutionException e) {
      metrics.refused(Metrics.REFUSED_NO_WORKER);
      metrics.limitReached(Reasons.NO_WORKER);
      release.run();
      connection.close();
      if (!closed && logLimiter.allow(Reasons.NO_WORKER)) {
        log.warn("{} refused connection from {}: no worker thread available ({})", name, connection.peer(),
            Reasons.NO_WORKER);
      }
    }
  }

  /**
   * {@code host:port} clients use: the listen address, or {@code localhost} when listening on every address
   * (the wildcard is not an address a client can use).
   */
  private String httpsAuthority() {
    InetAddress address = server.getInetAddress();
    return address.isAnyLocalAddress()
        ? "localhost:" + server.getLocalPort()
        : Addresses.authority(address, server.getLocalPort());
  }

  /** The {@code https://} URL of this wrapper, with a trailing slash. */
  public URI uri() {
    return URI.create("https://" + httpsAuthority() + "/");
  }

  /** The bound address. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  /** The port of the plain-HTTP redirect listener, or -1 when there is none. */
  public int redirectPort() {
    return redirect == null ? -1 : redirect.port();
  }

  /** The identity being served to clients that send no server name or an unknown one. */
  public Identity identity() {
    return identities.defaultIdentity();
  }

  /** Every identity being served, and how they are reloaded. */
  public ServerIdentities identities() {
    return identities;
  }

  /** The counters now. */
  public MetricsSnapshot metrics() {
    return metrics.snapshot();
  }

  /** The name used in log lines. */
  public String name() {
    return name;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    identities.close();
    closeQuietly(server);
    closeQuietly(redirect);
    // A thread blocked in accept() keeps the listening socket alive until it wakes up; wait for it, so that
    // nothing is accepted any more once close() returns.
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    drain();
    reaper.close();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("{} some connection threads did not stop within 5 s", name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    logLimiter.flush();
    log.info("{} stopped", name);
  }

  /**
   * Closes every connection that has no request in flight, gives the others up to the shutdown timeout to
   * finish (their responses announce {@code Connection: close}), then closes what is left.
   */
  private void drain() {
    int inFlight = 0;
    for (RelayConnection connection : open) {
      if (connection.stop()) {
        inFlight++;
      }
    }
    if (inFlight == 0) {
      return;
    }
    Duration bound = config.limits().shutdownTimeout();
    log.info("{} stopping: waiting up to {} ms for {} requests in flight", name, bound.toMillis(), inFlight);
    long deadline = System.nanoTime() + bound.toNanos();
    while (!open.isEmpty() && System.nanoTime() - deadline < 0) {
      sleep(10);
    }
    int cut = 0;
    for (RelayConnection connection : open) {
      if (connection.phase() == RelayConnection.Phase.EXCHANGE && !connection.isClosed()) {
        metrics.limitReached(Reasons.SHUTDOWN);
        cut++;
      }
      connection.abort();
    }
    if (cut == 0) {
      log.info("{} stopping: all {} requests in flight finished", name, inFlight);
    } else {
      log.warn("{} stopping: {} of {} requests in flight finished, {} cut after the shutdown timeout of {} ms ({})",
          name, inFlight - cut, inFlight, cut, bound.toMillis(), Reasons.SHUTDOWN);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
