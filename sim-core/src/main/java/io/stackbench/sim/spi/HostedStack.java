package io.stackbench.sim.spi;

import java.net.InetAddress;

/**
 * What a TCP/IP stack must offer to be hosted by the bench. The bench calls these methods from the
 * simulation's single thread; the stack acts through the {@link StackHost} it was given, and
 * must never read a clock, start a thread or draw from an unseeded random source.
 */
public interface HostedStack {

    /**
     * Boots the stack on the host's interfaces: forms addresses, joins groups, sends whatever a
     * booting host sends.
     *
     * @throws StackConfigurationException when the boot arguments are invalid; nothing is sent then
     */
    void start(StackHost host);

    /** Shuts the stack down: cancels its timers and discards its state. */
    void stop();

    /** Handles a frame that arrived on interface {@code interfaceIndex}. Never throws. */
    void receive(int interfaceIndex, byte[] frame);

    /** Tells the stack that an interface went up or down. */
    void linkStateChanged(int interfaceIndex, boolean up);

    /**
     * Sends one ICMP or ICMPv6 echo request and reports the outcome to {@code listener}: a reply, or
     * an error such as "no route to 192.0.2.1". The bench decides when a missing reply is a timeout.
     */
    void sendEchoRequest(InetAddress destination, int identifier, int sequence, int payloadLength, EchoListener listener);

    /**
     * Binds UDP {@code port} for both families: datagrams to it over IPv4 and IPv6 go to
     * {@code listener}, and the stack no longer answers them with port unreachable.
     *
     * @throws IllegalArgumentException when {@code port} is not 1 to 65535
     * @throws IllegalStateException when the stack is not running, the port is already bound, or the
     *     stack's maximum of bound ports is reached
     */
    void udpBind(int port, UdpListener listener);

    /**
     * Sends one UDP datagram from the bound port {@code localPort} to {@code destination}, an address
     * of either family, and port {@code port}. The stack chooses the source address by the
     * destination's family. Failures such as an unbound port, a disabled family or "no route to
     * 192.0.2.1" go to {@code listener}.
     */
    void udpSend(int localPort, InetAddress destination, int port, byte[] payload, SendListener listener);

    /**
     * Opens TCP {@code port} for passive opens over both families (RFC 9293 OPEN, passive).
     * {@code handler} receives the events of every connection the port accepts.
     *
     * @throws IllegalArgumentException when {@code port} is not 1 to 65535
     * @throws IllegalStateException when the stack is not running or the port already has a listener
     */
    void tcpListen(int port, TcpHandler handler);

    /**
     * Opens a TCP connection to {@code destination}, an address of either family, and {@code port}
     * (RFC 9293 OPEN, active). The stack chooses the source address by the destination's family and
     * an ephemeral local port. The outcome reaches {@code handler}.
     *
     * @throws IllegalArgumentException when {@code port} is not 1 to 65535
     * @throws IllegalStateException when the stack is not running, the destination's family is
     *     disabled or has no usable source address, or the connection table is full
     */
    TcpConnection tcpConnect(InetAddress destination, int port, TcpHandler handler);

    /** Returns the stack's current state for assertions. */
    StackSnapshot snapshot();
}
