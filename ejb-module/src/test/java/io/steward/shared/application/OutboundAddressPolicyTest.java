package io.steward.shared.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steward.shared.application.RefusedAddressException.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundAddressPolicyTest {

  /** Answers scripted addresses per host name, the next answer each time; unknown otherwise. */
  private static final class ScriptedResolver implements OutboundAddressPolicy.HostResolver {
    private final Map<String, Deque<String[]>> answers = new HashMap<>();

    ScriptedResolver answer(String host, String... addresses) {
      answers.computeIfAbsent(host, h -> new ArrayDeque<>()).add(addresses);
      return this;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      Deque<String[]> queue = answers.get(host);
      if (queue == null || queue.isEmpty()) {
        throw new UnknownHostException(host);
      }
      String[] addresses = queue.size() > 1 ? queue.poll() : queue.peek();
      InetAddress[] resolved = new InetAddress[addresses.length];
      for (int i = 0; i < addresses.length; i++) {
        resolved[i] = InetAddress.getByName(addresses[i]); // literals only: no DNS
      }
      return resolved;
    }
  }

  private final ScriptedResolver dns =
      new ScriptedResolver()
          .answer("example.com", "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946")
          .answer("metadata.example", "169.254.169.254")
          .answer("mixed.example", "93.184.216.34", "10.0.0.5")
          .answer("ollama.internal", "10.0.0.7")
          .answer("alias.example", "8.8.4.4");

  private OutboundAddressPolicy policy(String allowed, String denied) {
    return new OutboundAddressPolicy(allowed, denied, dns);
  }

  private static Reason refusal(OutboundAddressPolicy policy, String url) {
    return assertThrows(RefusedAddressException.class, () -> policy.check(URI.create(url)), url)
        .reason();
  }

  @Test
  void should_treat_loopback_private_link_local_shared_and_reserved_addresses_as_internal()
      throws Exception {
    for (String address :
        new String[] {
          "127.0.0.1",
          "127.255.0.9",
          "10.1.2.3",
          "172.16.0.1",
          "192.168.1.1",
          "169.254.169.254",
          "100.64.0.1",
          "0.0.0.0",
          "0.1.2.3",
          "192.0.0.8",
          "198.18.0.1",
          "224.0.0.1",
          "240.0.0.1",
          "255.255.255.255",
          "::",
          "::1",
          "fd00::1",
          "fc00::1",
          "fe80::1",
          "fec0::1",
          "ff02::1",
          "::127.0.0.1",
          "::8.8.8.8",
          "::ffff:10.0.0.1",
          "64:ff9b::a9fe:a9fe",
          "2002:7f00:1::1"
        }) {
      assertTrue(OutboundAddressPolicy.isInternal(InetAddress.getByName(address)), address);
    }
  }

  @Test
  void should_treat_public_addresses_as_public() throws Exception {
    for (String address :
        new String[] {
          "93.184.216.34",
          "8.8.8.8",
          "100.128.0.1",
          "2606:4700::1111",
          "64:ff9b::808:808",
          "2002:808:808::1"
        }) {
      assertFalse(OutboundAddressPolicy.isInternal(InetAddress.getByName(address)), address);
    }
  }

  @Test
  void should_refuse_every_spelling_of_an_internal_address() {
    OutboundAddressPolicy policy = policy("", "");
    for (String url :
        new String[] {
          "http://127.0.0.1:4848/management/domain",
          "http://0x7f000001/",
          "http://0X7F000001:4848/",
          "http://2130706433/",
          "http://0177.0.0.1/",
          "http://[::1]:8080/",
          "http://[0:0:0:0:0:0:0:1]/",
          "http://[::ffff:127.0.0.1]/v1",
          "http://[::ffff:7f00:1]/v1",
          "http://[::]/",
          "http://0/",
          "http://0.0.0.0:4848/",
          "http://localhost/",
          "http://LOCALHOST.:4848/",
          "http://api.localhost/v1",
          "http://169.254.169.254/latest/meta-data/",
          "http://[fd00::1]/",
          "http://[fe80::1]/",
          "https://10.0.0.1/v1",
          "http://metadata.example/",
          "http://mixed.example/"
        }) {
      assertEquals(Reason.INTERNAL, refusal(policy, url), url);
    }
  }

  @Test
  void should_refuse_other_schemes_credentials_and_broken_hosts() {
    OutboundAddressPolicy policy = policy("", "");
    assertEquals(Reason.NOT_WEB, refusal(policy, "ftp://example.com/x"));
    assertEquals(Reason.NOT_WEB, refusal(policy, "file:///etc/passwd"));
    assertEquals(Reason.NOT_WEB, refusal(policy, "gopher://example.com/"));
    assertEquals(Reason.MALFORMED, refusal(policy, "http://user:secret@example.com/"));
    assertEquals(Reason.MALFORMED, refusal(policy, "http:///no-host"));
    assertEquals(Reason.MALFORMED, refusal(policy, "http://1.2.3.4.5/"));
    assertEquals(Reason.MALFORMED, refusal(policy, "http://127.1/"), "java.net.URI sees no host");
    assertEquals(Reason.MALFORMED, refusal(policy, "http://0x7f.0.0.1/"));
    assertEquals(Reason.MALFORMED, refusal(policy, "http://127.0.0.1./"));
    assertEquals(Reason.MALFORMED, refusal(policy, "http://08.0.0.1/"));
    assertEquals(Reason.MALFORMED, refusal(policy, "http://4294967296/"));
    assertEquals(Reason.UNKNOWN_HOST, refusal(policy, "http://nowhere.example/"));
  }

  @Test
  void should_let_public_hosts_through() {
    OutboundAddressPolicy policy = policy("", "");
    assertDoesNotThrow(() -> policy.check(URI.create("https://example.com/v1")));
    assertDoesNotThrow(() -> policy.check(URI.create("http://93.184.216.34:8080/")));
    assertDoesNotThrow(() -> policy.check(URI.create("https://[2606:4700::1111]/")));
  }

  @Test
  void should_resolve_again_at_every_check() {
    dns.answer("rebinding.example", "93.184.216.34").answer("rebinding.example", "127.0.0.1");
    OutboundAddressPolicy policy = policy("", "");
    assertDoesNotThrow(() -> policy.check(URI.create("http://rebinding.example/")));
    assertEquals(Reason.INTERNAL, refusal(policy, "http://rebinding.example/"));
  }

  @Test
  void should_allow_a_listed_host_on_the_listed_port_only() {
    OutboundAddressPolicy policy =
        policy("localhost:11434, ollama.internal:443, [::1]:8000, 127.0.0.1:12098", "");
    assertDoesNotThrow(() -> policy.check(URI.create("http://localhost:11434/v1")));
    assertDoesNotThrow(() -> policy.check(URI.create("http://LOCALHOST.:11434/v1")));
    assertEquals(Reason.INTERNAL, refusal(policy, "http://localhost:11435/v1"));
    assertEquals(Reason.INTERNAL, refusal(policy, "http://localhost/v1"));
    assertEquals(Reason.INTERNAL, refusal(policy, "http://127.0.0.1:11434/v1"), "another host");

    assertDoesNotThrow(() -> policy.check(URI.create("https://ollama.internal/v1")));
    assertEquals(Reason.INTERNAL, refusal(policy, "http://ollama.internal/v1"), "port 80");

    assertDoesNotThrow(() -> policy.check(URI.create("http://[::1]:8000/")));
    assertEquals(Reason.INTERNAL, refusal(policy, "http://[::1]:8001/"));

    assertDoesNotThrow(() -> policy.check(URI.create("http://127.0.0.1:12098/v1")));
    assertDoesNotThrow(() -> policy.check(URI.create("http://0x7f000001:12098/v1")));
    assertDoesNotThrow(() -> policy.check(URI.create("http://[::ffff:127.0.0.1]:12098/v1")));
    assertEquals(Reason.INTERNAL, refusal(policy, "http://127.0.0.1:4848/"));
  }

  @Test
  void should_allow_a_listed_host_on_any_port_when_no_port_is_given() {
    OutboundAddressPolicy policy = policy("127.0.0.1", "");
    assertDoesNotThrow(() -> policy.check(URI.create("http://127.0.0.1:4848/")));
    assertDoesNotThrow(() -> policy.check(URI.create("http://2130706433/")));
    assertEquals(Reason.INTERNAL, refusal(policy, "http://localhost:4848/"));
  }

  @Test
  void should_deny_listed_hosts_and_what_names_resolve_to_even_when_allowed() {
    OutboundAddressPolicy policy = policy("example.com", "example.com, 8.8.4.4");
    assertEquals(Reason.DENIED, refusal(policy, "https://example.com/"));
    assertEquals(Reason.DENIED, refusal(policy, "https://8.8.4.4/"));
    assertEquals(Reason.DENIED, refusal(policy, "https://alias.example/"));
  }

  @Test
  void should_ignore_list_entries_that_are_not_host_or_host_and_port() {
    OutboundAddressPolicy policy = policy("localhost:http, localhost:0, localhost:70000, 08.1", "");
    assertEquals(Reason.INTERNAL, refusal(policy, "http://localhost:80/"));
    assertEquals(Reason.INTERNAL, refusal(policy, "http://localhost:70/"));
  }

  @Test
  void should_say_why_in_words() {
    RefusedAddressException internal =
        assertThrows(
            RefusedAddressException.class,
            () -> policy("", "").check(URI.create("http://169.254.169.254/")));
    assertEquals(
        "The address 169.254.169.254 is an internal address; only public addresses, or hosts the"
            + " installation allows, can be reached",
        internal.getMessage());
    RefusedAddressException named =
        assertThrows(
            RefusedAddressException.class,
            () -> policy("", "").check(URI.create("http://metadata.example/")));
    assertTrue(named.getMessage().startsWith("The host metadata.example resolves to an internal"));
    assertFalse(named.getMessage().contains("169.254"), "what internal names resolve to stays");
  }
}
