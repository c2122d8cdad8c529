package io.github.httpswrapper.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.httpswrapper.internal.access.Addresses;
import io.github.httpswrapper.internal.access.Cidr;
import io.github.httpswrapper.internal.http.HttpHeaders;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * X-Forwarded-For and Forwarded from a trusted proxy, and the forwarding headers computed from them. Nothing may
 * be thrown: every value is somebody's garbage. The client found is the peer or an address one of the values
 * spells, and is never a trusted proxy unless every hop was; notes are safe to log; the computed fields are
 * valid header fields.
 *
 * <p>Input: lines ({@code \n}); a line starting with {@code x} is one X-Forwarded-For value, with {@code f} one
 * Forwarded value, with {@code p}, {@code h} or {@code o} an X-Forwarded-Proto, -Host or -Port value.
 */
class ForwardedFuzzTest {
  private static final List<Cidr> TRUSTED =
      List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"));
  private static final InetAddress PEER = IpLiterals.parse("10.0.0.2");

  @FuzzTest
  void forwardingHeaders(byte[] data) {
    List<String> xff = new ArrayList<>();
    List<String> forwarded = new ArrayList<>();
    List<String> proto = new ArrayList<>();
    List<String> host = new ArrayList<>();
    List<String> port = new ArrayList<>();
    for (String line : new String(data, StandardCharsets.ISO_8859_1).split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      String value = line.substring(1);
      switch (line.charAt(0)) {
        case 'x': xff.add(value); break;
        case 'f': forwarded.add(value); break;
        case 'p': proto.add(value); break;
        case 'h': host.add(value); break;
        case 'o': port.add(value); break;
        default: break;
      }
    }

    ClientAddress decided = ClientAddress.decide(PEER, TRUSTED, xff, forwarded);
    InetAddress client = decided.address();
    assertNotNull(client);
    assertEquals(client, IpLiterals.unmapped(client));
    if (decided.note() != null) {
      assertFalse(decided.note().chars().anyMatch(c -> c < 0x20 || c == 0x7f), "control character in note");
    }
    if (!client.equals(PEER)) {
      String all = String.join(",", xff) + "," + String.join(",", forwarded);
      assertTrue(mentions(all, client), client + " appears in no header");
    }

    List<String> sent = new ArrayList<>();
    for (ForwardedHeaders.Field field :
        ForwardedHeaders.compute(client, PEER, true, host.isEmpty() ? null : host.get(0), 8443, name -> {
          switch (name.toLowerCase(Locale.ROOT)) {
            case "x-forwarded-for": return xff;
            case "forwarded": return forwarded;
            case "x-forwarded-proto": return proto;
            case "x-forwarded-host": return host;
            case "x-forwarded-port": return port;
            default: return List.of();
          }
        })) {
      sent.add(field.name());
      sent.add(field.value());
    }
    // Throws if a computed value could not be sent as a header field (control characters, CR, LF).
    HttpHeaders.of(sent.toArray(new String[0]));
  }

  /** Whether {@code text} spells {@code address} in one of the forms a forwarding header may use. */
  private static boolean mentions(String text, InetAddress address) {
    // Quoted-pairs (\.) in Forwarded values stand for the character after the backslash.
    String lower = text.toLowerCase(Locale.ROOT).replace("\\", "");
    for (String token : lower.split("[^0-9a-f:.]+")) {
      for (String candidate : new String[] {token, token.replaceFirst(":[0-9]+$", "")}) {
        InetAddress parsed = IpLiterals.parse(candidate);
        if (parsed != null && IpLiterals.unmapped(parsed).equals(address)) {
          return true;
        }
      }
    }
    return lower.contains(Addresses.format(address).toLowerCase(Locale.ROOT));
  }
}
