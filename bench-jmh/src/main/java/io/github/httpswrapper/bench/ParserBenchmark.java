package io.github.httpswrapper.bench;

import io.github.httpswrapper.internal.http.BodyFraming;
import io.github.httpswrapper.internal.http.ChunkedBody;
import io.github.httpswrapper.internal.http.FixedBody;
import io.github.httpswrapper.internal.http.HttpInput;
import io.github.httpswrapper.internal.http.HttpLimits;
import io.github.httpswrapper.internal.http.RequestHead;
import io.github.httpswrapper.internal.http.RequestParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The request parser as the relay uses it: a fresh {@link HttpInput} per connection, one head read with {@link
 * RequestParser#read}, then the body copied with {@link FixedBody} or {@link ChunkedBody}.
 *
 * <p>Each invocation wraps the same pre-built bytes in a new {@link ByteArrayInputStream} and a new {@link
 * HttpInput} (which allocates its 8 KiB buffer, as it does for every connection); {@link #newInputOnly()}
 * measures that set-up alone, to subtract.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParserBenchmark {
  /** A browser's page request: 10 header fields, about 500 bytes. */
  static final String BROWSER_GET =
      "GET /app/dashboard/items?page=2&sort=name HTTP/1.1\r\n"
          + "Host: app.example.internal:8443\r\n"
          + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r\n"
          + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
          + "Accept-Language: en-US,en;q=0.5\r\n"
          + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
          + "Referer: https://app.example.internal:8443/app/dashboard\r\n"
          + "Cookie: session=3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e; theme=dark\r\n"
          + "Connection: keep-alive\r\n"
          + "Upgrade-Insecure-Requests: 1\r\n"
          + "Sec-Fetch-Dest: document\r\n"
          + "\r\n";

  static final int BODY_BYTES = 4 * 1024;
  static final int CHUNK_BYTES = 1024;

  private final HttpLimits limits = HttpLimits.defaults();
  private final OutputStream sink = OutputStream.nullOutputStream();
  private byte[] get;
  private byte[] postFixed;
  private byte[] postChunked;

  @Setup
  public void setUp() throws IOException {
    get = BROWSER_GET.getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[BODY_BYTES];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) ('a' + i % 26);
    }
    postFixed = concat(postHead("Content-Length: " + BODY_BYTES), body);
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    chunked.write(postHead("Transfer-Encoding: chunked"));
    for (int offset = 0; offset < body.length; offset += CHUNK_BYTES) {
      chunked.write((Integer.toHexString(CHUNK_BYTES) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      chunked.write(body, offset, CHUNK_BYTES);
      chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    postChunked = chunked.toByteArray();
    check();
  }

  /** Fails the run up front if an input would measure a refusal instead of the normal path. */
  private void check() throws IOException {
    RequestHead head = parseGet();
    if (head.framing() != BodyFraming.NONE || head.headers().size() != 10) {
      throw new IllegalStateException("GET head parsed unexpectedly: " + head.framing());
    }
    HttpInput in = new HttpInput(new ByteArrayInputStream(postFixed));
    head = RequestParser.read(in, limits);
    if (head.framing() != BodyFraming.LENGTH || head.contentLength() != BODY_BYTES) {
      throw new IllegalStateException("POST head parsed unexpectedly: " + head.framing());
    }
    FixedBody.copy(in, sink, head.contentLength());
    if (!in.atEof()) {
      throw new IllegalStateException("fixed body not fully read");
    }
    in = new HttpInput(new ByteArrayInputStream(postChunked));
    head = RequestParser.read(in, limits);
    if (head.framing() != BodyFraming.CHUNKED || ChunkedBody.copy(in, sink, limits) != BODY_BYTES || !in.atEof()) {
      throw new IllegalStateException("chunked body not copied as expected");
    }
  }

  /** The cost included in every other benchmark here: a new stream and {@link HttpInput} with its buffer. */
  @Benchmark
  public HttpInput newInputOnly() {
    return new HttpInput(new ByteArrayInputStream(get));
  }

  /** A browser GET head, about 500 bytes, 10 fields. */
  @Benchmark
  public RequestHead parseGet() throws IOException {
    return RequestParser.read(new HttpInput(new ByteArrayInputStream(get)), limits);
  }

  /** A POST head with Content-Length, then its 4 KiB body through {@link FixedBody#copy}. */
  @Benchmark
  public RequestHead parsePostFixedBody() throws IOException {
    HttpInput in = new HttpInput(new ByteArrayInputStream(postFixed));
    RequestHead head = RequestParser.read(in, limits);
    FixedBody.copy(in, sink, head.contentLength());
    return head;
  }

  /** A chunked POST head, then its 4 KiB body in four 1 KiB chunks through {@link ChunkedBody#copy}. */
  @Benchmark
  public long parsePostChunkedBody() throws IOException {
    HttpInput in = new HttpInput(new ByteArrayInputStream(postChunked));
    RequestParser.read(in, limits);
    return ChunkedBody.copy(in, sink, limits);
  }

  private static byte[] postHead(String framingField) {
    return ("POST /api/v1/orders HTTP/1.1\r\n"
            + "Host: app.example.internal:8443\r\n"
            + "User-Agent: orders-client/2.3 (Java/17)\r\n"
            + "Accept: application/json\r\n"
            + "Content-Type: application/json\r\n"
            + framingField
            + "\r\n"
            + "Connection: keep-alive\r\n"
            + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
