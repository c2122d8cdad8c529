package io.github.httpswrapper.internal.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small PKI made with the {@code openssl} command for tests: CAs, intermediates and leaves with chosen subjects
 * and extensions, all ECDSA P-256, valid for 30 days.
 */
public final class Pki {
  private final Path dir;

  public Pki(Path dir) {
    this.dir = dir;
  }

  /** A self-signed root CA; returns its certificate file ({@code name.pem}, key in {@code name.key}). */
  public Path rootCa(String name) {
    openssl("req", "-x509", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-keyout", name + ".key", "-out", name + ".pem", "-subj", "/CN=" + name, "-days", "30",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    return dir.resolve(name + ".pem");
  }

  /** An intermediate CA signed by {@code issuer}. */
  public Path intermediateCa(String name, Path issuer) {
    return signed(name, "/CN=" + name, issuer,
        "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n");
  }

  /** A client certificate with {@code subject} (e.g. {@code /CN=alice/OU=ops}), issued by {@code issuer}. */
  public Path client(String name, String subject, Path issuer, String... extraExtensions) {
    StringBuilder ext = new StringBuilder("basicConstraints=critical,CA:FALSE\n"
        + "keyUsage=critical,digitalSignature\n");
    boolean hasEku = false;
    for (String line : extraExtensions) {
      ext.append(line).append('\n');
      hasEku |= line.startsWith("extendedKeyUsage");
    }
    if (!hasEku) {
      ext.append("extendedKeyUsage=clientAuth\n");
    }
    return signed(name, subject, issuer, ext.toString());
  }

  /** The certificate in {@code file} (its first, when it holds several). */
  public static X509Certificate read(Path file) {
    return chain(file).get(0);
  }

  /** All certificates in {@code file}, in order. */
  public static List<X509Certificate> chain(Path... files) {
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Path file : files) {
        try (InputStream in = Files.newInputStream(file)) {
          factory.generateCertificates(in).forEach(c -> out.add((X509Certificate) c));
        }
      }
      return out;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + List.of(files), e);
    }
  }

  /** What {@code sh -c command} prints, run in the PKI's directory. */
  public String shell(String command) {
    return run(List.of("sh", "-c", command)).trim();
  }

  private Path signed(String name, String subject, Path issuer, String extensions) {
    String issuerName = issuer.getFileName().toString().replaceFirst("\\.pem$", "");
    try {
      Files.writeString(dir.resolve(name + ".ext"), extensions);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    openssl("req", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
    openssl("x509", "-req", "-in", name + ".csr", "-CA", issuerName + ".pem", "-CAkey", issuerName + ".key",
        "-set_serial", Long.toString(System.nanoTime()), "-out", name + ".pem", "-days", "30",
        "-extfile", name + ".ext");
    return dir.resolve(name + ".pem");
  }

  private void openssl(String... args) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
    command.addAll(List.of(args));
    run(command);
  }

  private String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within 60 s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(command + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(command + " could not run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(command + " was interrupted", e);
    }
  }
}
