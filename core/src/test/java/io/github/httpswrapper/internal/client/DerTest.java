package io.github.httpswrapper.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DerTest {
  private static byte[] hex(String text) {
    byte[] out = new byte[text.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  @Test
  void multiValuedAndRepeatedAttributesAreAllRead() {
    byte[] name = new X500Principal("CN=a+CN=b,OU=x,CN=c").getEncoded();

    assertEquals(List.of("c", "a", "b"), Der.attributeValues(name, Der.COMMON_NAME));
    assertEquals(List.of("x"), Der.attributeValues(name, Der.ORGANIZATIONAL_UNIT));
  }

  @Test
  void bmpStringValuesAreDecoded() {
    // SEQUENCE { SET { SEQUENCE { OID 2.5.4.3, BMPString "hé" } } }
    byte[] name = hex("300f310d300b06035504031e04006800e9");

    assertEquals(List.of("hé"), Der.attributeValues(name, Der.COMMON_NAME));
  }

  @Test
  void invalidUtf8ValueIsSkipped() {
    byte[] name = hex("300e310c300a06035504030c03c328ff");

    assertEquals(List.of(), Der.attributeValues(name, Der.COMMON_NAME));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "30",                      // no length
    "3005310330",              // lengths past the end
    "3080310000",              // indefinite length
    "3085ffffffffff",          // five length bytes
    "1f0100",                  // multi-byte tag
    "300031",                  // bytes after the element
    "3084ffffffff"             // huge length
  })
  void malformedEncodingsAreRefused(String encoding) {
    assertThrows(IllegalArgumentException.class, () -> Der.attributeValues(hex(encoding), Der.COMMON_NAME));
  }

  @Test
  void tbsWithTooFewFieldsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Der.subjectPublicKeyInfo(hex("3003020101")));
  }
}
