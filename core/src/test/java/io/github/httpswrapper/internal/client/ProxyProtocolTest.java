package io.github.httpswrapper.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyProtocolTest {
  /** What follows the header on a real connection: the start of a TLS ClientHello. */
  private static final byte[] TLS = {0x16, 0x03, 0x01, 0x02, 0x00};
  private static final byte[] SIGNATURE = {
    0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A
  };

  private static ByteArrayInputStream stream(byte[] header) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(header);
    bytes.writeBytes(TLS);
    return new ByteArrayInputStream(bytes.toByteArray());
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String v1Failure(String header) {
    return assertThrows(IOException.class, () -> ProxyProtocol.read(stream(ascii(header)))).getMessage();
  }

  private static byte[] v2(int versionCommand, int family, byte[] body) {
    return v2(versionCommand, family, body.length, body);
  }

  private static byte[] v2(int versionCommand, int family, int length, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(SIGNATURE);
    out.write(versionCommand);
    out.write(family);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] ipv4Body(String source, int sourcePort, byte[] tlvs) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(InetAddress.getByName(source).getAddress());
    out.writeBytes(new byte[] {(byte) 198, 51, 100, 1});
    out.write(sourcePort >> 8);
    out.write(sourcePort & 0xFF);
    out.write(0x01);
    out.write(0xBB);
    out.writeBytes(tlvs);
    return out.toByteArray();
  }

  private static byte[] ipv6Body(byte[] source, int sourcePort) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(source);
    out.writeBytes(InetAddress.getByName("2001:db8::443").getAddress());
    out.write(sourcePort >> 8);
    out.write(sourcePort & 0xFF);
    out.write(0x01);
    out.write(0xBB);
    return out.toByteArray();
  }

  @Test
  void v1Tcp4GivesTheSourceAndLeavesTheTlsBytes() throws Exception {
    ByteArrayInputStream in = stream(ascii("PROXY TCP4 192.0.2.7 198.51.100.1 56324 443\r\n"));

    InetSocketAddress source = ProxyProtocol.read(in);

    assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 56324), source);
    assertArrayEquals(TLS, in.readAllBytes());
  }

  @Test
  void v1Tcp6GivesTheSource() throws Exception {
    InetSocketAddress source =
        ProxyProtocol.read(stream(ascii("PROXY TCP6 2001:db8::7 2001:db8::1 65535 0\r\n")));

    assertEquals(new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 65535), source);
  }

  @Test
  void v1UnknownMeansTheConnectionsOwnAddress() throws Exception {
    ByteArrayInputStream in = stream(ascii("PROXY UNKNOWN ffff::1 ffff::2 1 2\r\n"));

    assertNull(ProxyProtocol.read(in));
    assertArrayEquals(TLS, in.readAllBytes());
  }

  @Test
  void v1HeaderOfExactly107BytesIsAccepted() throws Exception {
    String header = "PROXY UNKNOWN " + "x".repeat(107 - 16) + "\r\n";
    assertEquals(107, header.length());

    assertNull(ProxyProtocol.read(stream(ascii(header))));
  }

  @Test
  void v1HeaderLongerThan107BytesIsRefused() {
    String header = "PROXY UNKNOWN " + "x".repeat(108 - 16) + "\r\n";

    assertEquals("PROXY v1 header has no CRLF within 107 bytes: it is malformed or not a PROXY header",
        v1Failure(header));
  }

  @Test
  void v1HeaderEndingInBareLineFeedIsRefused() {
    assertEquals("PROXY v1 header ends in a bare LF: it must end in CRLF",
        v1Failure("PROXY TCP4 192.0.2.7 198.51.100.1 56324 443\n"));
  }

  @Test
  void v1HeaderWithoutLineEndIsRefusedAtEndOfStream() {
    EOFException e = assertThrows(EOFException.class, () -> ProxyProtocol.read(
        new ByteArrayInputStream(ascii("PROXY TCP4 192.0.2.7"))));

    assertEquals("the connection closed inside a PROXY v1 header, after 20 bytes", e.getMessage());
  }

  @Test
  void v1Tcp4WithAnIpv6AddressIsRefused() {
    assertEquals("PROXY v1 header 'PROXY TCP4 ::1 ::1 56324 443' has source address '::1', which is not an"
            + " IPv4 (dotted quad, no leading zeros) address as TCP4 requires",
        v1Failure("PROXY TCP4 ::1 ::1 56324 443\r\n"));
  }

  @Test
  void v1Tcp6WithAnIpv4AddressIsRefused() {
    assertTrue(v1Failure("PROXY TCP6 127.0.0.1 ::1 56324 443\r\n")
        .contains("has source address '127.0.0.1', which is not an IPv6 address as TCP6 requires"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"010.0.0.1", "127.1", "2130706433", "0x7f.0.0.1", "256.0.0.1", "1.2.3.4.5", "host"})
  void v1Ipv4AddressesMustBeStrictDottedQuads(String address) {
    assertTrue(v1Failure("PROXY TCP4 " + address + " 198.51.100.1 1 2\r\n")
        .contains("has source address '" + address + "'"));
  }

  @Test
  void v1DestinationAddressIsCheckedToo() {
    assertTrue(v1Failure("PROXY TCP4 192.0.2.7 example.com 1 2\r\n")
        .contains("has destination address 'example.com'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+443", "-1", "0443", "65536", "99999999", "4 43", "", "0x1BB"})
  void v1PortsMustBePlainDecimalUpTo65535(String port) {
    String message = v1Failure("PROXY TCP4 192.0.2.7 198.51.100.1 " + port + " 443\r\n");

    assertTrue(message.contains("source port '" + port + "'") || message.contains("single spaces"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "PROXY  TCP4 192.0.2.7 198.51.100.1 1 2\r\n",
    "PROXY TCP4 192.0.2.7  198.51.100.1 1 2\r\n",
    "PROXY TCP4 192.0.2.7 198.51.100.1 1 2 \r\n",
    "PROXY TCP4 192.0.2.7\t198.51.100.1 1 2\r\n",
    "PROXY TCP4 192.0.2.7 198.51.100.1 1\r\n"
  })
  void v1FieldsAreSeparatedBySingleSpaces(String header) {
    assertThrows(IOException.class, () -> ProxyProtocol.read(stream(ascii(header))));
  }

  @Test
  void v1UnknownProtocolNameIsRefused() {
    assertEquals("PROXY v1 header names protocol 'UDP4': expected TCP4, TCP6 or UNKNOWN",
        v1Failure("PROXY UDP4 192.0.2.7 198.51.100.1 1 2\r\n"));
  }

  @Test
  void v1CarriageReturnInsideTheLineIsRefused() {
    assertEquals("PROXY v1 header holds a CR before its end",
        v1Failure("PROXY TCP4 192.0.2.7\r198.51.100.1 1 2\r\n"));
  }

  @Test
  void v1NonAsciiByteIsRefused() {
    assertTrue(v1Failure("PROXY TCP4 192.0.2.7 198.51.100.1 1 2\u00e9\r\n").contains("not printable ASCII"));
  }

  @Test
  void anotherTextProtocolStartingWithPIsRefused() {
    assertTrue(v1Failure("POST / HTTP/1.1\r\n").startsWith(
        "expected a PROXY protocol header, but the connection starts with 'POST /'"));
  }

  @Test
  void directTlsConnectionIsRefusedWithAHint() {
    String message = assertThrows(IOException.class, () -> ProxyProtocol.read(stream(new byte[0]))).getMessage();

    assertEquals("expected a PROXY protocol header, but the connection starts with byte 0x16 (a TLS handshake):"
        + " the connection did not come through the proxy, or the proxy does not send PROXY protocol headers"
        + " (HAProxy: add send-proxy or send-proxy-v2 to the server line)", message);
  }

  @Test
  void emptyConnectionIsAnEndOfStream() {
    assertThrows(EOFException.class, () -> ProxyProtocol.read(new ByteArrayInputStream(new byte[0])));
  }

  @Test
  void v2Tcp4GivesTheSourceAndLeavesTheTlsBytes() throws Exception {
    ByteArrayInputStream in = stream(v2(0x21, 0x11, ipv4Body("203.0.113.9", 40000, new byte[0])));

    assertEquals(new InetSocketAddress(InetAddress.getByName("203.0.113.9"), 40000), ProxyProtocol.read(in));
    assertArrayEquals(TLS, in.readAllBytes());
  }

  @Test
  void v2Tcp6GivesTheSource() throws Exception {
    byte[] source = InetAddress.getByName("2001:db8::9").getAddress();

    assertEquals(new InetSocketAddress(InetAddress.getByName("2001:db8::9"), 1234),
        ProxyProtocol.read(stream(v2(0x21, 0x21, ipv6Body(source, 1234)))));
  }

  @Test
  void v2Ipv4MappedSourceIsGivenAsIpv4() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xFF;
    mapped[11] = (byte) 0xFF;
    mapped[12] = (byte) 192;
    mapped[14] = 2;
    mapped[15] = 7;

    InetSocketAddress source = ProxyProtocol.read(stream(v2(0x21, 0x21, ipv6Body(mapped, 1))));

    assertInstanceOf(Inet4Address.class, source.getAddress());
    assertEquals("192.0.2.7", source.getAddress().getHostAddress());
  }

  @Test
  void v2TlvsAreSkippedExactly() throws Exception {
    byte[] tlvs = {0x02, 0x00, 0x0B, 'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'c', 'o', 'm', 0x04, 0x00, 0x00};
    ByteArrayInputStream in = stream(v2(0x21, 0x11, ipv4Body("203.0.113.9", 1, tlvs)));

    assertEquals(InetAddress.getByName("203.0.113.9"), ProxyProtocol.read(in).getAddress());
    assertArrayEquals(TLS, in.readAllBytes());
  }

  @Test
  void v2LocalMeansTheConnectionsOwnAddressWhateverItCarries() throws Exception {
    ByteArrayInputStream in = stream(v2(0x20, 0x11, ipv4Body("203.0.113.9", 1, new byte[0])));

    assertNull(ProxyProtocol.read(in));
    assertArrayEquals(TLS, in.readAllBytes());
  }

  @Test
  void v2UnspecifiedFamilyMeansTheConnectionsOwnAddress() throws Exception {
    ByteArrayInputStream in = stream(v2(0x21, 0x00, new byte[0]));

    assertNull(ProxyProtocol.read(in));
    assertArrayEquals(TLS, in.readAllBytes());
  }

  @Test
  void v2UnixSocketMeansTheConnectionsOwnAddress() throws Exception {
    ByteArrayInputStream in = stream(v2(0x21, 0x31, new byte[216]));

    assertNull(ProxyProtocol.read(in));
    assertArrayEquals(TLS, in.readAllBytes());
  }

  @Test
  void v2DatagramIsRefused() throws Exception {
    IOException e = assertThrows(IOException.class,
        () -> ProxyProtocol.read(stream(v2(0x21, 0x12, ipv4Body("203.0.113.9", 1, new byte[0])))));

    assertEquals("PROXY v2 header describes a datagram (UDP) connection: only TCP can be relayed", e.getMessage());
  }

  @Test
  void v2UndefinedFamilyIsRefused() {
    IOException e = assertThrows(IOException.class, () -> ProxyProtocol.read(stream(v2(0x21, 0x41, new byte[12]))));

    assertEquals("PROXY v2 header has family and protocol byte 0x41, which the specification does not define",
        e.getMessage());
  }

  @Test
  void v2BadSignatureIsRefused() {
    byte[] header = v2(0x21, 0x11, new byte[12]);
    header[7] = 'X';

    IOException e = assertThrows(IOException.class, () -> ProxyProtocol.read(stream(header)));

    assertTrue(e.getMessage().startsWith("expected a PROXY protocol header, but the first 12 bytes are not the"
        + " PROXY v2 signature"), e.getMessage());
  }

  @Test
  void v2WrongVersionIsRefused() {
    IOException e = assertThrows(IOException.class, () -> ProxyProtocol.read(stream(v2(0x11, 0x11, new byte[12]))));

    assertEquals("PROXY header has the v2 signature but version 1: only version 2 is defined", e.getMessage());
  }

  @Test
  void v2UndefinedCommandIsRefused() {
    IOException e = assertThrows(IOException.class, () -> ProxyProtocol.read(stream(v2(0x22, 0x11, new byte[12]))));

    assertEquals("PROXY v2 header has command 2: expected 0 (LOCAL) or 1 (PROXY)", e.getMessage());
  }

  @Test
  void v2LengthAtTheCapIsAccepted() throws Exception {
    ByteArrayInputStream in = stream(v2(0x21, 0x11, ipv4Body("203.0.113.9", 1, new byte[536 - 12])));

    assertEquals(InetAddress.getByName("203.0.113.9"), ProxyProtocol.read(in).getAddress());
    assertArrayEquals(TLS, in.readAllBytes());
  }

  @Test
  void v2LengthOverTheCapIsRefusedBeforeReadingIt() {
    IOException e = assertThrows(IOException.class,
        () -> ProxyProtocol.read(stream(v2(0x21, 0x11, 65535, new byte[0]))));

    assertEquals("PROXY v2 header announces 65535 bytes of addresses and TLVs, more than the 536 accepted: send"
        + " fewer TLVs", e.getMessage());
  }

  @Test
  void v2TruncatedBodyIsAnEndOfStream() {
    byte[] header = v2(0x21, 0x11, 12, new byte[5]);

    EOFException e = assertThrows(EOFException.class,
        () -> ProxyProtocol.read(new ByteArrayInputStream(header)));

    assertEquals("the connection closed inside a PROXY v2 header, after 21 bytes", e.getMessage());
  }

  @Test
  void v2TruncatedSignatureIsAnEndOfStream() {
    assertThrows(EOFException.class,
        () -> ProxyProtocol.read(new ByteArrayInputStream(new byte[] {0x0D, 0x0A, 0x0D})));
  }

  @Test
  void v2BodyTooShortForItsAddressesIsRefused() {
    IOException e = assertThrows(IOException.class, () -> ProxyProtocol.read(stream(v2(0x21, 0x21, new byte[12]))));

    assertEquals("PROXY v2 header is too short for its IPv6 addresses: 12 bytes, expected at least 36",
        e.getMessage());
  }

  @Test
  void onlyPAndCarriageReturnStartAHeader() {
    assertTrue(ProxyProtocol.startsLikeProxyHeader('P'));
    assertTrue(ProxyProtocol.startsLikeProxyHeader(0x0D));
    assertFalse(ProxyProtocol.startsLikeProxyHeader(0x16));
    assertFalse(ProxyProtocol.startsLikeProxyHeader('G'));
  }
}
