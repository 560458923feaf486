/**
 * TCP for both IP families: one listener per port accepts connections over IPv4 and IPv6, and a
 * connection names its peer by an address of either family.
 *
 * <p>{@link io.stackbench.stack.tcp.TcpLayer} demultiplexes segments and replies to those for no
 * connection. {@code Connection} holds the control block, the user calls and the timeouts.
 * {@code SegmentArrival} is SEGMENT ARRIVES per state, and {@code Sender} decides what goes out and
 * writes the segments. {@code CongestionControl}, {@code DelayedAck}, {@code SynOptions},
 * {@code Timestamps}, {@code RetransmissionTimer}, {@code ChallengeAckLimiter},
 * {@code ReassemblyQueue} and {@code IsnGenerator} are one mechanism each, and
 * {@code DeadlineTimer} is the timer they share.
 *
 * <p>RFCs to read first:
 * <ul>
 *   <li>RFC 9293, TCP: §3.3.2 the states, §3.10 the event processing this package follows, §3.7.4
 *       Nagle's algorithm, §3.8.6 the windows, zero-window probing and delayed ACKs.</li>
 *   <li>RFC 5681, congestion control: slow start, congestion avoidance, fast retransmit and fast
 *       recovery; RFC 6582, the NewReno response to partial ACKs; RFC 3042, Limited Transmit.</li>
 *   <li>RFC 6298, the retransmission timer: SRTT, RTTVAR, initial RTO 1 s, backoff.</li>
 *   <li>RFC 7323, window scaling, timestamps, RTTM and PAWS.</li>
 *   <li>RFC 6528, initial sequence numbers from a keyed hash of the 4-tuple.</li>
 *   <li>RFC 5961, challenge ACKs against blind RST, SYN and ACK, and their throttling.</li>
 *   <li>RFC 1122 §4.2, TCP in hosts: no reply to broadcast or multicast segments, and §4.2.2.17
 *       on probing zero windows.</li>
 * </ul>
 */
package io.stackbench.stack.tcp;
