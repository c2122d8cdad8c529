package io.github.httpswrapper.bench;

import io.github.httpswrapper.AccessPolicy;
import io.github.httpswrapper.Users;
import io.github.httpswrapper.internal.access.Decision;
import io.github.httpswrapper.internal.access.PolicyEvaluator;
import io.github.httpswrapper.internal.access.PolicyPlan;
import io.github.httpswrapper.internal.access.RequestFacts;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
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
 * {@link PolicyEvaluator#decide}, once per request, for the preset policies.
 *
 * <p>The valid-password case measures the verification cache, not bcrypt: set-up checks the password once (about
 * 50-100 ms), and later checks find it in the cache. The cache forgets a success after 5 minutes, so a trial
 * longer than that pays for one more bcrypt check, amortised over millions of calls.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyBenchmark {
  private static final X509Certificate[] NO_CERTIFICATES = new X509Certificate[0];
  private static final String USER = "alice";
  private static final String PASSWORD = "correct horse battery staple";

  private PolicyEvaluator trustedNetwork;
  private PolicyEvaluator localOpen;
  private RequestFacts remoteAnonymous;
  private RequestFacts loopbackAnonymous;
  private RequestFacts remoteWithPassword;

  @Setup
  public void setUp() throws Exception {
    Users users = Users.builder().user(USER, Users.hashPassword(PASSWORD.toCharArray())).build();
    trustedNetwork = new PolicyEvaluator(plan(AccessPolicy.trustedNetwork()), "bench");
    localOpen = new PolicyEvaluator(plan(AccessPolicy.localOpenRemotePassword(users)), "bench");

    InetAddress remote = InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 7});
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    String authorization =
        "Basic "
            + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    remoteAnonymous = facts(remote, null);
    loopbackAnonymous = facts(loopback, null);
    remoteWithPassword = facts(remote, authorization);

    expect(trustedNetwork.decide(remoteAnonymous), 0);
    expect(localOpen.decide(loopbackAnonymous), 0);
    expect(localOpen.decide(remoteWithPassword), 0); // warms the verification cache
    expect(localOpen.decide(remoteAnonymous), 401);
  }

  /** Trusted network: the first rule allows everything. */
  @Benchmark
  public Decision trustedNetworkAllow() {
    return trustedNetwork.decide(remoteAnonymous);
  }

  /** Local open, remote password: a loopback client matches the first rule. */
  @Benchmark
  public Decision localOpenLoopbackAllow() {
    return localOpen.decide(loopbackAnonymous);
  }

  /** Local open, remote password: a remote client with a valid Basic password, found in the cache. */
  @Benchmark
  public Decision localOpenRemoteCachedPassword() {
    return localOpen.decide(remoteWithPassword);
  }

  /** Local open, remote password: a remote client without credentials gets 401 and a challenge. */
  @Benchmark
  public Decision localOpenRemoteNoCredentials401() {
    return localOpen.decide(remoteAnonymous);
  }

  private static RequestFacts facts(InetAddress client, String authorization) {
    return new RequestFacts(client, "GET", "/app/dashboard", authorization, NO_CERTIFICATES, null);
  }

  private static void expect(Decision decision, int status) {
    if (decision.status() != status) {
      throw new IllegalStateException("expected status " + status + ", got " + decision);
    }
  }

  /**
   * The plan the wrapper builds from a policy. {@code AccessPolicy.plan()} is package-private; on the class path
   * (where these benchmarks run) reflection may call it.
   */
  private static PolicyPlan plan(AccessPolicy policy) throws ReflectiveOperationException {
    Method plan = AccessPolicy.class.getDeclaredMethod("plan");
    plan.setAccessible(true);
    return (PolicyPlan) plan.invoke(policy);
  }
}
