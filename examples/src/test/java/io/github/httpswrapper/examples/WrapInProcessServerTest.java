package io.github.httpswrapper.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class WrapInProcessServerTest {
  @Test
  void fetchesThePageOverHttps(@TempDir Path stateDirectory) throws Exception {
    String result = WrapInProcessServer.run(stateDirectory);
    assertTrue(result.startsWith("200 from https://127.0.0.1:"), result);
    assertTrue(result.endsWith("hello over HTTPS\n"), result);
  }
}
