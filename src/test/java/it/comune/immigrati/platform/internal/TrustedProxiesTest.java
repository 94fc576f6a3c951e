package it.comune.immigrati.platform.internal;

import java.util.List;

import org.apache.catalina.util.NetMaskSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The list of aci.security.trusted-proxies as Tomcat's RemoteIpValve will compare client addresses with it. */
class TrustedProxiesTest {

    @Test
    void theDefaultTrustsLoopbackOnlyAsTomcatWritesIt() throws Exception {
        NetMaskSet trusted = NetMaskSet.parse(TrustedProxies.cidrList(List.of("127.0.0.1", "::1")));
        assertThat(trusted.contains("127.0.0.1")).isTrue();
        assertThat(trusted.contains("0:0:0:0:0:0:0:1")).as("Tomcat's form of ::1").isTrue();
        assertThat(trusted.contains("127.0.0.2")).isFalse();
        assertThat(trusted.contains("10.0.0.1")).isFalse();
        assertThat(trusted.contains("192.168.1.1")).isFalse();
        assertThat(trusted.contains("fd00:0:0:0:0:0:0:2")).isFalse();
    }

    @Test
    void rangesAreKeptAndAddressesBecomeSingleHostRanges() throws Exception {
        String cidrs = TrustedProxies.cidrList(List.of(" 10.0.0.0/24 ", "192.0.2.7", "fd00::/8", ""));
        assertThat(cidrs).isEqualTo("10.0.0.0/24, 192.0.2.7/32, fd00::/8");
        NetMaskSet trusted = NetMaskSet.parse(cidrs);
        assertThat(trusted.contains("10.0.0.200")).isTrue();
        assertThat(trusted.contains("10.0.1.1")).isFalse();
        assertThat(trusted.contains("192.0.2.8")).isFalse();
        assertThat(trusted.contains("fd12:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void anythingButAnAddressStopsTheStart() {
        for (String wrong : List.of("proxy.example.org", "300.1.1.1", "10.0.0.0/33", "*", "127.0.0.*")) {
            assertThatThrownBy(() -> TrustedProxies.cidrList(List.of(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anEmptyListTrustsNobody() {
        assertThat(TrustedProxies.cidrList(List.of())).isEmpty();
    }
}
