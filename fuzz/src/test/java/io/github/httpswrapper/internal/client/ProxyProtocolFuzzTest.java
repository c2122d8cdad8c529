package io.github.httpswrapper.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.httpswrapper.internal.access.Addresses;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * PROXY protocol v1 and v2 headers. Only {@link IOException} (with a message) may escape. An accepted header
 * consumes exactly its own bytes, and names a well-formed client: an IPv4 or IPv6 address (IPv4-mapped IPv6
 * given as IPv4) and a port from 0 to 65535, which for v1 are the very text of the header.
 */
class ProxyProtocolFuzzTest {
  private static final int V2_FIXED = 16;

  @FuzzTest
  void proxyHeader(byte[] data) {
    ByteArrayInputStream in = new ByteArrayInputStream(data);
    InetSocketAddress client;
    try {
      client = ProxyProtocol.read(in);
    } catch (IOException e) {
      assertNotNull(e.getMessage());
      return;
    }
    int consumed = data.length - in.available();
    if (data[0] == 'P') {
      String line = new String(data, 0, consumed, StandardCharsets.ISO_8859_1);
      assertTrue(line.startsWith("PROXY ") && line.endsWith("\r\n") && consumed <= 107, line);
      assertEquals(line.indexOf('\r'), line.length() - 2, "CR inside the line");
      if (client != null) {
        String[] fields = line.substring(6, line.length() - 2).split(" ", -1);
        assertEquals(5, fields.length);
        checkWellFormed(client);
        InetAddress parsed = IpLiterals.parse(fields[1]);
        assertEquals(parsed, client.getAddress());
        assertEquals(fields[3], Integer.toString(client.getPort()));
        assertEquals(fields[0].equals("TCP6"), fields[1].indexOf(':') >= 0, "family and address disagree");
      } else {
        assertTrue(line.startsWith("PROXY UNKNOWN"), line);
      }
    } else {
      int length = ((data[14] & 0xFF) << 8) | (data[15] & 0xFF);
      assertEquals(V2_FIXED + length, consumed, "did not consume exactly the v2 header");
      assertTrue(length <= ProxyProtocol.MAX_V2_LENGTH);
      if (client != null) {
        checkWellFormed(client);
        int family = data[13] & 0xFF;
        assertTrue(family == 0x11 || family == 0x21, "client from family " + family);
        assertEquals(1, data[12] & 0x0F, "client from a LOCAL header");
      }
    }
  }

  private static void checkWellFormed(InetSocketAddress client) {
    assertFalse(client.isUnresolved());
    InetAddress address = client.getAddress();
    assertTrue(address instanceof Inet4Address || address instanceof Inet6Address);
    assertEquals(address, IpLiterals.unmapped(address), "IPv4-mapped address not unmapped");
    assertTrue(client.getPort() >= 0 && client.getPort() <= 65535);
    assertEquals(address, IpLiterals.parse(Addresses.format(address)), "address does not print as itself");
    if (address instanceof Inet6Address) {
      assertEquals(0, ((Inet6Address) address).getScopeId());
    }
  }
}
