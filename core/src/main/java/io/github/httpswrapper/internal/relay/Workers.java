package io.github.httpswrapper.internal.relay;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads connections run on: virtual threads where the runtime has them (Java 21+), otherwise a pool of
 * platform threads bounded by the connection limit. Blocking I/O on a thread per direction keeps the relay
 * simple and lets the HTTP stage read requests with plain streams.
 */
public final class Workers {
  private static final ThreadFactory VIRTUAL = virtualThreadFactory();
  /** Platform threads: a small stack is plenty for the relay's shallow call chains. */
  private static final long PLATFORM_STACK_SIZE = 256 * 1024;

  private Workers() {}

  /** Whether this runtime gives the relay virtual threads. */
  public static boolean virtual() {
    return VIRTUAL != null;
  }

  /** The default connection limit: higher where connections are cheap. */
  public static int defaultMaxConnections() {
    return virtual() ? 10_000 : 1_000;
  }

  /**
   * An executor for connection work. Each connection uses at most {@code threadsPerConnection} tasks at a time,
   * so a pool sized for the connection limit never rejects work that the limit admitted.
   */
  static ExecutorService create(String name, int maxConnections, int threadsPerConnection) {
    if (VIRTUAL != null) {
      return newThreadPerTaskExecutor(VIRTUAL);
    }
    AtomicLong counter = new AtomicLong();
    ThreadFactory platform =
        task -> {
          Thread t = new Thread(null, task, name + "-" + counter.incrementAndGet(), PLATFORM_STACK_SIZE);
          t.setDaemon(true);
          return t;
        };
    long max = Math.min(Integer.MAX_VALUE, (long) maxConnections * threadsPerConnection + 4);
    return new ThreadPoolExecutor(
        0, (int) max, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), platform);
  }

  private static ThreadFactory virtualThreadFactory() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builderClass = Class.forName("java.lang.Thread$Builder");
      Object builder =
          lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")))
              .invoke();
      MethodHandle name =
          lookup.findVirtual(
              builderClass, "name", MethodType.methodType(builderClass, String.class, long.class));
      builder = name.invoke(builder, "https-wrapper-", 0L);
      MethodHandle factory =
          lookup.findVirtual(builderClass, "factory", MethodType.methodType(ThreadFactory.class));
      return (ThreadFactory) factory.invoke(builder);
    } catch (Throwable notAvailable) {
      // Java 17-20 (or virtual threads disabled): fall back to platform threads.
      return null;
    }
  }

  private static ExecutorService newThreadPerTaskExecutor(ThreadFactory factory) {
    try {
      MethodHandle create =
          MethodHandles.publicLookup()
              .findStatic(
                  java.util.concurrent.Executors.class,
                  "newThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class, ThreadFactory.class));
      return (ExecutorService) create.invoke(factory);
    } catch (Throwable e) {
      throw new IllegalStateException("virtual threads are present but cannot be used: " + e, e);
    }
  }
}
