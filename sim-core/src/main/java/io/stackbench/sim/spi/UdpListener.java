package io.stackbench.sim.spi;

import java.net.InetAddress;

/** Receives the datagrams that arrive at one bound UDP port, over either IP family. */
public interface UdpListener {

    /**
     * Called once per datagram, in arrival order.
     *
     * @param remoteAddress the sender, an {@link java.net.Inet4Address} or an {@link java.net.Inet6Address}
     * @param remotePort the sender's port, 0 when it expects no reply (RFC 768)
     * @param localAddress the datagram's destination: one of our addresses, or a broadcast or multicast address
     * @param payload the data, owned by the listener
     */
    void onDatagram(InetAddress remoteAddress, int remotePort, InetAddress localAddress, byte[] payload);
}
