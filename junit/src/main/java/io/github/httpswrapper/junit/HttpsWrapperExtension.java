package io.github.httpswrapper.junit;

import io.github.httpswrapper.HttpsWrapper;
import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts HTTPS in front of a test's plain-HTTP target and gives the test a client that trusts exactly that
 * wrapper's certificate: no trust store, no trust-all manager, no trust code in the test.
 *
 * <p>Register it with {@code @RegisterExtension}, naming the target's host and, as a supplier, its port:
 *
 * <pre>{@code
 * class GreetingTest {
 *   @StartStop final MockWebServer target = new MockWebServer();  // or a JDK HttpServer, or any port
 *
 *   @RegisterExtension
 *   final HttpsWrapperExtension https = HttpsWrapperExtension.forTarget("localhost", () -> target.getPort());
 *
 *   @Test
 *   void greets() throws Exception {
 *     target.enqueue(new MockResponse.Builder().body("hello").build());
 *
 *     HttpResponse<String> response = https.client().send(
 *         HttpRequest.newBuilder(https.uri().resolve("/greeting")).build(), BodyHandlers.ofString());
 *
 *     assertEquals("hello", response.body());
 *   }
 * }
 * }</pre>
 *
 * <p>Lifecycle: the wrapper starts on first use ({@link #wrapper()}, {@link #uri()}, {@link #sslContext()} or
 * {@link #client()}), so the port supplier is asked only once the target is running, even when the target is
 * started by another extension or a {@code @BeforeEach} method. Registered on an instance field, each test gets
 * its own wrapper, closed after the test. Registered on a {@code static} field, one wrapper serves the whole
 * class and is closed after all its tests. Either way the extension closes it through JUnit's store (JUnit 5.13
 * or later closes {@link AutoCloseable} values; earlier versions close {@code CloseableResource} ones, and this
 * is both), together with the client and the temporary certificate directory.
 *
 * <p>Defaults: the wrapper listens on {@code 127.0.0.1} on a free port and serves a
 * {@linkplain CertificateSource#selfSigned() self-signed certificate} (for {@code localhost} and the loopback
 * addresses, among others) made in a temporary directory that is deleted afterwards. Everything else is
 * {@link HttpsWrapper.Builder}'s default; change any of it, including the certificate, with
 * {@link #configure(Consumer)}.
 *
 * <p>Use it from one test thread at a time per wrapper; a {@code static} one is shared by the class's tests.
 */
public final class HttpsWrapperExtension implements BeforeAllCallback, BeforeEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(HttpsWrapperExtension.class);

  private final String targetHost;
  private final IntSupplier targetPort;
  private Consumer<HttpsWrapper.Builder> configuration = builder -> {};
  private Scope scope;

  private HttpsWrapperExtension(String targetHost, IntSupplier targetPort) {
    this.targetHost = Objects.requireNonNull(targetHost, "targetHost");
    this.targetPort = Objects.requireNonNull(targetPort, "targetPort");
  }

  /**
   * Wraps the target at {@code host} whose port {@code port} tells when the wrapper starts: {@code () ->
   * server.getPort()} for a MockWebServer, {@code () -> server.getAddress().getPort()} for a JDK
   * {@code HttpServer}.
   */
  public static HttpsWrapperExtension forTarget(String host, IntSupplier port) {
    return new HttpsWrapperExtension(host, port);
  }

  /** Wraps the target at a fixed {@code host:port}. */
  public static HttpsWrapperExtension forTarget(String host, int port) {
    return new HttpsWrapperExtension(host, () -> port);
  }

  /**
   * Adjusts the wrapper before it starts, after the defaults are set: add an access policy, set timeouts, or
   * serve another certificate ({@code builder -> builder.certificate(CertificateSource.pem(file))}). Default:
   * no changes. Calling it again replaces the previous configuration.
   *
   * @return this extension, for chaining
   * @throws IllegalStateException when the wrapper has already started
   */
  public synchronized HttpsWrapperExtension configure(Consumer<HttpsWrapper.Builder> configuration) {
    Objects.requireNonNull(configuration, "configuration");
    if (scope != null && scope.wrapper != null) {
      throw new IllegalStateException("the wrapper has already started: call configure(...) where it is registered");
    }
    this.configuration = configuration;
    return this;
  }

  /**
   * The running wrapper, started now if this is the first use in the current test (or class).
   *
   * @throws IllegalStateException when called outside a test, or when the extension is not registered with
   *     {@code @RegisterExtension}
   */
  public synchronized HttpsWrapper wrapper() {
    if (scope == null) {
      throw new IllegalStateException(
          "no test is running: register the extension with @RegisterExtension and use it from a test");
    }
    return scope.start();
  }

  /** The wrapper's {@code https://127.0.0.1:PORT/} address; resolve paths against it. */
  public URI uri() {
    return wrapper().uri();
  }

  /** A TLS context that trusts exactly this wrapper's certificate, for clients other than {@link #client()}. */
  public synchronized SSLContext sslContext() {
    wrapper();
    return scope.sslContext;
  }

  /**
   * An HTTP/1.1 client that trusts exactly this wrapper's certificate (host names are still verified), with a
   * 5-second connect timeout. The same client for the wrapper's whole life.
   */
  public synchronized HttpClient client() {
    wrapper();
    return scope.client;
  }

  @Override
  public synchronized void beforeAll(ExtensionContext context) {
    open(context);
  }

  @Override
  public synchronized void beforeEach(ExtensionContext context) {
    open(context);
  }

  // Only the outermost context owns the wrapper: a static extension also sees beforeEach, and @Nested classes
  // see beforeAll again, but the wrapper must live as long as the field's scope.
  private void open(ExtensionContext context) {
    if (scope == null) {
      scope = new Scope(this);
      context.getStore(NAMESPACE).put(scope, scope);
    }
  }

  @SuppressWarnings("deprecation") // CloseableResource too, so that JUnit before 5.13 closes it as well
  private static final class Scope implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private final HttpsWrapperExtension owner; // its lock guards every field here
    private HttpsWrapper wrapper;
    private SSLContext sslContext;
    private HttpClient client;
    private Path stateDirectory;

    Scope(HttpsWrapperExtension owner) {
      this.owner = owner;
    }

    HttpsWrapper start() {
      if (wrapper != null) {
        return wrapper;
      }
      try {
        stateDirectory = Files.createTempDirectory("https-wrapper-test");
        HttpsWrapper.Builder builder =
            HttpsWrapper.forTarget(owner.targetHost, owner.targetPort.getAsInt())
                .certificate(CertificateSource.selfSigned().stateDirectory(stateDirectory));
        owner.configuration.accept(builder);
        wrapper = builder.start();
        sslContext = wrapper.clientSslContext();
        client =
            HttpClient.newBuilder()
                .sslContext(sslContext)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return wrapper;
      } catch (IOException e) {
        closeResources();
        throw new UncheckedIOException("cannot make a temporary directory for the test certificate", e);
      } catch (RuntimeException | Error e) {
        closeResources();
        throw e;
      }
    }

    @Override
    public void close() {
      synchronized (owner) {
        if (owner.scope == this) {
          owner.scope = null;
        }
        closeResources();
      }
    }

    private void closeResources() {
      // The wrapper first: closing it ends the client's connections, so closing the client does not wait.
      if (wrapper != null) {
        wrapper.close();
      }
      if (client instanceof AutoCloseable closeable) { // from Java 21 on
        try {
          closeable.close();
        } catch (Exception ignored) {
          // closing a client only frees its threads; a failure here must not hide the test's outcome
        }
      }
      deleteStateDirectory();
      client = null;
      sslContext = null;
      wrapper = null;
    }

    private void deleteStateDirectory() {
      if (stateDirectory == null) {
        return;
      }
      try (Stream<Path> files = Files.walk(stateDirectory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the test certificate directory " + stateDirectory, e);
      }
      stateDirectory = null;
    }
  }
}
