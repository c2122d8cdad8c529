package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A wrapper listening on the host side of a {@link RemoteHost}'s link, in front of a target on loopback, with a
 * generated certificate for the link address. Clients trust exactly that certificate, exported to a PEM file the
 * way a user would hand it to curl. Requests come either from the namespace ({@link #remoteCurl}) or from this
 * machine's loopback address ({@link #loopbackCurl}, which binds the client side to 127.0.0.1 or ::1).
 */
final class LinkedWrapper implements AutoCloseable {
  private final RemoteHost remote;
  private final InetAddress listenAddress;
  private final HttpsWrapper wrapper;
  private final Path trustedPem;

  private LinkedWrapper(RemoteHost remote, InetAddress listenAddress, HttpsWrapper wrapper, Path trustedPem) {
    this.remote = remote;
    this.listenAddress = listenAddress;
    this.wrapper = wrapper;
    this.trustedPem = trustedPem;
  }

  /**
   * Starts a wrapper for {@code 127.0.0.1:targetPort} on the link; {@code configure} adds the access policy and
   * whatever else the test is about.
   */
  static LinkedWrapper start(
      RemoteHost remote, int targetPort, Path directory, UnaryOperator<HttpsWrapper.Builder> configure) {
    return start(remote, remote.hostAddress(), targetPort, directory, configure);
  }

  /** As {@link #start(RemoteHost, int, Path, UnaryOperator)}, listening on {@code listen} (e.g. the IPv6 side). */
  static LinkedWrapper start(
      RemoteHost remote, InetAddress listen, int targetPort, Path directory,
      UnaryOperator<HttpsWrapper.Builder> configure) {
    String host = listen.getHostAddress();
    HttpsWrapper wrapper =
        configure
            .apply(
                HttpsWrapper.forTarget("127.0.0.1", targetPort)
                    .listen(host, 0)
                    .certificate(
                        CertificateSource.selfSigned().stateDirectory(directory.resolve("state")).names(host)))
            .start();
    Path trusted = directory.resolve("wrapper.pem");
    try {
      wrapper.identity().writeCertificatePem(trusted);
    } catch (RuntimeException e) {
      wrapper.close();
      throw e;
    }
    return new LinkedWrapper(remote, listen, wrapper, trusted);
  }

  HttpsWrapper wrapper() {
    return wrapper;
  }

  /** The PEM file holding the wrapper's certificate, the only one clients trust. */
  Path trustedPem() {
    return trustedPem;
  }

  /** The link address the wrapper listens on, as text. */
  String host() {
    return listenAddress.getHostAddress();
  }

  /** {@link #host()} as it appears in a URL: IPv6 literals in brackets. */
  String urlHost() {
    return listenAddress instanceof Inet6Address ? "[" + host() + "]" : host();
  }

  int port() {
    return wrapper.port();
  }

  /** {@code https://<link address>:<port><path>}. */
  String url(String path) {
    return "https://" + urlHost() + ":" + port() + path;
  }

  /** {@code http://<link address>:<port><path>}: plain HTTP to the TLS port. */
  String plainUrl(int port, String path) {
    return "http://" + urlHost() + ":" + port + path;
  }

  /** curl from the namespace, trusting the wrapper; returns the response ({@code -i}), failing if curl failed. */
  RawResponse remoteCurl(String... args) {
    return response(remote.curl(withTrust(args)));
  }

  /** curl from the namespace as is (for failures the test expects), trusting the wrapper. */
  Commands.Result remoteCurlResult(String... args) {
    return remote.curl(withTrust(args));
  }

  /** curl on this machine from 127.0.0.1 to the link address, trusting the wrapper. */
  RawResponse loopbackCurl(String... args) {
    String loopback = listenAddress instanceof Inet6Address ? "::1" : "127.0.0.1";
    List<String> command =
        new ArrayList<>(List.of("curl", "-sS", "-v", "--max-time", "20", "--interface", loopback));
    command.addAll(List.of(withTrust(args)));
    return response(Commands.run(Commands.DEFAULT_TIMEOUT, command));
  }

  /** Parses curl's {@code -i} output, or fails showing everything curl said. */
  static RawResponse response(Commands.Result result) {
    result.requireSuccess();
    try {
      return RawResponse.parse(result.stdout());
    } catch (RuntimeException e) {
      fail("cannot read a response from curl\n" + result);
      throw e;
    }
  }

  private String[] withTrust(String... args) {
    List<String> all = new ArrayList<>(List.of("-i", "-g", "--cacert", trustedPem.toString()));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  @Override
  public void close() {
    wrapper.close();
  }
}
