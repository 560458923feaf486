package io.stackbench.stack.tcp;

import io.stackbench.stack.wire.Ipv6Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** The 4-tuple that names a connection (RFC 9293 §3.4); both addresses are of one family. */
record ConnectionId(InetAddress localAddress, int localPort, InetAddress remoteAddress, int remotePort) {

    boolean isIpv6() {
        return remoteAddress instanceof Inet6Address;
    }

    @Override
    public String toString() {
        return endpoint(localAddress, localPort) + " <-> " + endpoint(remoteAddress, remotePort);
    }

    static String endpoint(InetAddress address, int port) {
        if (address instanceof Inet6Address v6) {
            return "[" + Ipv6Address.of(v6) + "]:" + port;
        }
        return address.getHostAddress() + ":" + port;
    }
}
