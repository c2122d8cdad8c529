package io.github.httpswrapper.internal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressesTest {
  @ParameterizedTest
  @CsvSource({
    "0:0:0:0:0:0:0:1, ::1",
    "0:0:0:0:0:0:0:0, ::",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "fd00:0:0:0:0:0:0:0, fd00::",
    "fe80:0:0:0:0:0:0:abcd, fe80::abcd",
    "127.0.0.1, 127.0.0.1"
  })
  void formatsAddressesInTheirShortForm(String input, String expected) throws Exception {
    assertEquals(expected, Addresses.format(InetAddress.getByName(input)));
  }
}
