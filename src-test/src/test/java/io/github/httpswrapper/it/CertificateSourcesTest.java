package io.github.httpswrapper.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.httpswrapper.HttpsWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of identity material serves a real handshake that a client trusting only that material (the
 * certificate itself, or the CA that issued it) accepts, checking the host name.
 */
@Timeout(60)
class CertificateSourcesTest {
  /** A client that trusts exactly one PEM file. */
  enum Client {
    JDK_HTTP_CLIENT {
      @Override
      String get(String url, Path trusted) throws IOException, InterruptedException {
        HttpResponse<String> response =
            Trust.client(trusted)
                .send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
      }
    },
    CURL {
      @Override
      String get(String url, Path trusted) {
        return Commands.run(Duration.ofSeconds(25), List.of("curl", "-sS", "--fail", "--max-time", "20", "--cacert",
                trusted.toString(), url))
            .requireSuccess()
            .stdout();
      }
    };

    abstract String get(String url, Path trusted) throws IOException, InterruptedException;
  }

  private static JdkTarget target;

  @TempDir Path directory;

  @BeforeAll
  static void startTarget() throws IOException {
    Commands.assumeInstalled("openssl", "version");
    Commands.assumeInstalled("curl", "--version");
    target = JdkTarget.start(exchange -> JdkTarget.respond(exchange, 200, "served"));
  }

  @AfterAll
  static void stopTarget() {
    if (target != null) {
      target.close();
    }
  }

  static Stream<Arguments> materialAndClient() {
    return Arrays.stream(Material.values())
        .flatMap(material -> Arrays.stream(Client.values()).map(client -> Arguments.of(material, client)));
  }

  @ParameterizedTest(name = "{0} via {1}")
  @MethodSource("materialAndClient")
  void clientTrustingOnlyThisMaterialIsServed(Material material, Client client) throws Exception {
    Path materialDirectory = Files.createDirectories(directory.resolve("material"));
    Material.Served served = material.make(materialDirectory);

    try (HttpsWrapper wrapper =
        HttpsWrapper.forTarget("127.0.0.1", target.port()).certificate(served.source()).start()) {
      assertEquals("served", client.get(wrapper.uri().toString(), served.trustedPem()));
    }
  }
}
