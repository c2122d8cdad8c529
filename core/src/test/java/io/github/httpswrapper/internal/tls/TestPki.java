package io.github.httpswrapper.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Certificates made by {@code openssl req}, and file writes the way a renewal tool makes them. */
public final class TestPki {
  private TestPki() {}

  /**
   * Makes a self-signed ECDSA P-256 certificate valid for 30 days, for {@code names} (DNS names or IP
   * addresses; the first is also the CN), into {@code certificate} and an unencrypted {@code key}.
   */
  public static void certificate(Path certificate, Path key, String... names)
      throws IOException, InterruptedException {
    List<String> sans = new ArrayList<>();
    for (String name : names) {
      sans.add((Character.isDigit(name.charAt(0)) || name.contains(":") ? "IP:" : "DNS:") + name);
    }
    Process p =
        new ProcessBuilder(
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", key.toString(), "-out", certificate.toString(), "-days", "30",
                "-subj", "/CN=" + names[0], "-addext", "subjectAltName=" + String.join(",", sans))
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("openssl req failed: " + output);
    }
  }

  /** Replaces {@code target} with a copy of {@code source}: written beside it, then renamed over it. */
  public static void replace(Path target, Path source) throws IOException {
    replace(target, Files.readAllBytes(source));
  }

  /** Replaces {@code target} with {@code content}: written beside it, then renamed over it. */
  public static void replace(Path target, byte[] content) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(temporary, content);
    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
