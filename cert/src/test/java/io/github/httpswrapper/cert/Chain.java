package io.github.httpswrapper.cert;

import static io.github.httpswrapper.cert.Tools.openssl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A root CA, an intermediate CA it signed, and a leaf for {@code localhost} the intermediate signed. */
final class Chain {
  final Path root;
  final Path intermediate;
  final Path leaf;
  final Path leafKey;

  private Chain(Path dir) {
    this.root = dir.resolve("root.pem");
    this.intermediate = dir.resolve("intermediate.pem");
    this.leaf = dir.resolve("leaf.pem");
    this.leafKey = dir.resolve("leaf-key.pem");
  }

  static Chain make(Path dir) {
    try {
      Files.writeString(dir.resolve("ca.ext"),
          "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n");
      Files.writeString(dir.resolve("leaf.ext"),
          "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
              + "extendedKeyUsage=serverAuth\n" + Material.NAMES + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    openssl(dir, "req", "-x509", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-keyout", "root-key.pem", "-out", "root.pem", "-subj", "/CN=Test Root CA", "-days", "30",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    openssl(dir, "req", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-keyout", "intermediate-key.pem", "-out", "intermediate.csr", "-subj", "/CN=Test Intermediate CA");
    openssl(dir, "x509", "-req", "-in", "intermediate.csr", "-CA", "root.pem", "-CAkey", "root-key.pem",
        "-CAcreateserial", "-out", "intermediate.pem", "-days", "30", "-extfile", "ca.ext");
    openssl(dir, "req", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
        "-keyout", "leaf-key.pem", "-out", "leaf.csr", "-subj", "/CN=localhost");
    openssl(dir, "x509", "-req", "-in", "leaf.csr", "-CA", "intermediate.pem", "-CAkey", "intermediate-key.pem",
        "-CAcreateserial", "-out", "leaf.pem", "-days", "30", "-extfile", "leaf.ext");
    return new Chain(dir);
  }

  /** Concatenates PEM files into {@code target}, in the order given. */
  static Path concatenate(Path target, Path... files) {
    StringBuilder text = new StringBuilder();
    try {
      for (Path file : files) {
        text.append(Files.readString(file));
      }
      Files.writeString(target, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }
}
