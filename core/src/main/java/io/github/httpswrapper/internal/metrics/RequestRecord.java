package io.github.httpswrapper.internal.metrics;

import io.github.httpswrapper.internal.http.RequestHead;
import java.net.InetAddress;

/**
 * What one client connection's current request is: when it began, who sent it, what it asked for. When the
 * request is answered, {@link #answered} counts the status and writes the {@link AccessLog} line. One per
 * connection, reused request after request; used by the connection's thread only.
 */
public final class RequestRecord {
  private final Metrics metrics;
  private final String tls;
  private long startedMillis;
  private long startedNanos;
  private InetAddress client;
  private String user;
  private String method;
  private String target;
  private String protocol;

  /** @param tls the connection's TLS version, such as {@code TLSv1.3} */
  public RequestRecord(Metrics metrics, String tls) {
    this.metrics = metrics;
    this.tls = tls;
  }

  /**
   * A request head could not be parsed; {@code requestLine} is its first line as received, or {@code null} when
   * it was not read whole. With a {@code request}, the head was parsed and refused afterwards.
   */
  public void begin(InetAddress client, RequestHead request, String requestLine) {
    begin(client, request);
    if (request == null) {
      this.target = requestLine;
    }
  }

  /** A request head was read from {@code client}; {@code request} is {@code null} when it could not be parsed. */
  public void begin(InetAddress client, RequestHead request) {
    this.startedNanos = System.nanoTime();
    this.startedMillis = System.currentTimeMillis();
    this.client = client;
    this.user = null;
    this.method = request == null ? null : request.method();
    this.target = request == null ? null : request.target();
    this.protocol = request == null ? null : request.version();
  }

  /** The access policy accepted the request as {@code user} ({@code null} for nobody in particular). */
  public void user(String user) {
    this.user = user;
  }

  /** The request was answered with {@code status} and a body of {@code bodyBytes}; 0 means no answer. */
  public void answered(int status, long bodyBytes) {
    if (status == 0) {
      return;
    }
    metrics.answered(status);
    AccessLog.write(startedMillis, startedNanos, client, user, method, target, protocol, status, bodyBytes, tls);
  }
}
