package io.github.httpswrapper.cli;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * This machine's addresses that other machines may use to reach it, for the banner. Read from the network
 * interfaces only: nothing is sent anywhere.
 */
final class LocalAddresses {
  private LocalAddresses() {}

  /**
   * The addresses of the interfaces that are up, without loopback and link-local ones (a link-local IPv6
   * address needs a zone to be usable in a URL).
   *
   * @param includeIpv6 whether to list IPv6 addresses too: yes when listening on {@code ::}, no on {@code 0.0.0.0}
   */
  static List<InetAddress> reachable(boolean includeIpv6) {
    List<InetAddress> found = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          boolean usable = !address.isLoopbackAddress() && !address.isLinkLocalAddress();
          if (usable && (includeIpv6 || address instanceof Inet4Address)) {
            found.add(address);
          }
        }
      }
    } catch (SocketException | RuntimeException e) {
      // Only the banner is poorer for it; the wrapper serves all the same.
      return List.of();
    }
    return found;
  }
}
