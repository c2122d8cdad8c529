package io.github.httpswrapper.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Connections by the hundred or thousand from this machine. Linux answers for all of 127.0.0.0/8 on loopback,
 * so connection {@code i} comes from {@code 127.0.0.(2 + i / PER_ADDRESS)}: no source address holds more than
 * {@link #PER_ADDRESS} connections, which keeps a per-client-address limit out of a test about something else
 * and leaves 127.0.0.1 free for the test's own well-behaved client.
 */
final class ManyClients {
  static final int PER_ADDRESS = 200;

  private ManyClients() {}

  /** The source address of connection {@code i}. */
  static InetAddress source(int i) {
    int n = 2 + i / PER_ADDRESS;
    try {
      return InetAddress.getByAddress(new byte[] {127, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A TCP connection from {@link #source(int)}, with small buffers. */
  static Socket tcp(int i, InetSocketAddress server) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setReceiveBufferSize(8 * 1024);
      socket.setSendBufferSize(8 * 1024);
      socket.bind(new InetSocketAddress(source(i), 0));
      socket.connect(server, 10_000);
      return socket;
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** A TLS connection from {@link #source(int)} with its handshake done, verifying the server's name. */
  static SSLSocket tls(int i, SSLContext context, InetSocketAddress server) throws IOException {
    Socket tcp = tcp(i, server);
    try {
      SSLSocket tls =
          (SSLSocket) context.getSocketFactory().createSocket(tcp, "127.0.0.1", server.getPort(), true);
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      tls.setSSLParameters(parameters);
      tls.setSoTimeout(30_000);
      tls.startHandshake();
      return tls;
    } catch (IOException e) {
      tcp.close();
      throw e;
    }
  }
}
