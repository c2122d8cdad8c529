package io.github.httpswrapper.bench;

import io.github.httpswrapper.internal.http.HttpInput;
import io.github.httpswrapper.internal.http.HttpLimits;
import io.github.httpswrapper.internal.http.RequestHead;
import io.github.httpswrapper.internal.http.RequestParser;
import io.github.httpswrapper.internal.metrics.AccessLog;
import io.github.httpswrapper.internal.metrics.Metrics;
import io.github.httpswrapper.internal.metrics.RequestRecord;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What counting and the access log add to one request: the calls the relay makes for a forwarded request
 * (the record's start, the user, one read and one write counted, the answer counted and logged). With the
 * access log {@code off} this is the counters alone; with {@code info} it includes building the line and
 * slf4j-simple writing it (to {@code /dev/null}, so the disk is not measured).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.logFile=/dev/null")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ObservabilityBenchmark {
  /** The level of the access logger: {@code off} or {@code info}. JMH runs each value in its own JVM. */
  @Param({"off", "info"})
  public String accessLog;

  private Metrics metrics;
  private RequestRecord record;
  private InetAddress client;
  private RequestHead request;

  @Setup
  public void setUp() throws Exception {
    // Before the first logger exists, so slf4j-simple reads it when it configures itself.
    System.setProperty("org.slf4j.simpleLogger.log." + AccessLog.LOGGER_NAME, accessLog);
    metrics = new Metrics(List.of("rule 1 (any client: password required)"));
    record = new RequestRecord(metrics, "TLSv1.3");
    client = InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 1, 20});
    byte[] head =
        ("GET /blog/2026/11/a-post-about-https.html?utm_source=feed HTTP/1.1\r\nHost: blog.example.org\r\n"
                + "User-Agent: Mozilla/5.0\r\nAccept: text/html\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    request = RequestParser.read(new HttpInput(new ByteArrayInputStream(head)), HttpLimits.defaults());
  }

  @Benchmark
  public void forwardedRequest() {
    record.begin(client, request);
    record.user("alice");
    metrics.fromClient(140);
    metrics.toClient(5400);
    record.answered(200, 5120);
  }
}
