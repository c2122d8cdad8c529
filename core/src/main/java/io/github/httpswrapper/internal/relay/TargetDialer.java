package io.github.httpswrapper.internal.relay;

import static io.github.httpswrapper.internal.Closeables.closeQuietly;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

/** Opens connections to the target, turning each way of failing into the status the client should see. */
final class TargetDialer {
  private final String host;
  private final int port;
  private final int timeoutMillis;
  private final String target;

  TargetDialer(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    this.target = RelayConfig.hostPort(host, port);
  }

  Socket dial() throws TargetUnavailableException {
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new TargetUnavailableException(
          502, "the target host " + host + " cannot be resolved", null);
    }
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(address, timeoutMillis);
      return socket;
    } catch (SocketTimeoutException e) {
      closeQuietly(socket);
      throw new TargetUnavailableException(
          504, "the target " + target + " did not accept a connection within "
              + timeoutMillis + " ms", e);
    } catch (ConnectException e) {
      closeQuietly(socket);
      throw new TargetUnavailableException(
          502, "the target " + target + " refused the connection: is it running?", e);
    } catch (NoRouteToHostException | UnknownHostException e) {
      closeQuietly(socket);
      throw new TargetUnavailableException(
          502, "the target " + target + " is unreachable (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      closeQuietly(socket);
      throw new TargetUnavailableException(
          502, "cannot connect to the target " + target + " (" + e.getMessage() + ")", e);
    }
  }

  String target() {
    return target;
  }
}
