package io.steward.knowledge.infrastructure.fetching;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class HttpPageFetcherTest {

  @Test
  void should_treat_loopback_private_link_local_and_shared_addresses_as_internal()
      throws Exception {
    for (String address :
        new String[] {
          "127.0.0.1",
          "10.1.2.3",
          "172.16.0.1",
          "192.168.1.1",
          "169.254.169.254",
          "100.64.0.1",
          "0.0.0.0",
          "::1",
          "fd00::1",
          "fe80::1",
          "224.0.0.1"
        }) {
      assertTrue(HttpPageFetcher.isInternal(InetAddress.getByName(address)), address);
    }
  }

  @Test
  void should_treat_public_addresses_as_public() throws Exception {
    for (String address : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111"}) {
      assertFalse(HttpPageFetcher.isInternal(InetAddress.getByName(address)), address);
    }
  }
}
