package io.stackbench.scenario.run;

import java.net.InetAddress;

/**
 * One datagram that a bound UDP port of a stack received during a run.
 *
 * @param receivedAt simulated time of arrival in nanoseconds
 * @param remoteAddress the sender, of either family
 */
public record UdpDelivery(long receivedAt, InetAddress remoteAddress, int remotePort, InetAddress localAddress, byte[] payload) {
}
