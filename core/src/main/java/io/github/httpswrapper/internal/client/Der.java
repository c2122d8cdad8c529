package io.github.httpswrapper.internal.client;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough DER to read a certificate's subject attributes and its SubjectPublicKeyInfo as encoded.
 *
 * <p>Reading the encoding, rather than the text of {@code X500Principal.getName()}, leaves no room for escaping
 * tricks such as a common name {@code "alice,OU=admins"}; and hashing the public key info exactly as the
 * certificate carries it gives the same pin OpenSSL prints. Anything that is not plain DER (indefinite lengths,
 * multi-byte tags, lengths past the end) is refused with {@link IllegalArgumentException}.
 */
final class Der {
  static final int SEQUENCE = 0x30;
  static final int SET = 0x31;
  static final int OID = 0x06;

  /** Subject attribute types: id-at-commonName (2.5.4.3) and id-at-organizationalUnitName (2.5.4.11). */
  static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
  static final byte[] ORGANIZATIONAL_UNIT = {0x55, 0x04, 0x0B};

  private final int tag;
  private final byte[] bytes;
  private final int start;
  private final int contentStart;
  private final int end;

  private Der(int tag, byte[] bytes, int start, int contentStart, int end) {
    this.tag = tag;
    this.bytes = bytes;
    this.start = start;
    this.contentStart = contentStart;
    this.end = end;
  }

  /** The one element that {@code encoded} consists of. */
  static Der parse(byte[] encoded) {
    Der element = read(encoded, 0, encoded.length);
    if (element.end != encoded.length) {
      throw new IllegalArgumentException("bytes after the DER element");
    }
    return element;
  }

  /** The values of attribute {@code type} in an X.501 Name (a certificate's subject), in order. */
  static List<String> attributeValues(byte[] name, byte[] type) {
    List<String> values = new ArrayList<>();
    for (Der rdn : parse(name).expect(SEQUENCE).children()) {
      for (Der attribute : rdn.expect(SET).children()) {
        List<Der> parts = attribute.expect(SEQUENCE).children();
        if (parts.size() != 2) {
          throw new IllegalArgumentException("attribute is not a type and a value");
        }
        if (Arrays.equals(parts.get(0).expect(OID).content(), type)) {
          String value = parts.get(1).text();
          if (value != null) {
            values.add(value);
          }
        }
      }
    }
    return values;
  }

  /** The SubjectPublicKeyInfo of a certificate, as encoded in its {@code tbsCertificate}. */
  static byte[] subjectPublicKeyInfo(byte[] tbsCertificate) {
    List<Der> fields = parse(tbsCertificate).expect(SEQUENCE).children();
    // version [0] is optional; then serial, signature, issuer, validity, subject, subjectPublicKeyInfo.
    int index = !fields.isEmpty() && fields.get(0).tag == 0xA0 ? 6 : 5;
    if (fields.size() <= index) {
      throw new IllegalArgumentException("tbsCertificate has too few fields");
    }
    return fields.get(index).expect(SEQUENCE).encoded();
  }

  private Der expect(int wanted) {
    if (tag != wanted) {
      throw new IllegalArgumentException("expected tag " + wanted + ", found " + tag);
    }
    return this;
  }

  private List<Der> children() {
    List<Der> children = new ArrayList<>();
    for (int at = contentStart; at < end; ) {
      Der child = read(bytes, at, end);
      children.add(child);
      at = child.end;
    }
    return children;
  }

  private byte[] content() {
    return Arrays.copyOfRange(bytes, contentStart, end);
  }

  private byte[] encoded() {
    return Arrays.copyOfRange(bytes, start, end);
  }

  /** A DirectoryString or IA5String as text; {@code null} for other types and for invalid encodings. */
  private String text() {
    Charset charset;
    switch (tag) {
      case 0x0C: // UTF8String
        charset = StandardCharsets.UTF_8;
        break;
      case 0x13: // PrintableString
      case 0x16: // IA5String
        charset = StandardCharsets.US_ASCII;
        break;
      case 0x14: // TeletexString: in practice Latin-1
        charset = StandardCharsets.ISO_8859_1;
        break;
      case 0x1E: // BMPString
        charset = StandardCharsets.UTF_16BE;
        break;
      case 0x1C: // UniversalString
        charset = Charset.forName("UTF-32BE");
        break;
      default:
        return null;
    }
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, contentStart, end - contentStart))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static Der read(byte[] bytes, int at, int limit) {
    if (limit - at < 2) {
      throw new IllegalArgumentException("truncated DER element");
    }
    int tag = bytes[at] & 0xFF;
    if ((tag & 0x1F) == 0x1F) {
      throw new IllegalArgumentException("multi-byte DER tag");
    }
    int first = bytes[at + 1] & 0xFF;
    int contentStart = at + 2;
    long length;
    if (first < 0x80) {
      length = first;
    } else {
      int count = first & 0x7F;
      if (count == 0 || count > 4 || limit - contentStart < count) {
        throw new IllegalArgumentException("unsupported DER length");
      }
      length = 0;
      for (int i = 0; i < count; i++) {
        length = (length << 8) | (bytes[contentStart++] & 0xFF);
      }
    }
    if (length > limit - contentStart) {
      throw new IllegalArgumentException("DER length past the end");
    }
    return new Der(tag, bytes, at, contentStart, contentStart + (int) length);
  }
}
