package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The certificates and private key blocks of one PEM file or text, checked block by block.
 *
 * <p>Keys stay undecoded here: whether a key is needed, and with which password, is for the caller to decide once
 * it has seen all its files.
 */
final class PemContents {
  private static final long MAX_SIZE = 1 << 20;
  private static final Set<String> CERTIFICATE_TYPES = Set.of("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");
  /** Written by {@code openssl ecparam -genkey} before the key; the key block repeats the curve, so it adds nothing. */
  private static final String EC_PARAMETERS = "EC PARAMETERS";

  final String source;
  final List<X509Certificate> certificates;
  final List<PemText.Block> keys;

  private PemContents(String source, List<X509Certificate> certificates, List<PemText.Block> keys) {
    this.source = source;
    this.certificates = List.copyOf(certificates);
    this.keys = List.copyOf(keys);
  }

  /**
   * Reads a PEM file.
   *
   * @param expected what the file should hold, for messages about files that hold nothing usable
   */
  static PemContents read(Path file, String expected) {
    String source = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new CertificateMaterialException(source + " is a directory, not a PEM file: pass the file itself");
      }
      if (Files.size(file) > MAX_SIZE) {
        throw new CertificateMaterialException(
            source + " is too large for a PEM file (" + Files.size(file) + " bytes): check the path");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      String where = file.isAbsolute() ? "" : " (looked for " + file.toAbsolutePath() + ")";
      throw new CertificateMaterialException(source + " does not exist" + where + ": check the path", e);
    } catch (AccessDeniedException e) {
      throw new CertificateMaterialException(
          source + " cannot be read (permission denied): give this user read access to it", e);
    } catch (IOException e) {
      throw new CertificateMaterialException(
          source + " cannot be read (" + PemText.oneLine(e.toString()) + "): check the path", e);
    }
    if (isBinary(bytes)) {
      throw new CertificateMaterialException(
          source + " holds binary data, not PEM text: load a PKCS#12 or JKS keystore with"
              + " CertificateSource.keyStore(...), or convert a DER certificate with"
              + " openssl x509 -inform der -in " + source + " -out cert.pem");
    }
    // ISO-8859-1 maps every byte to a char, so odd bytes outside the blocks cannot make decoding fail.
    return parse(new String(bytes, StandardCharsets.ISO_8859_1), source, expected);
  }

  /** Parses PEM text; {@code source} names it in error messages. */
  static PemContents parse(String text, String source, String expected) {
    if (text.isBlank()) {
      throw new CertificateMaterialException(source + " is empty: expected " + expected);
    }
    List<PemText.Block> blocks = PemText.blocks(text, source);
    if (blocks.isEmpty()) {
      throw new CertificateMaterialException(source + " holds no PEM data: expected " + expected);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    List<PemText.Block> keys = new ArrayList<>();
    for (PemText.Block block : blocks) {
      if (CERTIFICATE_TYPES.contains(block.type)) {
        certificates.add(certificate(block, source));
      } else if (PrivateKeys.isKeyType(block.type)) {
        keys.add(block);
      } else if (!block.type.equals(EC_PARAMETERS)) {
        throw new CertificateMaterialException(
            source + " holds " + article(block.type) + " " + block.type + " block, which is not a certificate"
                + " or key: remove it, keeping only CERTIFICATE and PRIVATE KEY blocks");
      }
    }
    return new PemContents(source, certificates, keys);
  }

  private static X509Certificate certificate(PemText.Block block, String source) {
    try {
      // The JDK reads one certificate and ignores what follows, such as the trust settings OpenSSL appends
      // in a TRUSTED CERTIFICATE block.
      return (X509Certificate)
          CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(block.der));
    } catch (CertificateException | RuntimeException e) {
      throw PemText.corrupt(source, block.type, block.number, e.getMessage());
    }
  }

  private static boolean isBinary(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0 || (b > 0 && b < 0x09) || (b > 0x0d && b < 0x20)) {
        return true;
      }
    }
    return false;
  }

  private static String article(String type) {
    return "AEIOU".indexOf(type.charAt(0)) >= 0 ? "an" : "a";
  }
}
