package io.github.httpswrapper.cert.internal;

import io.github.httpswrapper.cert.CertificateMaterialException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits PEM text into its {@code -----BEGIN ...-----} blocks, ignoring everything between blocks.
 *
 * <p>PEM that travelled through an environment variable, a YAML file or a secret store often arrives mangled:
 * folded onto one line with its newlines turned into spaces or into the two characters {@code \n}, or with
 * Windows line ends. Only the markers, the optional {@code Name: value} headers of legacy encrypted keys
 * ({@code Proc-Type}, {@code DEK-Info}) and the base64 text carry meaning, so each block is rebuilt from those
 * and any whitespace in between is irrelevant.
 */
final class PemText {
  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9][A-Z0-9 ]*?)-----");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*:");
  private static final Pattern BASE64_TEXT = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

  private PemText() {}

  /** One PEM block: its type (e.g. {@code CERTIFICATE}), headers, and decoded content. */
  static final class Block {
    final String type;
    final Map<String, String> headers;
    final byte[] der;
    /** 1-based position in its text, for error messages. */
    final int number;

    Block(String type, Map<String, String> headers, byte[] der, int number) {
      this.type = type;
      this.headers = Collections.unmodifiableMap(headers);
      this.der = der;
      this.number = number;
    }

    /** The block in canonical PEM form, headers kept, for parsers that want PEM text. */
    String pem() {
      StringBuilder text = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
      headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
      if (!headers.isEmpty()) {
        text.append('\n');
      }
      String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
      return text.append(base64).append("\n-----END ").append(type).append("-----\n").toString();
    }
  }

  /**
   * The blocks of {@code text}, in order; empty when it has none.
   *
   * @param source names the text in error messages, e.g. the file name
   * @throws CertificateMaterialException when a block has no END line or its base64 text is damaged
   */
  static List<Block> blocks(String text, String source) {
    String normalized = normalizeLineEnds(text);
    List<Block> blocks = new ArrayList<>();
    Matcher begin = BEGIN.matcher(normalized);
    int from = 0;
    while (begin.find(from)) {
      String type = begin.group(1).trim();
      String end = "-----END " + type + "-----";
      int endAt = normalized.indexOf(end, begin.end());
      int nextBegin = normalized.indexOf("-----BEGIN ", begin.end());
      if (endAt < 0 || (nextBegin >= 0 && nextBegin < endAt)) {
        throw new CertificateMaterialException(
            source + " has a -----BEGIN " + type + "----- line without its " + end
                + " line: the PEM text was cut short or damaged; copy it again from its source");
      }
      blocks.add(block(type, normalized.substring(begin.end(), endAt), blocks.size() + 1, source));
      from = endAt + end.length();
    }
    return blocks;
  }

  private static String normalizeLineEnds(String text) {
    // Base64 and PEM markers never contain a backslash, so the two-character escapes can only be folded newlines.
    return text.replace("\\r\\n", "\n")
        .replace("\\n", "\n")
        .replace("\r\n", "\n")
        .replace('\r', '\n');
  }

  private static Block block(String type, String body, int number, String source) {
    String[] tokens = body.trim().isEmpty() ? new String[0] : body.trim().split("\\s+");
    Map<String, String> headers = new LinkedHashMap<>();
    int i = 0;
    while (i + 1 < tokens.length && HEADER_NAME.matcher(tokens[i]).matches()) {
      headers.put(tokens[i].substring(0, tokens[i].length() - 1), tokens[i + 1]);
      i += 2;
    }
    String base64 = String.join("", List.of(tokens).subList(i, tokens.length));
    byte[] der;
    try {
      if (!BASE64_TEXT.matcher(base64).matches()) {
        throw new IllegalArgumentException("not base64");
      }
      der = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw corrupt(source, type, number, "damaged base64 text");
    }
    return new Block(type, headers, der, number);
  }

  static CertificateMaterialException corrupt(String source, String type, int number, String detail) {
    return new CertificateMaterialException(
        source + " holds a corrupt " + type + " block (block " + number + ": " + oneLine(detail)
            + "): copy it again from its source");
  }

  static String oneLine(String text) {
    return text == null ? "no detail" : text.replaceAll("\\s+", " ").trim();
  }
}
