package io.github.httpswrapper;

import io.github.httpswrapper.cert.CertificateSource;
import io.github.httpswrapper.cert.Identity;
import io.github.httpswrapper.internal.access.Cidr;
import io.github.httpswrapper.internal.access.IpRules;
import io.github.httpswrapper.internal.access.PolicyPlan;
import io.github.httpswrapper.internal.http.HttpLimits;
import io.github.httpswrapper.internal.relay.ConnectionLimits;
import io.github.httpswrapper.internal.metrics.MetricsEndpoint;
import io.github.httpswrapper.internal.relay.Relay;
import io.github.httpswrapper.internal.relay.RelayConfig;
import io.github.httpswrapper.internal.relay.TlsEndpoint;
import io.github.httpswrapper.internal.relay.Workers;
import io.github.httpswrapper.internal.tls.CertificateSettings;
import io.github.httpswrapper.internal.tls.ServerNamePattern;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS front door for a service that only speaks plain HTTP.
 *
 * <p>The wrapper listens for TLS connections, checks each client's address against its rules before any
 * cryptography is done, completes the TLS handshake, opens one connection to the target per client connection
 * and relays bytes both ways until either side closes.
 *
 * <pre>{@code
 * HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0); // your plain-HTTP server
 * app.start();
 * HttpsWrapper https = HttpsWrapper.forTarget("127.0.0.1", app.getAddress().getPort()).start();
 * System.out.println(https.uri()); // https://127.0.0.1:40123/
 * ...
 * https.close();
 * }</pre>
 *
 * <p>Lifecycle: {@link #forTarget} gives a {@link Builder}; {@link Builder#build()} freezes the configuration;
 * {@link #start()} binds the port and serves; {@link #port()}, {@link #uri()}, {@link #certificate()} and
 * {@link #clientSslContext()} then work; {@link #close()} stops accepting, lets requests in flight finish within
 * {@link Builder#shutdownTimeout(Duration)}, closes every connection and may be called any number of times. A
 * wrapper starts once.
 *
 * <p>TLS: versions 1.3 and 1.2 only, AEAD cipher suites only (AES-GCM, ChaCha20-Poly1305) with forward
 * secrecy, ALPN {@code http/1.1}, session resumption on. A client that sends plain HTTP to the TLS port gets an
 * HTTP {@code 400} that names the {@code https://} address instead of a reset connection.
 *
 * <p>Certificates: one {@linkplain Builder#certificate(CertificateSource) default certificate}, and optionally
 * {@linkplain Builder#certificate(String, CertificateSource) one per server name} that clients ask for in the
 * handshake (SNI). Each can be replaced while the wrapper runs: files are watched, certificates due for
 * renewal are loaded again, and {@link #reloadCertificates()} does it on demand. New connections get the new
 * certificate; connections already open keep theirs.
 *
 * <p>When the target refuses the connection or cannot be resolved, the client gets {@code 502 Bad Gateway};
 * when connecting takes longer than {@link Builder#connectTimeout(Duration)}, {@code 504 Gateway Timeout}; both
 * with a one-line body naming the target. The wrapper keeps running.
 *
 * <p>Logging (SLF4J, logger names under {@code io.github.httpswrapper}): one INFO line at start with the URL and
 * the certificate's fingerprint, one INFO line per rejected connection with the peer and the reason, one INFO
 * line when a certificate is replaced (old and new fingerprint, expiry) and one ERROR line when a changed one
 * cannot be used. Every line is prefixed with the wrapper's name, {@code https-wrapper[:8443->127.0.0.1:4334]}.
 *
 * <p>Access log: one INFO line per answered request on the logger {@code io.github.httpswrapper.access}, for
 * requests the target answered and for the wrapper's own answers (400, 401, 403, 408, 413, 429, 502, 503, 504):
 *
 * <pre>
 * 2026-11-28T15:47:24.123Z 192.168.1.20 alice "GET /index.html?q=1 HTTP/1.1" 200 5120 12 TLSv1.3
 * </pre>
 *
 * <p>That is: the time the request head was read (UTC); the client address (the one a
 * {@linkplain Builder#trustedProxies trusted proxy} named, else the TCP peer's); the user (the Basic user name
 * a password rule accepted, the common name of the client certificate a certificate rule accepted, else
 * {@code -}); in quotes the method, the request target exactly as received, and the protocol (for a request
 * that could not be parsed, its request line as received, or {@code "- - -"} when none was read); the status; the body bytes sent to the client; the milliseconds
 * from the head to the end of the response; the TLS version. A double quote or backslash inside the quotes gets
 * a backslash, and every control character or character outside printable ASCII is written as {@code \xHH},
 * so no request can start a new line or send escape sequences to a terminal. Turn it off, or route it to its own
 * file, in the logging configuration.
 *
 * <p>Metrics: {@link #metrics()} counts connections, handshakes, requests by status, denials by rule, bytes and
 * target errors; {@link Builder#metricsEndpoint(int)} serves them for Prometheus on a loopback port.
 */
public final class HttpsWrapper implements AutoCloseable {
  private final RelayConfig config;
  private final InetAddress metricsAddress;
  private final int metricsPort;
  private final Object lock = new Object();
  private Relay relay;
  private MetricsEndpoint metricsEndpoint;
  private boolean started;
  private volatile boolean stopping;

  private HttpsWrapper(RelayConfig config, InetAddress metricsAddress, int metricsPort) {
    this.config = config;
    this.metricsAddress = metricsAddress;
    this.metricsPort = metricsPort;
  }

  /**
   * Starts describing a wrapper in front of the plain-HTTP service at {@code host:port}. The host is resolved
   * on each connection, so a name such as {@code localhost} follows changes; an IP literal is usual.
   */
  public static Builder forTarget(String host, int port) {
    return new Builder(host, port);
  }

  /**
   * Binds the listening port and starts serving. The certificate source is loaded here, so bad certificate
   * material fails now, with a message that names the file.
   *
   * @return this wrapper, for chaining
   * @throws io.github.httpswrapper.cert.CertificateMaterialException when the certificate cannot be used
   * @throws java.io.UncheckedIOException when the address cannot be bound (e.g. the port is in use)
   * @throws IllegalStateException when already started or closed
   */
  public HttpsWrapper start() {
    synchronized (lock) {
      if (started) {
        throw new IllegalStateException(config.name() + " was already started; a wrapper starts once");
      }
      started = true;
      relay = Relay.start(config);
      if (metricsAddress != null) {
        try {
          metricsEndpoint =
              MetricsEndpoint.start(metricsAddress, metricsPort, relay.name(), relay::metrics, () -> !stopping);
        } catch (RuntimeException e) {
          relay.close();
          throw e;
        }
      }
      return this;
    }
  }

  /** The port clients connect to: the one chosen when {@link Builder#listen(String, int) port 0} was asked. */
  public int port() {
    return running().localAddress().getPort();
  }

  /** The address and port the wrapper listens on. */
  public InetSocketAddress listenAddress() {
    return running().localAddress();
  }

  /**
   * The {@code https://} URL of the wrapper, with a trailing slash: {@code https://127.0.0.1:PORT/} (or
   * {@code https://[::1]:PORT/}) when listening on one address, {@code https://localhost:PORT/} when listening
   * on all addresses.
   */
  public URI uri() {
    return running().uri();
  }

  /**
   * The port of the plain-HTTP redirect listener ({@link Builder#redirectHttp(int)}), or -1 when there is
   * none.
   */
  public int redirectPort() {
    return running().redirectPort();
  }

  /**
   * The port of the {@linkplain Builder#metricsEndpoint(int) metrics endpoint}, or -1 when there is none.
   */
  public int metricsPort() {
    running();
    synchronized (lock) {
      return metricsEndpoint == null ? -1 : metricsEndpoint.port();
    }
  }

  /**
   * What this wrapper has counted since it started (connections, handshakes, requests by status, denials by
   * rule, bytes, target errors), as an immutable snapshot; see {@link WrapperMetrics}. After {@link #close()}
   * the last numbers stay readable.
   *
   * @throws IllegalStateException when the wrapper is not started
   */
  public WrapperMetrics metrics() {
    return new WrapperMetrics(running().metrics());
  }

  /**
   * The default identity being served now (to clients that send no server name, or one that no
   * {@link Builder#certificate(String, CertificateSource) named certificate} matches): certificate chain,
   * fingerprint, names and expiry. After a {@linkplain Builder#certificateReloadInterval(Duration) reload} this
   * is the new one.
   */
  public Identity identity() {
    return running().identity();
  }

  /**
   * The identity served now to a client that asks for {@code serverName} with SNI: the
   * {@linkplain Builder#certificate(String, CertificateSource) certificate configured for that name}, or the
   * default one when none matches.
   */
  public Identity identity(String serverName) {
    Objects.requireNonNull(serverName, "serverName");
    return running().identities().identityFor(serverName);
  }

  /** The leaf certificate of the default {@link #identity() identity} being served. */
  public X509Certificate certificate() {
    return identity().certificate();
  }

  /**
   * An {@link SSLContext} for clients that trusts exactly the certificates this wrapper serves now (the default
   * one and every one chosen by server name) and nothing else: hand it to
   * {@code HttpClient.newBuilder().sslContext(...)} in a test, or use it for any JSSE client. Host names are
   * still verified by the client against the certificate's names. A certificate that replaces one of them later
   * is not trusted by this context: ask for a new one.
   */
  public SSLContext clientSslContext() {
    return TlsEndpoint.clientContextTrusting(running().identities().all());
  }

  /**
   * Loads every certificate source again now, and serves what loaded: new handshakes get the new certificates,
   * connections already open keep theirs. A source that gives the same certificate again changes nothing.
   *
   * <p>The CA bundles of the access policy's client certificate rules
   * ({@link ClientCertificates#issuedBy(java.nio.file.Path)}) are read again too: new handshakes, and the rules
   * that judge their requests, check client certificates against the new CAs, while connections already open
   * keep being judged by the CAs that let them in.
   *
   * <p>The wrapper also does this on its own, file by file, when a source's or a bundle's files change and when
   * a certificate is due for renewal (see {@link Builder#certificateReloadInterval(Duration)}); call this after
   * replacing certificate files with watching turned off, or from a signal handler.
   *
   * @throws io.github.httpswrapper.cert.CertificateMaterialException when a source's material or a CA bundle
   *     cannot be used (it names the file and the problem, and is also logged); that source's current
   *     certificate, or that bundle's current CAs, stay in service, and everything else is still loaded
   * @throws IllegalStateException when the wrapper is not started
   */
  public void reloadCertificates() {
    running().identities().reloadAll();
  }

  /** This wrapper's name as it appears in log lines, e.g. {@code https-wrapper[:8443->127.0.0.1:4334]}. */
  public String name() {
    Relay r;
    synchronized (lock) {
      r = relay;
    }
    return r == null ? config.name() : r.name();
  }

  /**
   * Stops gracefully, and returns once everything is closed: new connections are refused at once (the port is
   * closed), connections waiting idle for their next request and connections still sending a request head are
   * closed, requests already in flight get up to {@link Builder#shutdownTimeout(Duration)} to finish (their
   * responses announce {@code Connection: close}), then whatever is left is cut. Upgraded connections
   * (WebSocket) and plain TCP connections have no request boundary to wait for and are closed at once. One log
   * line says how many requests finished and how many were cut. Safe to call more than once, and before
   * {@link #start()}.
   */
  @Override
  public void close() {
    Relay r;
    MetricsEndpoint endpoint;
    synchronized (lock) {
      started = true;
      stopping = true;
      r = relay;
      endpoint = metricsEndpoint;
    }
    if (r != null) {
      r.close();
    }
    // Last, so that a health check sees "stopping" for as long as connections are being closed.
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private Relay running() {
    synchronized (lock) {
      if (relay == null) {
        throw new IllegalStateException(config.name() + " is not started: call start() first");
      }
      return relay;
    }
  }

  /**
   * Describes a wrapper. Every setting has a safe default, documented on its method. A builder can be reused:
   * {@link #build()} copies what has been set so far.
   */
  public static final class Builder {
    private final String targetHost;
    private final int targetPort;
    private String listenHost = "127.0.0.1";
    private int listenPort = 0;
    private CertificateSource certificate;
    private final Map<String, CertificateSettings.Named> namedCertificates = new LinkedHashMap<>();
    private Duration certificateReloadInterval = Duration.ofSeconds(2);
    private final List<String> allow = new ArrayList<>();
    private final List<String> deny = new ArrayList<>();
    private Duration handshakeTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofMinutes(5);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private int maxConnections = Workers.defaultMaxConnections();
    private Duration requestHeadTimeout = ConnectionLimits.defaults().requestHeadTimeout();
    private Duration keepAliveTimeout = ConnectionLimits.defaults().keepAliveTimeout();
    private Duration requestBodyTimeout = ConnectionLimits.defaults().requestBodyTimeout();
    private Duration responseTimeout = ConnectionLimits.defaults().responseTimeout();
    private Duration shutdownTimeout = ConnectionLimits.defaults().shutdownTimeout();
    private int maxConnectionsPerClient = ConnectionLimits.defaults().maxConnectionsPerClient();
    private long maxRequestBodyBytes = ConnectionLimits.defaults().maxRequestBodyBytes();
    private boolean http = true;
    private AccessPolicy policy;
    private final List<String> trustedProxies = new ArrayList<>();
    private boolean proxyProtocol;
    private boolean forwardAuthorization = true;
    private int redirectHttpPort = -1;
    private int maxRequestLineBytes = HttpLimits.defaults().maxRequestLineBytes();
    private int maxHeaderBytes = HttpLimits.defaults().maxHeaderBytes();
    private InetAddress metricsAddress;
    private int metricsPort;

    private Builder(String targetHost, int targetPort) {
      Objects.requireNonNull(targetHost, "targetHost");
      if (targetHost.isBlank()) {
        throw new IllegalArgumentException("target host must not be blank, e.g. forTarget(\"127.0.0.1\", 8080)");
      }
      this.targetHost = stripBrackets(targetHost.trim());
      this.targetPort = checkPort(targetPort, "target port", false);
    }

    /**
     * The address and port to listen on. Default: {@code 127.0.0.1} and port 0, which picks a free port
     * ({@link HttpsWrapper#port()} tells which). Listen on {@code 0.0.0.0} (or {@code ::}) to be reachable from
     * other machines. The host must be an IP literal or a local name.
     */
    public Builder listen(String host, int port) {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("listen host must not be blank: use 0.0.0.0 for all addresses");
      }
      this.listenHost = stripBrackets(host.trim());
      this.listenPort = checkPort(port, "listen port", true);
      return this;
    }

    /**
     * Where the server certificate and key come from. Default: {@link CertificateSource#selfSigned()}, a
     * self-signed ECDSA P-256 certificate made once and kept in {@code ~/.https-wrapper}.
     */
    public Builder certificate(CertificateSource certificate) {
      this.certificate = Objects.requireNonNull(certificate, "certificate");
      return this;
    }

    /**
     * Serves {@code source}'s certificate to clients that ask for {@code serverName} in the TLS handshake (the
     * SNI extension, which browsers and HTTP clients send with the host name they connect to), so one wrapper
     * can answer for several names, each with its own certificate. {@code serverName} is an exact DNS name
     * ({@code blog.example.com}) or a wildcard matching exactly one more label ({@code *.example.com} matches
     * {@code www.example.com}, not {@code example.com} nor {@code a.b.example.com}); case does not matter. An
     * exact name wins over a wildcard. Clients that send no name (those connecting by IP address) or a name
     * nothing matches get the {@link #certificate(CertificateSource) default certificate}. May be called once
     * per name; calling it again for the same name replaces the source. Default: none, every client gets the
     * default certificate.
     *
     * <p>Each source is loaded at {@link HttpsWrapper#start()} and reloaded like the default one. A warning is
     * logged when the certificate does not name {@code serverName}, since clients would refuse it.
     *
     * @throws IllegalArgumentException when {@code serverName} is an IP address (SNI never carries one) or not a
     *     DNS name
     */
    public Builder certificate(String serverName, CertificateSource source) {
      Objects.requireNonNull(serverName, "serverName");
      Objects.requireNonNull(source, "source");
      ServerNamePattern pattern = ServerNamePattern.parse(serverName);
      namedCertificates.put(pattern.text(), new CertificateSettings.Named(pattern, source));
      return this;
    }

    /**
     * How often the files of file-based certificate sources
     * ({@link CertificateSource#pem(java.nio.file.Path) PEM}, {@link CertificateSource#keyStore keystore}) and
     * the CA bundles of client-certificate rules ({@link ClientCertificates#issuedBy(java.nio.file.Path)}) are
     * checked for a change. Checking reads only their time, size and identity; a change is loaded once the
     * files have stayed the same for one more interval, so a file still being written is not read half-way.
     * New connections then get the new certificate, open ones keep theirs; material that cannot be used
     * (garbage, a key that does not match, an expired certificate) is logged as an error and the current
     * certificate stays in service until the files change again.
     *
     * <p>Independently of this, every source is loaded again when its certificate is due for renewal, 14 days
     * before it expires or a third of its lifetime before, if that is shorter: generated certificates renew
     * themselves that way. That check runs every interval, or hourly when watching is off.
     *
     * <p>Default: 2 seconds. {@link Duration#ZERO} turns file watching off
     * ({@link HttpsWrapper#reloadCertificates() reloadCertificates()} still works).
     *
     * @throws IllegalArgumentException when negative, or positive but under 10 milliseconds
     */
    public Builder certificateReloadInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || (!interval.isZero() && interval.toMillis() < 10)) {
        throw new IllegalArgumentException(
            "certificateReloadInterval must be zero (no file watching) or at least 10 ms, was " + interval);
      }
      this.certificateReloadInterval = interval;
      return this;
    }

    /**
     * Lets only clients whose address is in one of these blocks connect, e.g. {@code "192.168.1.0/24"},
     * {@code "10.0.0.7"}, {@code "fd00::/8"}. May be called more than once; the blocks add up. Default: no
     * allow list, so every address not {@link #deny(String...) denied} may connect. Checked on the TCP peer
     * address before the TLS handshake; a refused client's connection is closed without a word.
     *
     * @throws IllegalArgumentException when a block is not an IPv4 or IPv6 address with an optional prefix
     *     length, or has bits set beyond its prefix
     */
    public Builder allow(String... cidrs) {
      for (String cidr : cidrs) {
        IpRules.parseBlock(cidr);
        allow.add(cidr);
      }
      return this;
    }

    /**
     * Refuses clients whose address is in one of these blocks, even when an {@link #allow(String...) allow}
     * block also matches: deny wins. May be called more than once. Default: nothing denied.
     *
     * @throws IllegalArgumentException as {@link #allow(String...)}
     */
    public Builder deny(String... cidrs) {
      for (String cidr : cidrs) {
        IpRules.parseBlock(cidr);
        deny.add(cidr);
      }
      return this;
    }

    /** How long a client may take to complete the TLS handshake. Default: 10 seconds. */
    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeout = checkPositive(timeout, "handshakeTimeout");
      return this;
    }

    /**
     * How long an upgraded connection (WebSocket) or a {@linkplain #plainTcp() plain TCP} connection may pass
     * no bytes in either direction before it is closed. HTTP requests have their own timeouts ({@link
     * #requestHeadTimeout}, {@link #keepAliveTimeout}, {@link #requestBodyTimeout}, {@link #responseTimeout});
     * the longest of all these also ends an HTTP connection whose client stops reading its response. Default: 5
     * minutes, long enough for quiet WebSockets.
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = checkPositive(timeout, "idleTimeout");
      return this;
    }

    /**
     * How long a client may take to send a whole request head, counted from its first byte (for the first
     * request on a connection: from the end of the TLS handshake). Past it the client gets {@code 408 Request
     * Timeout} and the connection is closed. This is the defence against "slowloris" clients that trickle a
     * head byte by byte to hold connections open. Default: 20 seconds.
     */
    public Builder requestHeadTimeout(Duration timeout) {
      this.requestHeadTimeout = checkPositive(timeout, "requestHeadTimeout");
      return this;
    }

    /**
     * How long a connection may wait, idle, for its next request; past it the connection is closed without an
     * answer (clients open a new one). Default: 75 seconds, as nginx.
     */
    public Builder keepAliveTimeout(Duration timeout) {
      this.keepAliveTimeout = checkPositive(timeout, "keepAliveTimeout");
      return this;
    }

    /**
     * The longest pause between two reads of a request body (a "slow POST" holds connections open this way).
     * Past it the connection to the target is closed and the client gets {@code 408 Request Timeout}, or, when
     * its response has started already, a closed connection. Default: 60 seconds.
     */
    public Builder requestBodyTimeout(Duration timeout) {
      this.requestBodyTimeout = checkPositive(timeout, "requestBodyTimeout");
      return this;
    }

    /**
     * How long the target may take to start its response (counted from the request head being sent, or from
     * the end of the request body), and the longest pause inside a response body. Past it before the response
     * head the client gets {@code 504 Gateway Timeout}; inside a body the client connection is closed, so the
     * client sees a cut response, never one that looks complete. Raise it for targets with slow pages or
     * long-polling. Default: 60 seconds.
     */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = checkPositive(timeout, "responseTimeout");
      return this;
    }

    /**
     * How long {@link HttpsWrapper#close()} lets requests in flight finish before it cuts them. Default: 10
     * seconds.
     */
    public Builder shutdownTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "shutdownTimeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException(
            "shutdownTimeout must not be negative, was " + timeout + " (use Duration.ZERO to cut requests at once)");
      }
      this.shutdownTimeout = timeout;
      return this;
    }

    /**
     * How many connections one client address may have open at once (IPv6: one /64, which a single host can
     * fill); more are closed as soon as they are accepted, before any TLS work, with a log line. It keeps one
     * client from taking all of {@link #maxConnections(int)}. Browsers open about 6 connections per site, and a
     * whole office or mobile network behind one NAT address shares the limit, hence the generous default.
     * {@linkplain #trustedProxies(String...) Trusted proxies} are not limited by it. Default: 256.
     */
    public Builder maxConnectionsPerClient(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConnectionsPerClient must be at least 1, was " + max);
      }
      this.maxConnectionsPerClient = max;
      return this;
    }

    /**
     * The largest request body forwarded. A larger {@code Content-Length} gets {@code 413 Content Too Large}
     * before anything reaches the target; a chunked body that grows past it stops being forwarded, the target
     * connection is closed and the client gets {@code 413} (or a closed connection when its response has
     * started). Default: no limit, since the wrapper streams bodies and holds none in memory; set one when the
     * target buffers bodies whole.
     */
    public Builder maxRequestBodyBytes(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("maxRequestBodyBytes must not be negative, was " + bytes);
      }
      this.maxRequestBodyBytes = bytes;
      return this;
    }

    /**
     * How long connecting to the target may take before the client gets {@code 504 Gateway Timeout}. Default:
     * 5 seconds.
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = checkPositive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How many client connections may be open at once; more are closed as soon as they are accepted, with a log
     * line. Default: 10,000 on Java 21 and later (each connection runs on virtual threads), 1,000 on Java 17 to
     * 20 (each connection holds two platform threads).
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Who may do what, checked for every request. Default: {@link AccessPolicy#trustedNetwork()}, everyone who
     * may {@linkplain #allow(String...) connect} is served.
     */
    public Builder accessPolicy(AccessPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Proxies in front of the wrapper (a load balancer, another reverse proxy) whose word about the real client
     * is believed: for connections from these addresses the client address comes from {@code Forwarded} or
     * {@code X-Forwarded-For} (or the PROXY protocol header, with {@link #proxyProtocol()}). From anyone else
     * those headers are removed before the request reaches the target, and never make a client "local".
     * Default: none.
     */
    public Builder trustedProxies(String... cidrs) {
      for (String cidr : cidrs) {
        IpRules.parseBlock(cidr);
        trustedProxies.add(cidr);
      }
      return this;
    }

    /**
     * Expects a PROXY protocol (v1 or v2) header at the start of every connection from a
     * {@linkplain #trustedProxies(String...) trusted proxy}, and takes the client address from it (HAProxy's
     * {@code send-proxy}). Connections from other addresses must not send one. Default: off.
     */
    public Builder proxyProtocol() {
      this.proxyProtocol = true;
      return this;
    }

    /**
     * Whether the client's {@code Authorization} header reaches the target. Default: {@code true}, since some
     * targets do their own authentication; pass {@code false} to strip it when the wrapper's password is the
     * only one and the target should never see it.
     */
    public Builder forwardAuthorization(boolean forward) {
      this.forwardAuthorization = forward;
      return this;
    }

    /**
     * Relays bytes without reading HTTP, for targets that do not speak HTTP (a database, a custom protocol).
     * Only connection-level rules ({@link #allow(String...)}, {@link #deny(String...)}) apply then; an access
     * policy cannot be used. Default: HTTP, request by request.
     */
    public Builder plainTcp() {
      this.http = false;
      return this;
    }

    /**
     * Also listens for plain HTTP on {@code port} (same listen address) and answers every request with a
     * permanent redirect to the same URL on {@code https://} ({@code 301} for GET and HEAD, {@code 308} for the
     * rest). Nothing is ever forwarded from that port. Port 0 picks a free one. Default: no such listener.
     */
    public Builder redirectHttp(int port) {
      this.redirectHttpPort = checkPort(port, "redirect port", true);
      return this;
    }

    /** The longest request line accepted; longer ones get {@code 414}. Default: 8192 bytes. */
    public Builder maxRequestLineBytes(int bytes) {
      if (bytes < 256) {
        throw new IllegalArgumentException("maxRequestLineBytes must be at least 256, was " + bytes);
      }
      this.maxRequestLineBytes = bytes;
      return this;
    }

    /** The largest request header section accepted; larger ones get {@code 431}. Default: 32768 bytes. */
    public Builder maxHeaderBytes(int bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxHeaderBytes must be at least 1024, was " + bytes);
      }
      this.maxHeaderBytes = bytes;
      return this;
    }

    /**
     * Also serves the wrapper's {@linkplain HttpsWrapper#metrics() counters} over plain HTTP on
     * {@code 127.0.0.1:port}, for a monitoring system on this machine: {@code GET /metrics} in Prometheus text
     * format, {@code GET /health} answering {@code 200 ok} while the wrapper serves and {@code 503 stopping}
     * while it closes. Port 0 picks a free one ({@link HttpsWrapper#metricsPort()} tells which). The endpoint
     * has no password and no TLS, which is why it listens on a loopback address only; it answers one request
     * at a time, apart from the relay's threads. Default: no such endpoint; {@link HttpsWrapper#metrics()}
     * works either way.
     */
    public Builder metricsEndpoint(int port) {
      return metricsEndpoint("127.0.0.1", port);
    }

    /**
     * As {@link #metricsEndpoint(int)}, on another loopback address: {@code ::1}, {@code 127.0.0.2}, ...
     *
     * @throws IllegalArgumentException when {@code host} is not a loopback IP address (the endpoint has no
     *     password; scrape it from this machine, or through an SSH tunnel)
     */
    public Builder metricsEndpoint(String host, int port) {
      Objects.requireNonNull(host, "host");
      this.metricsAddress = MetricsEndpoint.loopback(stripBrackets(host.trim()));
      this.metricsPort = checkPort(port, "metrics port", true);
      return this;
    }

    /** Freezes this configuration into a wrapper that is ready to {@link HttpsWrapper#start() start}. */
    public HttpsWrapper build() {
      if (!http && policy != null) {
        throw new IllegalArgumentException(
            "plainTcp() relays bytes without reading requests, so an access policy cannot be checked:"
                + " use allow(...)/deny(...) for connection-level rules, or drop plainTcp()");
      }
      if (proxyProtocol && trustedProxies.isEmpty()) {
        throw new IllegalArgumentException(
            "proxyProtocol() needs trustedProxies(...): only a trusted proxy may say who the client is");
      }
      CertificateSource source = certificate != null ? certificate : CertificateSource.selfSigned();
      PolicyPlan plan = (policy != null ? policy : AccessPolicy.trustedNetwork()).plan();
      List<Cidr> proxies = new ArrayList<>();
      for (String cidr : trustedProxies) {
        proxies.add(Cidr.parse(cidr));
      }
      RelayConfig config =
          new RelayConfig(
              targetHost,
              targetPort,
              listenHost,
              listenPort,
              new CertificateSettings(
                  source, List.copyOf(namedCertificates.values()), certificateReloadInterval),
              IpRules.of(allow, deny),
              handshakeTimeout,
              idleTimeout,
              connectTimeout,
              maxConnections,
              http,
              plan,
              List.copyOf(proxies),
              proxyProtocol,
              forwardAuthorization,
              redirectHttpPort,
              new HttpLimits(maxRequestLineBytes, maxHeaderBytes, HttpLimits.defaults().maxHeaderCount()),
              new ConnectionLimits(
                  requestHeadTimeout,
                  keepAliveTimeout,
                  requestBodyTimeout,
                  responseTimeout,
                  shutdownTimeout,
                  maxConnectionsPerClient,
                  maxRequestBodyBytes));
      return new HttpsWrapper(config, metricsAddress, metricsPort);
    }

    /** Same as {@code build().start()}. */
    public HttpsWrapper start() {
      return build().start();
    }

    private static String stripBrackets(String host) {
      return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int checkPort(int port, String what, boolean zeroAllowed) {
      if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
        throw new IllegalArgumentException(
            what + " must be " + (zeroAllowed ? "0 (any free port)" : "1") + " to 65535, was " + port);
      }
      return port;
    }

    private static Duration checkPositive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + d);
      }
      return d;
    }
  }
}
