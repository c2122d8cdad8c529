package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that two HTTP parsers could read differently (the stuff of request smuggling) or that are too big are
 * refused by the wrapper itself: the client gets 400 (414, 431 for the size limits), the connection is closed,
 * and the target, a raw socket recording every byte, never sees the request.
 */
@Timeout(30)
class MalformedRequestTest {
  /** Appears in every malformed request; the target must never receive it. */
  private static final String MARKER = "smuggled-marker";

  @TempDir Path stateDirectory;
  private RecordingTarget target;
  private HttpsWrapper wrapper;

  @BeforeEach
  void start() throws IOException {
    target = RecordingTarget.start();
    wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.port())
            .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory))
            .start();
  }

  @AfterEach
  void stop() {
    if (wrapper != null) {
      wrapper.close();
    }
    target.close();
  }

  static Stream<Arguments> malformedRequests() {
    return Stream.of(
        refused("contentLengthWithTransferEncoding", 400,
            "POST /" + MARKER + " HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\n"),
        refused("duplicateContentLength", 400,
            "POST /" + MARKER + " HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"),
        refused("nonNumericContentLength", 400,
            "POST /" + MARKER + " HTTP/1.1\r\nHost: h\r\nContent-Length: 3x\r\n\r\nabc"),
        refused("signedContentLength", 400,
            "POST /" + MARKER + " HTTP/1.1\r\nHost: h\r\nContent-Length: +3\r\n\r\nabc"),
        refused("transferEncodingNotEndingInChunked", 400,
            "POST /" + MARKER + " HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n"),
        refused("unknownTransferEncoding", 400,
            "POST /" + MARKER + " HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n"),
        refused("obsFoldedHeader", 400,
            "GET /" + MARKER + " HTTP/1.1\r\nHost: h\r\nX-Folded: a\r\n b\r\n\r\n"),
        refused("bareLineFeed", 400,
            "GET /" + MARKER + " HTTP/1.1\r\nHost: h\nX-After-Bare-LF: 1\r\n\r\n"),
        refused("nulInHeaderValue", 400,
            "GET /" + MARKER + " HTTP/1.1\r\nHost: h\r\nX-Nul: a\u0000b\r\n\r\n"),
        refused("whitespaceBeforeColon", 400,
            "GET /" + MARKER + " HTTP/1.1\r\nHost: h\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n"),
        refused("missingHost", 400,
            "GET /" + MARKER + " HTTP/1.1\r\nX-No-Host: 1\r\n\r\n"),
        refused("duplicateHost", 400,
            "GET /" + MARKER + " HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
        refused("requestLineOver8KiB", 414,
            "GET /" + MARKER + "/" + "a".repeat(8300) + " HTTP/1.1\r\nHost: h\r\n\r\n"),
        refused("headersOver32KiB", 431,
            "GET /" + MARKER + " HTTP/1.1\r\nHost: h\r\n" + ("X-Filler: " + "b".repeat(1000) + "\r\n").repeat(34)
                + "\r\n"));
  }

  private static Arguments refused(String name, int status, String request) {
    return Arguments.of(Named.of(name, request), status);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedRequests")
  void malformedRequestIsRefusedAndNeverReachesTarget(String request, int expectedStatus) throws Exception {
    try (SSLSocket socket = RawHttps.connect(wrapper.clientSslContext(), wrapper.listenAddress())) {
      send(socket, request);

      RawResponse response = response(socket);
      assertEquals(expectedStatus, response.status(), response.toString());
      assertTrue(RawResponse.closedAfter(socket.getInputStream()), "the connection should be closed after " + response);
    }
    Thread.sleep(200); // anything the wrapper forwarded by mistake has arrived by now
    assertFalse(target.received().contains(MARKER), "the target received:\n" + target.received());
  }

  @Test
  void invalidChunkSizeIsRefusedAndNeverReachesTarget() throws Exception {
    String badChunk = "zz-" + MARKER;
    String request =
        "POST /upload HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n" + badChunk
            + "\r\nmore\r\n0\r\n\r\n";
    try (SSLSocket socket = RawHttps.connect(wrapper.clientSslContext(), wrapper.listenAddress())) {
      send(socket, request);

      RawResponse response = response(socket);
      assertEquals(400, response.status(), response.toString());
      assertTrue(RawResponse.closedAfter(socket.getInputStream()), "the connection should be closed");
    }
    Thread.sleep(200);
    assertFalse(target.received().contains(MARKER), "the target received:\n" + target.received());
  }

  @Test
  void chunkSizeOverflowIsRefused() throws Exception {
    String request =
        "POST /" + MARKER + " HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "10000000000000005\r\nhello\r\n0\r\n\r\n";
    try (SSLSocket socket = RawHttps.connect(wrapper.clientSslContext(), wrapper.listenAddress())) {
      send(socket, request);

      RawResponse response = response(socket);
      assertEquals(400, response.status(), response.toString());
    }
  }

  @Test
  void wellFormedRequestReachesTheRecordingTarget() throws Exception {
    String request = "GET /" + MARKER + " HTTP/1.1\r\nHost: h\r\n\r\n";
    try (SSLSocket socket = RawHttps.connect(wrapper.clientSslContext(), wrapper.listenAddress())) {
      send(socket, request);

      assertTrue(target.awaitReceived("GET /" + MARKER + " HTTP/1.1\r\n", 5000),
          "the control request should reach the target; it received:\n" + target.received());
    }
  }

  private static void send(SSLSocket socket, String request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** The wrapper's answer; fails clearly when there is none, which is what a forwarded request looks like. */
  private RawResponse response(SSLSocket socket) throws IOException {
    socket.setSoTimeout(5000);
    InputStream in = socket.getInputStream();
    Optional<RawResponse> response;
    try {
      response = RawResponse.read(in);
    } catch (SocketTimeoutException e) {
      fail("no answer within 5 s (was the request forwarded?); the target received:\n" + target.received());
      return null;
    }
    if (response.isEmpty()) {
      fail("the connection was closed without an answer; the target received:\n" + target.received());
    }
    return response.get();
  }
}
