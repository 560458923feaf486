/**
 * TCP for both IP families: one listener per port accepts connections over IPv4 and IPv6, and a
 * connection names its peer by an address of either family.
 *
 * <p>{@link io.stackbench.stack.tcp.TcpLayer} demultiplexes segments and replies to those for no connection,
 * {@code Connection} holds the control block and the user calls, {@code SegmentArrival} is SEGMENT
 * ARRIVES per state, and {@code RetransmissionTimer}, {@code ReassemblyQueue} and
 * {@code IsnGenerator} are the timer, receive and ISN mechanisms.
 *
 * <p>RFCs to read first:
 * <ul>
 *   <li>RFC 9293, TCP: §3.3.2 the states, §3.10 the event processing this package follows.</li>
 *   <li>RFC 6298, the retransmission timer: SRTT, RTTVAR, initial RTO 1 s, backoff.</li>
 *   <li>RFC 6528, initial sequence numbers from a keyed hash of the 4-tuple.</li>
 *   <li>RFC 5961, challenge ACKs against blind RST and SYN.</li>
 *   <li>RFC 1122 §4.2, TCP in hosts: no answer to broadcast or multicast segments.</li>
 * </ul>
 */
package io.stackbench.stack.tcp;
