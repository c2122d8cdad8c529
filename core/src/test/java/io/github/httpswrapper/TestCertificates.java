package io.github.httpswrapper;

import io.github.httpswrapper.cert.CertificateSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Certificate material for tests: one ECDSA P-256 certificate for localhost and 127.0.0.1, made once. */
final class TestCertificates {
  private static Path dir;

  private TestCertificates() {}

  /** A PEM source for a certificate made by {@code openssl req}, shared by the tests of this run. */
  static synchronized CertificateSource localhost() throws IOException, InterruptedException {
    if (dir == null) {
      Path made = java.nio.file.Files.createTempDirectory("https-wrapper-core-test");
      Process p =
          new ProcessBuilder(
                  "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                  "-nodes", "-keyout", made.resolve("key.pem").toString(),
                  "-out", made.resolve("cert.pem").toString(), "-days", "30", "-subj", "/CN=localhost",
                  "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1")
              .redirectErrorStream(true)
              .start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("openssl req failed: " + output);
      }
      dir = made;
    }
    return CertificateSource.pem(dir.resolve("cert.pem"), dir.resolve("key.pem"));
  }
}
