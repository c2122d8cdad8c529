package io.github.httpswrapper.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Makes Ctrl-C (SIGINT) and SIGTERM a normal stop.
 *
 * <p>On those signals the JVM runs its shutdown hooks but then exits with status 130 or 143, which service
 * managers and scripts read as a failure. Being asked to stop is how this program is meant to end, so these
 * handlers exit with status 0 instead; the shutdown hooks (which close the wrapper) run all the same.
 *
 * <p>The handlers use {@code sun.misc.Signal} from the {@code jdk.unsupported} module, present in every OpenJDK
 * build, through reflection so that the build stays free of its "internal API" warning. Where it is missing,
 * or a signal is ignored by the parent process (as {@code SIGINT} is for background jobs of a script), the
 * JVM's default behaviour remains.
 */
final class Signals {
  private Signals() {}

  /** Installs the handlers, where the JVM lets it. */
  static void exitWithStatusZeroOnStop() {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerInterface = Class.forName("sun.misc.SignalHandler");
      Object handler =
          Proxy.newProxyInstance(
              handlerInterface.getClassLoader(), new Class<?>[] {handlerInterface}, exitZero());
      Method handle = signalClass.getMethod("handle", signalClass, handlerInterface);
      for (String name : new String[] {"INT", "TERM"}) {
        try {
          handle.invoke(null, signalClass.getConstructor(String.class).newInstance(name), handler);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // This signal keeps the JVM's default: the shutdown hook still stops the wrapper cleanly.
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // No sun.misc.Signal in this runtime: the defaults remain, as above.
    }
  }

  private static InvocationHandler exitZero() {
    return (proxy, method, args) -> {
      switch (method.getName()) {
        case "handle":
          // Runs on the JVM's signal thread; System.exit runs the shutdown hooks, as the default handler does.
          System.exit(0);
          return null;
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        default:
          return "exit with status 0";
      }
    };
  }
}
