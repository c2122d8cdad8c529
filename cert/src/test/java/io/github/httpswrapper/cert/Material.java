package io.github.httpswrapper.cert;

import static io.github.httpswrapper.cert.Tools.openssl;

import java.nio.file.Path;

/**
 * Real key and certificate files, made with the {@code openssl} command line in the ways the README tells users
 * to. Every certificate is for {@code localhost} and {@code 127.0.0.1} and valid for 30 days.
 */
final class Material {
  static final String SUBJECT = "/CN=localhost";
  static final String NAMES = "subjectAltName=DNS:localhost,IP:127.0.0.1";
  static final String PASSWORD = "correct horse";

  private Material() {}

  /** {@code openssl req -x509 -nodes -newkey rsa:2048 -out mycert.pem -keyout mycert.pem}: key, then certificate. */
  static Path rsaCertificateAndKeyInOneFile(Path dir) {
    openssl(dir, "req", "-x509", "-nodes", "-newkey", "rsa:2048", "-keyout", "mycert.pem", "-out", "mycert.pem",
        "-subj", SUBJECT, "-addext", NAMES, "-days", "30");
    return dir.resolve("mycert.pem");
  }

  /** A PKCS#1 {@code RSA PRIVATE KEY}, as {@code openssl genrsa -traditional} writes it. */
  static Path pkcs1RsaKey(Path dir) {
    openssl(dir, "genrsa", "-traditional", "-out", "rsa-key.pem", "2048");
    return dir.resolve("rsa-key.pem");
  }

  /** A SEC1 {@code EC PRIVATE KEY} preceded by an {@code EC PARAMETERS} block, from {@code openssl ecparam}. */
  static Path sec1EcKey(Path dir) {
    openssl(dir, "ecparam", "-genkey", "-name", "prime256v1", "-out", "ec-key.pem");
    return dir.resolve("ec-key.pem");
  }

  /** A PKCS#8 {@code PRIVATE KEY} on P-256, from {@code openssl genpkey}. */
  static Path pkcs8EcKey(Path dir) {
    openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec-p8.pem");
    return dir.resolve("ec-p8.pem");
  }

  /** An Ed25519 {@code PRIVATE KEY}, from {@code openssl genpkey -algorithm ed25519}. */
  static Path ed25519Key(Path dir) {
    openssl(dir, "genpkey", "-algorithm", "ed25519", "-out", "ed25519-key.pem");
    return dir.resolve("ed25519-key.pem");
  }

  /** {@code key} re-encrypted as an {@code ENCRYPTED PRIVATE KEY} (PKCS#8, PBES2 with AES-256-CBC). */
  static Path encryptedPkcs8(Path dir, Path key) {
    openssl(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", key.toString(), "-passout", "pass:" + PASSWORD,
        "-out", "encrypted-p8.pem");
    return dir.resolve("encrypted-p8.pem");
  }

  /** {@code key} re-encrypted as an {@code ENCRYPTED PRIVATE KEY} with scrypt as key derivation. */
  static Path scryptPkcs8(Path dir, Path key) {
    openssl(dir, "pkcs8", "-topk8", "-scrypt", "-in", key.toString(), "-passout", "pass:" + PASSWORD,
        "-out", "scrypt-p8.pem");
    return dir.resolve("scrypt-p8.pem");
  }

  /** An RSA key in legacy OpenSSL encryption ({@code Proc-Type: 4,ENCRYPTED}), {@code openssl rsa -aes256}. */
  static Path legacyEncryptedRsaKey(Path dir) {
    Path plain = pkcs1RsaKey(dir);
    openssl(dir, "rsa", "-in", plain.toString(), "-aes256", "-traditional", "-passout", "pass:" + PASSWORD,
        "-out", "rsa-legacy-encrypted.pem");
    return dir.resolve("rsa-legacy-encrypted.pem");
  }

  /** An EC key in legacy OpenSSL encryption, {@code openssl ec -aes256}. */
  static Path legacyEncryptedEcKey(Path dir) {
    Path plain = sec1EcKey(dir);
    openssl(dir, "ec", "-in", plain.toString(), "-aes256", "-passout", "pass:" + PASSWORD,
        "-out", "ec-legacy-encrypted.pem");
    return dir.resolve("ec-legacy-encrypted.pem");
  }

  /** A self-signed certificate for {@code key} (which may be encrypted with {@link #PASSWORD}). */
  static Path certificateFor(Path dir, Path key, String fileName) {
    openssl(dir, "req", "-x509", "-new", "-key", key.toString(), "-passin", "pass:" + PASSWORD,
        "-out", fileName, "-subj", SUBJECT, "-addext", NAMES, "-days", "30");
    return dir.resolve(fileName);
  }
}
