package io.github.httpswrapper.it;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The smallest WebSocket server that is still correct (RFC 6455): answers the upgrade, then sends every data
 * frame back unmasked with its opcode and FIN bit, answers ping with pong and close with close. For a {@link
 * ScriptedTarget}; the JDK's {@code HttpServer} cannot upgrade a connection.
 */
final class WebSocketEcho {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private WebSocketEcho() {}

  /** Whether a request head asks for a WebSocket upgrade. */
  static boolean isUpgrade(String requestHead) {
    return header(requestHead, "Upgrade").equalsIgnoreCase("websocket");
  }

  /** Answers the upgrade and echoes until the client closes; the connection is done afterwards. */
  static void serve(Socket connection, String requestHead) throws IOException {
    String accept = accept(header(requestHead, "Sec-WebSocket-Key"));
    ScriptedTarget.write(connection,
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
            + accept + "\r\n\r\n");
    InputStream in = connection.getInputStream();
    OutputStream out = connection.getOutputStream();
    while (true) {
      int first = readByte(in);
      int second = readByte(in);
      int opcode = first & 0x0f;
      long length = second & 0x7f;
      if (length == 126) {
        length = (readByte(in) << 8) | readByte(in);
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | readByte(in);
        }
      }
      byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
      byte[] payload = in.readNBytes((int) length);
      if (payload.length != length) {
        throw new EOFException("end of file inside a WebSocket frame");
      }
      if (mask != null) {
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
      }
      int answer = opcode == 0x9 ? 0xA : opcode; // ping gets pong; everything else comes back as it was
      if (opcode == 0xA) {
        continue; // an unsolicited pong needs no answer
      }
      writeFrame(out, (first & 0x80) | answer, payload);
      if (opcode == 0x8) {
        return;
      }
    }
  }

  /** Writes the frame in one piece: byte by byte, Nagle's algorithm would hold back all but the first. */
  private static void writeFrame(OutputStream socket, int first, byte[] payload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 10);
    out.write(first);
    if (payload.length < 126) {
      out.write(payload.length);
    } else if (payload.length < 65536) {
      out.write(126);
      out.write(payload.length >> 8);
      out.write(payload.length);
    } else {
      out.write(127);
      for (int i = 7; i >= 0; i--) {
        out.write((int) ((long) payload.length >> (8 * i)));
      }
    }
    out.write(payload);
    out.writeTo(socket);
    socket.flush();
  }

  private static int readByte(InputStream in) throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("end of file between WebSocket frames");
    }
    return b;
  }

  private static String accept(String key) {
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value of the first header field called {@code name}, or "" when there is none. */
  static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return line.substring(colon + 1).trim();
      }
    }
    return "";
  }
}
