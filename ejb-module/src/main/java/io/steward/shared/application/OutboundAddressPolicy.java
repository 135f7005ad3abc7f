package io.steward.shared.application;

import io.steward.shared.application.RefusedAddressException.Reason;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Where Steward may send a request on someone's behalf (a web page to fetch, a workspace's model
 * provider): an http or https address without credentials, not on the deny list, and either on the
 * allow list or resolving only to public addresses. List entries are {@code host} (any port) or
 * {@code host:port}. Hosts are compared in one canonical form, so {@code 0x7f000001}, {@code
 * [::ffff:127.0.0.1]} and {@code 127.0.0.1} are the same host, and {@code localhost} is loopback
 * without asking DNS. Every check resolves the host again; callers check every address they connect
 * to, redirects included.
 */
public final class OutboundAddressPolicy {

  private static final Logger LOG = Logger.getLogger(OutboundAddressPolicy.class.getName());

  /** A label of a numeric IPv4 form as {@code inet_aton} reads it: decimal, octal or hex. */
  private static final Pattern NUMERIC_LABEL = Pattern.compile("0x[0-9a-f]*|[0-9]+");

  private static final String ONLY_PUBLIC =
      "; only public addresses, or hosts the installation allows, can be reached";

  /** Resolves host names to addresses (the JDK's resolver outside tests). */
  @FunctionalInterface
  interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A host in canonical form; {@code address} is set when the host is an address literal. */
  private record Host(String name, InetAddress address) {}

  /** An allow or deny list entry; port -1 matches any port. */
  private record Entry(String host, int port) {
    boolean matches(String otherHost, int otherPort) {
      return host.equals(otherHost) && (port < 0 || port == otherPort);
    }
  }

  private final List<Entry> allowed;
  private final List<Entry> denied;
  private final HostResolver resolver;

  /** A policy with comma-separated allow and deny lists, as configuration gives them. */
  public static OutboundAddressPolicy of(
      Optional<String> allowedHosts, Optional<String> deniedHosts) {
    return new OutboundAddressPolicy(
        allowedHosts.orElse(""), deniedHosts.orElse(""), InetAddress::getAllByName);
  }

  OutboundAddressPolicy(String allowedHosts, String deniedHosts, HostResolver resolver) {
    this.allowed = entries(allowedHosts);
    this.denied = entries(deniedHosts);
    this.resolver = resolver;
  }

  /** Refuses {@code url} unless a request may be sent there now. */
  public void check(URI url) throws RefusedAddressException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RefusedAddressException(
          Reason.NOT_WEB, "Only http and https addresses can be reached");
    }
    if (url.getHost() == null || url.getUserInfo() != null) {
      throw new RefusedAddressException(
          Reason.MALFORMED, "The address has no host, or carries credentials");
    }
    Host host = canonical(url.getHost());
    if (host == null) {
      throw new RefusedAddressException(
          Reason.MALFORMED, "The host " + url.getHost() + " is not a valid address");
    }
    int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
    if (listed(denied, host.name(), port)) {
      throw denied(host.name());
    }
    if (listed(allowed, host.name(), port)) {
      return;
    }
    for (InetAddress address : addresses(host)) {
      if (isInternal(address)) {
        throw new RefusedAddressException(
            Reason.INTERNAL,
            host.address() != null
                ? "The address " + host.name() + " is an internal address" + ONLY_PUBLIC
                : "The host " + host.name() + " resolves to an internal address" + ONLY_PUBLIC);
      }
      if (listed(denied, address.getHostAddress(), port)) {
        throw denied(host.name());
      }
    }
  }

  private InetAddress[] addresses(Host host) throws RefusedAddressException {
    if (host.address() != null) {
      return new InetAddress[] {host.address()};
    }
    // RFC 6761: localhost and its subdomains are loopback, whatever a resolver says.
    if (host.name().equals("localhost") || host.name().endsWith(".localhost")) {
      return new InetAddress[] {InetAddress.getLoopbackAddress()};
    }
    try {
      return resolver.resolve(host.name());
    } catch (UnknownHostException e) {
      throw new RefusedAddressException(
          Reason.UNKNOWN_HOST, "The host " + host.name() + " is unknown");
    }
  }

  private static RefusedAddressException denied(String host) {
    return new RefusedAddressException(
        Reason.DENIED, "The host " + host + " may not be reached from this installation");
  }

  private static boolean listed(List<Entry> entries, String host, int port) {
    return entries.stream().anyMatch(entry -> entry.matches(host, port));
  }

  /**
   * Loopback, private, link-local (cloud metadata), shared (CGNAT), unspecified, multicast,
   * reserved, IPv6 unique-local and site-local, and IPv6 forms that carry such an IPv4 address.
   */
  static boolean isInternal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      if ((bytes[0] & 0xFE) == 0xFC) {
        return true; // unique local fc00::/7
      }
      if (zeros(bytes, 0, 12)) {
        return true; // IPv4-compatible ::/96, deprecated and never public
      }
      Optional<InetAddress> embedded = embeddedIpv4(bytes);
      return embedded.isPresent() && isInternal(embedded.get());
    }
    int first = bytes[0] & 0xFF;
    int second = bytes[1] & 0xFF;
    return first == 0
        || (first == 100 && second >= 64 && second < 128) // shared address space 100.64/10
        || (first == 192 && second == 0 && bytes[2] == 0) // IETF protocol assignments
        || (first == 198 && (second == 18 || second == 19)) // benchmarking 198.18/15
        || first >= 240; // reserved and broadcast
  }

  /** The IPv4 address inside an IPv4-mapped, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) one. */
  private static Optional<InetAddress> embeddedIpv4(byte[] bytes) {
    int from;
    if (zeros(bytes, 0, 10) && (bytes[10] & bytes[11] & 0xFF) == 0xFF) {
      from = 12;
    } else if (bytes[0] == 0
        && bytes[1] == 0x64
        && (bytes[2] & 0xFF) == 0xFF
        && (bytes[3] & 0xFF) == 0x9B
        && zeros(bytes, 4, 12)) {
      from = 12;
    } else if (bytes[0] == 0x20 && bytes[1] == 0x02) {
      from = 2;
    } else {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, from, from + 4)));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are an IPv4 address", e);
    }
  }

  private static boolean zeros(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The host in canonical form: lower case without a trailing dot, address literals (IPv6, and IPv4
   * in any form {@code inet_aton} accepts) as the JDK writes them; null if it is not valid.
   */
  private static Host canonical(String raw) {
    String host = raw.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.contains(":")) {
      // With a colon the JDK parses an IPv6 literal and never asks DNS.
      try {
        InetAddress address = InetAddress.getByName(host);
        return new Host(address.getHostAddress(), address);
      } catch (UnknownHostException e) {
        return null;
      }
    }
    while (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (host.isEmpty()) {
      return null;
    }
    String[] labels = host.split("\\.", -1);
    if (Arrays.stream(labels).allMatch(label -> NUMERIC_LABEL.matcher(label).matches())) {
      InetAddress address = numericIpv4(labels);
      return address == null ? null : new Host(address.getHostAddress(), address);
    }
    return new Host(host, null);
  }

  /** An IPv4 address written as {@code inet_aton} reads it (127.1, 2130706433, 0x7f.1 …). */
  private static InetAddress numericIpv4(String[] labels) {
    if (labels.length > 4) {
      return null;
    }
    long[] values = new long[labels.length];
    for (int i = 0; i < labels.length; i++) {
      String label = labels[i];
      try {
        values[i] =
            label.startsWith("0x")
                ? (label.length() == 2 ? 0 : Long.parseLong(label.substring(2), 16))
                : label.length() > 1 && label.startsWith("0")
                    ? Long.parseLong(label.substring(1), 8)
                    : Long.parseLong(label);
      } catch (NumberFormatException e) {
        return null; // octal with 8 or 9, or too long
      }
    }
    long number = 0;
    for (int i = 0; i < values.length - 1; i++) {
      if (values[i] > 0xFF) {
        return null;
      }
      number |= values[i] << (8 * (3 - i));
    }
    long last = values[values.length - 1];
    if (last >= 1L << (8 * (5 - values.length))) {
      return null;
    }
    number |= last;
    byte[] bytes = {
      (byte) (number >>> 24), (byte) (number >>> 16), (byte) (number >>> 8), (byte) number
    };
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are an IPv4 address", e);
    }
  }

  /** {@code host} or {@code host:port} entries ({@code [v6]:port} for IPv6), comma-separated. */
  private static List<Entry> entries(String list) {
    List<Entry> entries = new ArrayList<>();
    for (String item : list.split(",")) {
      String text = item.strip();
      if (text.isEmpty()) {
        continue;
      }
      Entry entry = entry(text);
      if (entry == null) {
        LOG.warning(
            () -> "Ignoring the address policy entry '" + text + "': not host or host:port");
      } else {
        entries.add(entry);
      }
    }
    return List.copyOf(entries);
  }

  private static Entry entry(String text) {
    String host = text;
    int port = -1;
    int colon = text.lastIndexOf(':');
    boolean bareIpv6 = text.indexOf(':') != colon;
    if (colon >= 0 && !bareIpv6 || text.startsWith("[") && text.contains("]:")) {
      host = text.substring(0, colon);
      try {
        port = Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        return null;
      }
      if (port < 1 || port > 65_535) {
        return null;
      }
    }
    Host canonical = canonical(host);
    return canonical == null ? null : new Entry(canonical.name(), port);
  }
}
