package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plain HTTP sent to the TLS port is answered, not reset: a permanent redirect to the same URL on https:// (301
 * for GET and HEAD, 308 for other methods, which keeps method and body), or a 400 that names the https:// address
 * when the request has no usable Host. Nothing reaches the target.
 */
@Timeout(30)
class PlainHttpOnTlsPortTest {
  @TempDir Path stateDirectory;
  private final MockWebServer target = new MockWebServer();
  private HttpsWrapper wrapper;

  @BeforeEach
  void start() throws IOException {
    target.start(InetAddress.getByName("127.0.0.1"), 0);
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.getPort())
            .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
            .start();
  }

  @AfterEach
  void stop() {
    wrapper.close();
    target.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"GET, 301", "HEAD, 301", "POST, 308", "PUT, 308", "DELETE, 308"})
  void plainHttpIsRedirectedToTheSameUrlOnHttps(String method, int expectedStatus) throws IOException {
    String hostPort = "127.0.0.1:" + wrapper.port();
    String request =
        method.equals("POST") || method.equals("PUT")
            ? method + " /form?x=1 HTTP/1.1\r\nHost: " + hostPort + "\r\nContent-Length: 3\r\n\r\na=b"
            : method + " /form?x=1 HTTP/1.1\r\nHost: " + hostPort + "\r\n\r\n";

    String response = exchangePlain(request, method.equals("HEAD"));

    assertTrue(response.startsWith("HTTP/1.1 " + expectedStatus + " "), "response:\n" + response);
    assertTrue(response.contains("\r\nLocation: https://" + hostPort + "/form?x=1\r\n"), "response:\n" + response);
    assertEquals(0, target.getRequestCount(), "plain HTTP must not reach the target");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"no Host", "Host: not a host!"})
  void plainHttpWithoutUsableHostGets400NamingHttps(String host) throws IOException {
    String hostLine = host.startsWith("Host:") ? host + "\r\n" : "";
    String response = exchangePlain("GET / HTTP/1.1\r\n" + hostLine + "\r\n", false);

    assertTrue(response.startsWith("HTTP/1.1 400 "), "response:\n" + response);
    int bodyStart = response.indexOf("\r\n\r\n");
    assertTrue(bodyStart > 0, "no end of head in:\n" + response);
    String body = response.substring(bodyStart + 4);
    assertTrue(body.contains("https://") && body.contains(":" + wrapper.port() + "/"),
        "body should name the https address:\n" + response);
    assertEquals(0, target.getRequestCount(), "plain HTTP must not reach the target");
  }

  @Test
  void httpsStillServedAfterPlainHttpOnSamePort() throws Exception {
    exchangePlain("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + wrapper.port() + "\r\n\r\n", false);
    target.enqueue(new MockResponse.Builder().body("still here").build());

    HttpResponse<String> response =
        Trust.client(wrapper.clientSslContext())
            .send(HttpRequest.newBuilder(wrapper.uri()).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals("still here", response.body());
  }

  /**
   * Sends {@code request} in clear text and reads the answer, up to its content length (none for HEAD) or end of
   * file.
   */
  private String exchangePlain(String request, boolean head) throws IOException {
    try (Socket socket = new Socket(Ports.LOOPBACK, wrapper.port())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      long end = Long.MAX_VALUE;
      try {
        while (received.size() < end) {
          int b = in.read();
          if (b == -1) {
            break;
          }
          received.write(b);
          String soFar = received.toString(StandardCharsets.ISO_8859_1);
          if (end == Long.MAX_VALUE && soFar.endsWith("\r\n\r\n")) {
            int length = head ? 0 : Http1.contentLength(soFar);
            end = length < 0 ? Long.MAX_VALUE - 1 : received.size() + length;
          }
        }
      } catch (SocketException e) {
        throw new AssertionError("connection reset after " + received.size() + " bytes: "
            + received.toString(StandardCharsets.ISO_8859_1), e);
      }
      return received.toString(StandardCharsets.UTF_8);
    }
  }
}
