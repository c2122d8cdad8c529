package io.github.httpswrapper.bench;

import io.github.httpswrapper.internal.http.HttpException;
import io.github.httpswrapper.internal.http.Paths;
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

/** {@link Paths#checkedPath}, which every request's path goes through before the policy sees it. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PathsBenchmark {
  /** Fields, not constants, so that the JIT cannot fold the input. */
  private String plain = "/app/dashboard/items/42/edit";

  /**
   * Escapes of each kind: unreserved characters that are decoded ({@code %7E}, {@code %2D}), reserved or
   * non-ASCII ones that stay encoded with upper-case hex ({@code %20}, {@code %c3%a9}).
   */
  private String encoded = "/files/Annual%20Report%202024/%7ealice/caf%c3%a9%2Dmenu.pdf";

  @Setup
  public void check() throws HttpException {
    if (!Paths.checkedPath(plain).equals(plain)) {
      throw new IllegalStateException("plain path changed");
    }
    String expected = "/files/Annual%20Report%202024/~alice/caf%C3%A9-menu.pdf";
    if (!Paths.checkedPath(encoded).equals(expected)) {
      throw new IllegalStateException("encoded path checked as " + Paths.checkedPath(encoded));
    }
  }

  @Benchmark
  public String plainPath() throws HttpException {
    return Paths.checkedPath(plain);
  }

  @Benchmark
  public String percentEncodedPath() throws HttpException {
    return Paths.checkedPath(encoded);
  }
}
