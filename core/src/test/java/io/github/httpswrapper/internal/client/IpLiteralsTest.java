package io.github.httpswrapper.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {
  @ParameterizedTest
  @CsvSource({
    "192.0.2.7, 192.0.2.7",
    "0.0.0.0, 0.0.0.0",
    "255.255.255.255, 255.255.255.255",
    "::1, ::1",
    "::, ::",
    "2001:db8::7, 2001:db8::7",
    "2001:DB8:0:0:0:0:0:7, 2001:db8::7",
    "1::, 1::",
    "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
    "::1.2.3.4, ::102:304",
    "fe80::1:2:3:4, fe80::1:2:3:4"
  })
  void strictLiteralsParseToTheirAddress(String text, String expected) throws Exception {
    assertEquals(InetAddress.getByName(expected), IpLiterals.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "localhost", "example.com", "010.0.0.1", "127.1", "2130706433", "0x7f.0.0.1", "1.2.3.4.", ".1.2.3",
    "256.1.1.1", "1.2.3.-4", "+1.2.3.4", "１.2.3.4", "::1%eth0", "[::1]", "1:2:3:4:5:6:7:8:9", ":::", "1:::2",
    "1::2::3", ":1::", "1:2:3:4:5:6:7:8::", "12345::", "g::1", "::1.2.3.04", "::1.2.3", "1.2.3.4::", ".:",
    "::ffff:1.2.3.4:5", "1:2", "1:2:3:4:5:6:7:8:"
  })
  void everythingElseIsRefusedWithoutALookup(String text) {
    assertNull(IpLiterals.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"::ffff:192.0.2.7", "::ffff:c000:207"})
  void ipv4MappedLiteralsAreIpv4(String text) {
    InetAddress address = IpLiterals.parse(text);

    assertInstanceOf(Inet4Address.class, address);
    assertEquals("192.0.2.7", address.getHostAddress());
  }

  @ParameterizedTest
  @ValueSource(strings = {"::ffff:7f00:1"})
  void mappedIpv6ObjectsAreUnmapped(String text) throws Exception {
    byte[] bytes = InetAddress.getByName("::1").getAddress();
    System.arraycopy(InetAddress.getByName("127.0.0.1").getAddress(), 0, bytes, 12, 4);
    bytes[10] = (byte) 0xFF;
    bytes[11] = (byte) 0xFF;
    bytes[15] = 1;
    InetAddress mapped = Inet6Address.getByAddress(null, bytes, -1);

    assertInstanceOf(Inet6Address.class, mapped);
    assertEquals(InetAddress.getByName("127.0.0.1"), IpLiterals.unmapped(mapped));
    assertEquals(IpLiterals.parse(text), IpLiterals.unmapped(mapped));
  }
}
