package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Another machine on a private link, for tests that need a client that is not on loopback: a Linux network
 * namespace joined to this one by a veth pair. The wrapper listens on {@link #hostAddress()} (this side of the
 * link); programs started with {@link #run} run inside the namespace and connect from {@link #clientAddress()},
 * which is what the wrapper sees as the TCP peer.
 *
 * <p>Each instance takes its own /30 from {@code 10.201.0.0/16} (and the matching {@code fd00:201:<n>::/64} for
 * IPv6, when the kernel allows it). The link index {@code n} is claimed by creating the veth named after it, which
 * the kernel does atomically, so tests running in parallel, even in other JVMs, never share a link. The
 * namespace is named {@code hw-<pid>-<k>}; deleting it (in {@link #close()}) deletes the veth pair as well.
 * Namespaces left behind by a JVM that was killed are removed on the next {@link #create()} once their pid is
 * gone. Nothing is routed beyond the link: programs in the namespace can reach only the two link addresses and
 * their own loopback.
 *
 * <p>Needs root (CAP_NET_ADMIN) and iproute2; without them {@link #create()} skips the calling test.
 */
final class RemoteHost implements AutoCloseable {
  private static final Duration IP_TIMEOUT = Duration.ofSeconds(10);
  private static final int LINKS = 1 << 14; // the /30s in 10.201.0.0/16
  private static final long PID = ProcessHandle.current().pid();
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static final AtomicInteger NEXT_LINK = new AtomicInteger((int) (PID * 37 % LINKS));
  private static final Pattern OUR_NAMESPACE = Pattern.compile("^hw-(\\d+)-\\d+\\b");
  private static final Set<RemoteHost> OPEN = ConcurrentHashMap.newKeySet();
  private static volatile boolean swept;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(RemoteHost::close), "remote-host-cleanup"));
  }

  private final String namespace;
  private final String hostLink;
  private final InetAddress hostAddress;
  private final InetAddress clientAddress;
  private final InetAddress hostAddress6;
  private final InetAddress clientAddress6;
  private volatile boolean closed;

  private RemoteHost(
      String namespace, String hostLink, InetAddress host, InetAddress client, InetAddress host6,
      InetAddress client6) {
    this.namespace = namespace;
    this.hostLink = hostLink;
    this.hostAddress = host;
    this.clientAddress = client;
    this.hostAddress6 = host6;
    this.clientAddress6 = client6;
  }

  /**
   * Makes the namespace and its link, or skips the calling test when network namespaces cannot be made here
   * (not root, no iproute2).
   */
  static RemoteHost create() {
    assumeAvailable();
    sweepNamespacesOfDeadProcesses();
    String namespace = "hw-" + PID + "-" + NAMESPACES.incrementAndGet();
    Commands.Result added = ip("netns", "add", namespace);
    Assumptions.assumeTrue(added.exitCode() == 0,
        () -> "cannot make a network namespace (needs root and iproute2):\n" + added);
    try {
      return connect(namespace);
    } catch (RuntimeException | Error e) {
      ip("netns", "delete", namespace);
      throw e;
    }
  }

  private static RemoteHost connect(String namespace) {
    for (int attempt = 0; attempt < 64; attempt++) {
      int link = Math.floorMod(NEXT_LINK.getAndIncrement(), LINKS);
      String hostLink = "hwv" + link;
      String peerLink = "hwp" + link;
      Commands.Result veth =
          ip("link", "add", hostLink, "type", "veth", "peer", "name", peerLink, "netns", namespace);
      if (veth.exitCode() != 0) {
        if (veth.stderr().contains("exists")) {
          continue; // another test, maybe in another JVM, has this link
        }
        fail("cannot make a veth pair:\n" + veth);
      }
      int base = link * 4;
      String prefix = "10.201." + (base >> 8) + ".";
      String host = prefix + ((base & 0xff) + 1);
      String client = prefix + ((base & 0xff) + 2);
      ip("addr", "add", host + "/30", "dev", hostLink).requireSuccess();
      ip("link", "set", hostLink, "up").requireSuccess();
      ip("-n", namespace, "addr", "add", client + "/30", "dev", peerLink).requireSuccess();
      ip("-n", namespace, "link", "set", peerLink, "up").requireSuccess();
      ip("-n", namespace, "link", "set", "lo", "up").requireSuccess();
      // IPv6 is a bonus: some kernels and containers have it switched off. nodad: usable at once.
      String prefix6 = "fd00:201:" + Integer.toHexString(link) + "::";
      boolean v6 =
          ip("-6", "addr", "add", prefix6 + "1/64", "dev", hostLink, "nodad").exitCode() == 0
              && ip("-n", namespace, "-6", "addr", "add", prefix6 + "2/64", "dev", peerLink, "nodad").exitCode()
                  == 0;
      RemoteHost remote =
          new RemoteHost(namespace, hostLink, address(host), address(client),
              v6 ? address(prefix6 + "1") : null, v6 ? address(prefix6 + "2") : null);
      OPEN.add(remote);
      return remote;
    }
    fail("no free test link in 10.201.0.0/16 after 64 attempts");
    throw new AssertionError("unreachable");
  }

  /** The namespace's name, for failure messages. */
  String namespace() {
    return namespace;
  }

  /** This side of the link: where a server should listen to be reached from the namespace. */
  InetAddress hostAddress() {
    return hostAddress;
  }

  /** The namespace's side of the link: the address its programs connect from. */
  InetAddress clientAddress() {
    return clientAddress;
  }

  /** This side of the link over IPv6, when IPv6 could be set up. */
  Optional<InetAddress> hostAddress6() {
    return Optional.ofNullable(hostAddress6);
  }

  /** The namespace's side of the link over IPv6, when IPv6 could be set up. */
  Optional<InetAddress> clientAddress6() {
    return Optional.ofNullable(clientAddress6);
  }

  /** Runs {@code command} inside the namespace with a deadline. */
  Commands.Result run(Duration timeout, List<String> command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
    full.addAll(command);
    return Commands.run(timeout, full);
  }

  /**
   * Runs curl inside the namespace, silent but showing errors, verbose on stderr, with a 20 s limit. The caller
   * passes {@code --cacert} (or nothing for plain HTTP) and the rest.
   */
  Commands.Result curl(String... args) {
    List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "--max-time", "20"));
    command.addAll(List.of(args));
    return run(Duration.ofSeconds(25), command);
  }

  /**
   * Runs {@link RemoteClientMain} inside the namespace on the JVM and class path of the tests, so that the JDK's
   * own HTTP and TLS code is the remote client.
   */
  Commands.Result java(String... args) {
    List<String> command =
        new ArrayList<>(List.of(Commands.jdkTool("java"), "-cp", System.getProperty("java.class.path"),
            RemoteClientMain.class.getName()));
    command.addAll(List.of(args));
    return run(Duration.ofSeconds(40), command);
  }

  /** Runs {@link RemoteClientMain} inside the namespace and reads back its responses; fails if it failed. */
  RawHttps.Exchange javaClient(String... args) {
    Commands.Result result = java(args).requireSuccess();
    try {
      return RemoteClientMain.parse(result.stdout());
    } catch (RuntimeException e) {
      throw new AssertionError("cannot read the remote client's output\n" + result, e);
    }
  }

  /** Whether the namespace still exists (after {@link #close()} it must not). */
  boolean exists() {
    return ip("netns", "list").stdout().lines().anyMatch(line -> line.split(" ")[0].equals(namespace));
  }

  /** Whether this side of the veth pair still exists. */
  boolean linkExists() {
    return ip("link", "show", "dev", hostLink).exitCode() == 0;
  }

  /** Deletes the namespace, which takes the veth pair with it. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    OPEN.remove(this);
    ip("netns", "delete", namespace);
    if (ip("link", "show", "dev", hostLink).exitCode() == 0) {
      ip("link", "delete", hostLink); // normally gone with the namespace
    }
  }

  @Override
  public String toString() {
    return "RemoteHost[" + namespace + ", " + clientAddress.getHostAddress() + " -> " + hostAddress.getHostAddress()
        + "]";
  }

  private static void assumeAvailable() {
    Commands.Result list;
    try {
      list = ip("netns", "list");
    } catch (UncheckedIOException e) {
      Assumptions.abort("iproute2 (the ip command) is not installed: tests with a remote client need it and root");
      return;
    }
    Assumptions.assumeTrue(list.exitCode() == 0, () -> "ip netns is unavailable:\n" + list);
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) || isUidZero(),
        "tests with a remote client make network namespaces, which needs root");
  }

  private static boolean isUidZero() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes {@code hw-<pid>-*} namespaces whose JVM is gone (killed before it could clean up). */
  private static synchronized void sweepNamespacesOfDeadProcesses() {
    if (swept) {
      return;
    }
    swept = true;
    for (String line : ip("netns", "list").stdout().lines().toList()) {
      Matcher m = OUR_NAMESPACE.matcher(line);
      if (m.find() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
        ip("netns", "delete", line.split(" ")[0]);
      }
    }
  }

  private static Commands.Result ip(String... args) {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    return Commands.run(IP_TIMEOUT, command);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
