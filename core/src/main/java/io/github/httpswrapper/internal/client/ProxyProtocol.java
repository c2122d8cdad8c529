package io.github.httpswrapper.internal.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Reads the PROXY protocol header (HAProxy's {@code send-proxy} / {@code send-proxy-v2}) that a layer-4 proxy
 * puts in front of a connection to say which client it relays.
 *
 * <p>The header is read byte by byte or in exact lengths, so exactly its bytes are consumed and the TLS handshake
 * that follows is left in the stream untouched. Only connections from a trusted proxy may be read this way: the
 * header is the proxy's word about the client, and anyone else could write {@code PROXY TCP4 127.0.0.1 ...}.
 *
 * <p>Version 1 is one text line, {@code PROXY TCP4 192.0.2.7 198.51.100.1 56324 443\r\n}, at most 107 bytes,
 * checked strictly: single spaces, addresses that are literals of the named family (IPv4 without leading zeros),
 * ports 0 to 65535 in plain decimal. {@code PROXY UNKNOWN ...} means "use the connection's own address".
 *
 * <p>Version 2 is binary: a 12-byte signature, version 2, the command {@code LOCAL} (a health check from the
 * proxy itself: use the connection's own address) or {@code PROXY}, the family, and the length of the rest. The
 * rest may be at most {@value #MAX_V2_LENGTH} bytes: room for the largest address block (216 bytes, UNIX
 * sockets) and 320 bytes of TLVs (such as the ones HAProxy adds for ALPN, authority and SSL details), which are
 * skipped. IPv4 and IPv6 over TCP carry the client; {@code UNSPEC} and UNIX sockets mean "use the connection's
 * own address"; UDP and any value the specification does not define are refused.
 *
 * <p>Waiting is bounded by the socket's read timeout, which the caller sets.
 *
 * @see <a href="https://www.haproxy.org/download/3.0/doc/proxy-protocol.txt">The PROXY protocol</a>
 */
public final class ProxyProtocol {
  /** The largest version-2 length field accepted. */
  public static final int MAX_V2_LENGTH = 536;

  private static final int MAX_V1_LENGTH = 107;
  private static final byte[] V2_SIGNATURE = {
    0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A
  };
  private static final String SEND_PROXY_HINT =
      ": the connection did not come through the proxy, or the proxy does not send PROXY protocol headers"
          + " (HAProxy: add send-proxy or send-proxy-v2 to the server line)";

  private ProxyProtocol() {}

  /** Whether a connection whose first byte is {@code firstByte} may start with a PROXY header (v1 or v2). */
  public static boolean startsLikeProxyHeader(int firstByte) {
    return firstByte == 'P' || firstByte == 0x0D;
  }

  /**
   * Reads the PROXY header at the start of {@code in}, consuming exactly its bytes.
   *
   * @return the client's address and port, or {@code null} when the header says to use the connection's own
   *     address ({@code UNKNOWN}, {@code LOCAL}, {@code UNSPEC}, UNIX sockets)
   * @throws IOException naming what is wrong when there is no valid header; the connection must then be closed
   */
  public static InetSocketAddress read(InputStream in) throws IOException {
    int first = in.read();
    if (first < 0) {
      throw new EOFException("the connection closed before sending a PROXY protocol header");
    }
    if (first == 'P') {
      return readV1(in);
    }
    if (first == 0x0D) {
      return readV2(in);
    }
    String what = first == 0x16 ? " (a TLS handshake)" : "";
    throw new IOException(
        "expected a PROXY protocol header, but the connection starts with byte 0x"
            + String.format("%02x", first) + what + SEND_PROXY_HINT);
  }

  private static InetSocketAddress readV1(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder("P");
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException(
            "the connection closed inside a PROXY v1 header, after " + line.length() + " bytes");
      }
      if (b == '\n') {
        break;
      }
      if (line.length() == MAX_V1_LENGTH - 1) {
        throw new IOException(
            "PROXY v1 header has no CRLF within " + MAX_V1_LENGTH + " bytes: it is malformed or not a PROXY"
                + " header");
      }
      if (b != '\r' && (b < 0x20 || b > 0x7E)) {
        throw new IOException("PROXY v1 header holds byte 0x" + String.format("%02x", b) + ", which is not"
            + " printable ASCII" + (line.length() < 6 ? SEND_PROXY_HINT : ""));
      }
      line.append((char) b);
      if (line.length() == 6 && !line.toString().equals("PROXY ")) {
        throw new IOException("expected a PROXY protocol header, but the connection starts with '" + line + "'"
            + SEND_PROXY_HINT);
      }
    }
    if (line.charAt(line.length() - 1) != '\r') {
      throw new IOException("PROXY v1 header ends in a bare LF: it must end in CRLF");
    }
    String text = line.substring(0, line.length() - 1);
    if (text.indexOf('\r') >= 0) {
      throw new IOException("PROXY v1 header holds a CR before its end");
    }
    return parseV1(text);
  }

  private static InetSocketAddress parseV1(String text) throws IOException {
    if (!text.startsWith("PROXY ")) {
      throw new IOException("expected a PROXY protocol header, but the connection starts with '" + text + "'"
          + SEND_PROXY_HINT);
    }
    String rest = text.substring(6);
    if (rest.equals("UNKNOWN") || rest.startsWith("UNKNOWN ")) {
      return null;
    }
    String[] fields = rest.split(" ", -1);
    if (fields.length != 5) {
      throw new IOException("PROXY v1 header '" + text + "' is malformed: expected 'PROXY TCP4|TCP6 source"
          + " destination source-port destination-port', separated by single spaces");
    }
    boolean ipv6;
    if (fields[0].equals("TCP4")) {
      ipv6 = false;
    } else if (fields[0].equals("TCP6")) {
      ipv6 = true;
    } else {
      throw new IOException("PROXY v1 header names protocol '" + fields[0] + "': expected TCP4, TCP6 or UNKNOWN");
    }
    InetAddress source = v1Address(fields[1], ipv6, "source", text);
    v1Address(fields[2], ipv6, "destination", text);
    int sourcePort = v1Port(fields[3], "source", text);
    v1Port(fields[4], "destination", text);
    return new InetSocketAddress(source, sourcePort);
  }

  private static InetAddress v1Address(String field, boolean ipv6, String which, String text) throws IOException {
    InetAddress address = ipv6 ? IpLiterals.parseIpv6(field) : IpLiterals.parseIpv4(field);
    if (address == null) {
      throw new IOException("PROXY v1 header '" + text + "' has " + which + " address '" + field + "', which is"
          + " not an " + (ipv6 ? "IPv6" : "IPv4 (dotted quad, no leading zeros)") + " address as "
          + (ipv6 ? "TCP6" : "TCP4") + " requires");
    }
    return address;
  }

  private static int v1Port(String field, String which, String text) throws IOException {
    boolean digits = !field.isEmpty() && field.length() <= 5 && field.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits || (field.length() > 1 && field.charAt(0) == '0') || Integer.parseInt(field) > 65535) {
      throw new IOException("PROXY v1 header '" + text + "' has " + which + " port '" + field + "': expected"
          + " 0 to 65535 in decimal, without sign or leading zeros");
    }
    return Integer.parseInt(field);
  }

  private static InetSocketAddress readV2(InputStream in) throws IOException {
    byte[] fixed = new byte[16];
    fixed[0] = 0x0D;
    readFully(in, fixed, 1, 15, 1);
    for (int i = 0; i < V2_SIGNATURE.length; i++) {
      if (fixed[i] != V2_SIGNATURE[i]) {
        throw new IOException("expected a PROXY protocol header, but the first 12 bytes are not the PROXY v2"
            + " signature" + SEND_PROXY_HINT);
      }
    }
    int version = (fixed[12] & 0xF0) >> 4;
    int command = fixed[12] & 0x0F;
    int family = fixed[13] & 0xFF;
    int length = ((fixed[14] & 0xFF) << 8) | (fixed[15] & 0xFF);
    if (version != 2) {
      throw new IOException("PROXY header has the v2 signature but version " + version + ": only version 2 is"
          + " defined");
    }
    if (command > 1) {
      throw new IOException("PROXY v2 header has command " + command + ": expected 0 (LOCAL) or 1 (PROXY)");
    }
    if (length > MAX_V2_LENGTH) {
      throw new IOException("PROXY v2 header announces " + length + " bytes of addresses and TLVs, more than the"
          + " " + MAX_V2_LENGTH + " accepted: send fewer TLVs");
    }
    byte[] body = new byte[length];
    readFully(in, body, 0, length, 16);
    if (command == 0) {
      // LOCAL: the proxy speaks for itself (health checks); the family is to be ignored.
      return null;
    }
    switch (family) {
      case 0x00: // UNSPEC
      case 0x31: // UNIX stream
        return null;
      case 0x11: // TCP over IPv4
        return v2Address(body, 4);
      case 0x21: // TCP over IPv6
        return v2Address(body, 16);
      case 0x12:
      case 0x22:
      case 0x32:
        throw new IOException("PROXY v2 header describes a datagram (UDP) connection: only TCP can be relayed");
      default:
        throw new IOException("PROXY v2 header has family and protocol byte 0x" + String.format("%02x", family)
            + ", which the specification does not define");
    }
  }

  private static InetSocketAddress v2Address(byte[] body, int size) throws IOException {
    int needed = 2 * size + 4;
    if (body.length < needed) {
      throw new IOException("PROXY v2 header is too short for its " + (size == 4 ? "IPv4" : "IPv6")
          + " addresses: " + body.length + " bytes, expected at least " + needed);
    }
    byte[] source = new byte[size];
    System.arraycopy(body, 0, source, 0, size);
    int port = ((body[2 * size] & 0xFF) << 8) | (body[2 * size + 1] & 0xFF);
    try {
      return new InetSocketAddress(IpLiterals.unmapped(InetAddress.getByAddress(source)), port);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static void readFully(InputStream in, byte[] into, int offset, int length, int before)
      throws IOException {
    int read = in.readNBytes(into, offset, length);
    if (read < length) {
      throw new EOFException("the connection closed inside a PROXY v2 header, after " + (before + read)
          + " bytes");
    }
  }
}
