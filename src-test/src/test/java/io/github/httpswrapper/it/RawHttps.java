package io.github.httpswrapper.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Requests written byte for byte over one TLS connection, for what {@code HttpClient} will not do: several
 * requests on one connection in a set order, pipelining, and malformed requests. The server's certificate is
 * verified against the given context and the address (host name verification stays on).
 */
final class RawHttps {
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private RawHttps() {}

  /** The responses read, in order, and whether the server closed the connection after the last one. */
  record Exchange(List<RawResponse> responses, boolean closed) {
    List<Integer> statuses() {
      return responses.stream().map(RawResponse::status).toList();
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      for (RawResponse response : responses) {
        sb.append("--- response\n").append(response).append('\n');
      }
      return sb.append("--- connection ").append(closed ? "closed" : "open").toString();
    }
  }

  /** Opens a TLS connection that verifies the server's certificate and name. */
  static SSLSocket connect(SSLContext context, InetSocketAddress server) throws IOException {
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
    socket.connect(server, 5000);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.startHandshake();
    return socket;
  }

  /** Sends each request after the response to the previous one has arrived; stops early if the server closes. */
  static Exchange sequential(SSLContext context, InetSocketAddress server, List<byte[]> requests)
      throws IOException {
    try (SSLSocket socket = connect(context, server)) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      List<RawResponse> responses = new ArrayList<>();
      for (byte[] request : requests) {
        try {
          out.write(request);
          out.flush();
        } catch (IOException e) {
          return new Exchange(responses, true); // closed before we could send
        }
        Optional<RawResponse> response = read(in);
        if (response.isEmpty()) {
          return new Exchange(responses, true);
        }
        responses.add(response.get());
      }
      return new Exchange(responses, closedSoon(socket));
    }
  }

  /** Writes all requests at once (pipelining), then reads up to as many responses. */
  static Exchange pipelined(SSLContext context, InetSocketAddress server, List<byte[]> requests)
      throws IOException {
    try (SSLSocket socket = connect(context, server)) {
      OutputStream out = socket.getOutputStream();
      for (byte[] request : requests) {
        out.write(request);
      }
      out.flush();
      InputStream in = socket.getInputStream();
      List<RawResponse> responses = new ArrayList<>();
      while (responses.size() < requests.size()) {
        Optional<RawResponse> response = read(in);
        if (response.isEmpty()) {
          return new Exchange(responses, true);
        }
        responses.add(response.get());
      }
      return new Exchange(responses, closedSoon(socket));
    }
  }

  private static Optional<RawResponse> read(InputStream in) throws IOException {
    try {
      return RawResponse.read(in);
    } catch (javax.net.ssl.SSLException | java.net.SocketException e) {
      return Optional.empty(); // TLS or TCP reset instead of a response: treated as closed
    }
  }

  private static boolean closedSoon(SSLSocket socket) throws IOException {
    socket.setSoTimeout(1000);
    return RawResponse.closedAfter(socket.getInputStream());
  }
}
