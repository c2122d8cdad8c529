package io.github.httpswrapper.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortTest {
  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:4334, 127.0.0.1, 4334",
    "localhost:4334, localhost, 4334",
    "'[::1]:8080', ::1, 8080",
    "4334, 127.0.0.1, 4334",
    "http://127.0.0.1:4334/, 127.0.0.1, 4334",
    "HTTP://blog.home.arpa:80, blog.home.arpa, 80",
    "' 10.0.0.7:8000 ', 10.0.0.7, 8000",
  })
  void parsesTargets(String text, String host, int port) throws UsageException {
    assertEquals(new HostPort(host, port), HostPort.parseTarget("--target", text));
  }

  @ParameterizedTest
  @CsvSource({
    "0.0.0.0:8443, 0.0.0.0, 8443",
    "8443, 127.0.0.1, 8443",
    "'[::]:8443', ::, 8443",
    "'[fe80::1%eth0]:8443', fe80::1%eth0, 8443",
    "127.0.0.1:0, 127.0.0.1, 0",
  })
  void parsesListenAddresses(String text, String host, int port) throws UsageException {
    assertEquals(new HostPort(host, port), HostPort.parseListen("--listen", text));
  }

  @Test
  void ipv6IsWrittenBackInBrackets() {
    assertEquals("[::1]:8443", new HostPort("::1", 8443).toString());
    assertEquals("127.0.0.1:8443", new HostPort("127.0.0.1", 8443).toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "::1:8443 | --listen ::1:8443: write an IPv6 address in brackets, e.g. [::1]:8443, so the port can be"
            + " told apart",
        "localhost | --listen localhost: the port is missing, e.g. 0.0.0.0:8443, 127.0.0.1:8443, [::]:8443 or"
            + " 8443",
        ":8443 | --listen :8443: the host is missing: use 127.0.0.1:8443 for this machine only or"
            + " 0.0.0.0:8443 for every address",
        "[::1 | --listen [::1: the ']' after the IPv6 address is missing, e.g. [::1]:8443",
        "[::1]8443 | --listen [::1]8443: the port is missing after the address, e.g. [::1]:8443",
        "127.0.0.1:99999 | --listen 127.0.0.1:99999: the port must be 0 to 65535, was 99999",
        "127.0.0.1:https | --listen 127.0.0.1:https: 'https' is not a port: use a number from 0 to 65535",
        "127.0.0.1: | --listen 127.0.0.1:: the port is missing after ':'",
      })
  void rejectsMalformedListenAddresses(String text, String message) {
    UsageException e = assertThrows(UsageException.class, () -> HostPort.parseListen("--listen", text));
    assertEquals(message, e.getMessage());
  }

  @Test
  void targetPortZeroIsRefused() {
    UsageException e =
        assertThrows(UsageException.class, () -> HostPort.parseTarget("--target", "127.0.0.1:0"));
    assertEquals("--target 127.0.0.1:0: the port must be 1 to 65535, was 0", e.getMessage());
  }

  @Test
  void httpsTargetIsExplained() {
    UsageException e =
        assertThrows(UsageException.class, () -> HostPort.parseTarget("--target", "https://127.0.0.1:4334"));
    assertEquals(
        "--target https://127.0.0.1:4334: the target must speak plain HTTP (https-wrapper adds the TLS); "
            + "give HOST:PORT of the plain-HTTP service, e.g. 127.0.0.1:4334",
        e.getMessage());
  }

  @Test
  void targetWithPathIsRefused() {
    UsageException e =
        assertThrows(UsageException.class, () -> HostPort.parseTarget("--target", "127.0.0.1:4334/blog"));
    assertEquals(
        "--target 127.0.0.1:4334/blog: give only HOST:PORT, without a path, e.g. 127.0.0.1:4334", e.getMessage());
  }
}
