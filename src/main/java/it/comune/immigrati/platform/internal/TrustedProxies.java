package it.comune.immigrati.platform.internal;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Tomcat's RemoteIpValve (server.forward-headers-strategy: native) believes X-Forwarded-For, -Proto and
 * -Host from its internal proxies, by default every private and loopback address: anybody on the
 * office network could then pick the client address that the login and link limits count, and the host
 * of our redirects. Here the valve believes only {@code aci.security.trusted-proxies}, given to Tomcat
 * as a CIDR list, which Tomcat compares as addresses: ::1 matches the 0:0:0:0:0:0:0:1 it reports.
 * Runs after Spring Boot's customizer, which creates the valve.
 */
final class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(/\\d{1,3})?");

    private final String cidrs;

    TrustedProxies(List<String> addresses) {
        this.cidrs = cidrList(addresses);
    }

    /**
     * The list as Tomcat's CIDR list: an address becomes a range of one (/32 or /128). Only address literals:
     * a host name would be looked up in DNS by Tomcat, and a typo must stop the start, not trust nobody
     * (or everybody) in silence.
     */
    static String cidrList(List<String> addresses) {
        return addresses.stream().map(String::strip).filter(a -> !a.isEmpty()).map(address -> {
            String cidr;
            if (IPV4.matcher(address).matches() && validOctets(address)) {
                cidr = address.contains("/") ? address : address + "/32";
            } else if (IPV6.matcher(address).matches()) {
                cidr = address.contains("/") ? address : address + "/128";
            } else {
                throw new IllegalArgumentException("aci.security.trusted-proxies: not an IP address or CIDR range: " + address);
            }
            new NetMask(cidr); // throws IllegalArgumentException for 300.1.1.1, ::g, /40 on IPv4, ...
            return cidr;
        }).collect(Collectors.joining(", "));
    }

    /** 300.1.1.1 is no address: Java would look it up as a host name. */
    private static boolean validOctets(String address) {
        return java.util.Arrays.stream(address.replaceFirst("/.*", "").split("\\."))
                .allMatch(octet -> Integer.parseInt(octet) <= 255);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // an empty list leaves the valve with no internal proxy: no forwarded header is believed
        factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                .forEach(valve -> valve.setInternalProxies(cidrs));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
