package io.github.httpswrapper.cert.internal.acme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * What the wrapper's plain-HTTP listener does for HTTP-01, in a few lines: answers
 * {@code GET /.well-known/acme-challenge/<token>} with the key authorization the ACME source gives for that token,
 * as {@code text/plain}, and 404 for any token it does not know. Plain sockets (one request per connection), on
 * 127.0.0.1 and a free port; remembers the tokens it was asked for.
 */
public final class ChallengeResponder implements AutoCloseable {
  static final String PREFIX = "/.well-known/acme-challenge/";

  private final ServerSocket listener;
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private volatile Function<String, Optional<String>> answers = token -> Optional.empty();

  private ChallengeResponder(ServerSocket listener) {
    this.listener = listener;
  }

  public static ChallengeResponder start() throws IOException {
    ChallengeResponder responder = new ChallengeResponder(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    Thread acceptor = new Thread(responder::acceptLoop, "acme-challenge-responder");
    acceptor.setDaemon(true);
    acceptor.start();
    return responder;
  }

  /** Where answers come from from now on, typically {@code source::challengeResponse}. */
  public void answerFrom(Function<String, Optional<String>> answers) {
    this.answers = answers;
  }

  /** The tokens asked for so far, in order. */
  public List<String> asked() {
    return List.copyOf(asked);
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try (Socket socket = listener.accept()) {
        socket.setSoTimeout(5_000);
        answer(socket);
      } catch (IOException e) {
        // Closed by close(), or a client that went away: either way, on to the next one (or out).
      }
    }
  }

  private void answer(Socket socket) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    String[] requestLine = String.valueOf(in.readLine()).split(" ");
    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
      // Headers do not matter here.
    }
    Optional<String> answer = Optional.empty();
    if (requestLine.length == 3 && requestLine[0].equals("GET") && requestLine[1].startsWith(PREFIX)) {
      String token = requestLine[1].substring(PREFIX.length());
      asked.add(token);
      answer = answers.apply(token);
    }
    byte[] body = answer.orElse("not found").getBytes(StandardCharsets.US_ASCII);
    String head = (answer.isPresent() ? "HTTP/1.1 200 OK" : "HTTP/1.1 404 Not Found") + "\r\n"
        + "Content-Type: text/plain\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // Nothing left to release.
    }
  }
}
