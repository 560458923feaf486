package io.stackbench.stack.icmpv6;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.EchoListener;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.ipv6.Ipv6Layer;
import io.stackbench.stack.wire.Icmpv6Packet;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.Ipv6Repr;
import io.stackbench.stack.wire.MalformedPacketException;
import java.util.HashMap;
import java.util.Map;

/**
 * ICMPv6 for a host: answers echo requests (also to groups we joined), matches echo replies to
 * their requests, hands ND and MLD messages on, and sends errors under the rules of RFC 4443 §2.4.
 */
public final class Icmpv6Layer {

    /** Echo requests awaiting a reply at most; beyond this a new one fails at once. */
    public static final int MAX_OUTSTANDING_ECHOES = 4096;
    /** Token bucket for errors (RFC 4443 §2.4 f): at most this many at once... */
    static final int ERROR_BURST = 10;
    /** ...refilled with one token per interval. */
    static final long ERROR_TOKEN_INTERVAL_NANOS = 100_000_000L;

    private final StackContext context;
    private final Ipv6Layer ip;
    // Looked up by (identifier, sequence) only, never iterated, so hash order cannot reach output.
    private final Map<Integer, EchoListener> outstanding = new HashMap<>();
    private double tokens = ERROR_BURST;
    private long tokensAt;

    public Icmpv6Layer(StackContext context, Ipv6Layer ip) {
        this.context = context;
        this.ip = ip;
    }

    /**
     * Handles an ICMPv6 message. {@code packetStart} and {@code packetEnd} delimit the whole IPv6
     * packet in {@code buffer}, for errors that quote it.
     */
    public void receive(Ipv6Repr header, byte[] buffer, int offset, int length, MacAddress ethernetSource, boolean fragmented, int packetStart,
            int packetEnd) {
        Icmpv6Repr message;
        try {
            message = Icmpv6Repr.parse(new Icmpv6Packet(buffer, offset, length), header.source(), header.destination());
        } catch (MalformedPacketException e) {
            context.counters().drop(e.counterName());
            return;
        }
        if (message instanceof Icmpv6Repr.NeighborSolicitation || message instanceof Icmpv6Repr.NeighborAdvertisement
                || message instanceof Icmpv6Repr.RouterSolicitation || message instanceof Icmpv6Repr.RouterAdvertisement
                || message instanceof Icmpv6Repr.Redirect) {
            ip.ndp().receive(header, message, ethernetSource, fragmented);
        } else if (message instanceof Icmpv6Repr.MldQuery || message instanceof Icmpv6Repr.Mldv2Query) {
            ip.mld().onQuery(header, message);
        } else if (message instanceof Icmpv6Repr.Mldv2Report) {
            context.counters().increment("mld.report-from-other");
        } else if (message instanceof Icmpv6Repr.EchoRequest request) {
            answerEcho(header, request);
        } else if (message instanceof Icmpv6Repr.EchoReply reply) {
            EchoListener listener = outstanding.remove(key(reply.identifier(), reply.sequenceNumber()));
            if (listener == null) {
                context.counters().increment("icmpv6.unexpected-echo-reply");
                return;
            }
            listener.onReply(header.source().toInetAddress(), reply.sequenceNumber(), reply.data().length, header.hopLimit());
        } else if (message instanceof Icmpv6Repr.DestinationUnreachable unreachable) {
            context.counters().increment("icmpv6.unreachable-received");
            reportError(unreachable.invokingPacket(), "destination unreachable (code " + unreachable.code() + ") from " + header.source());
        } else if (message instanceof Icmpv6Repr.ParameterProblem problem) {
            context.counters().increment("icmpv6.parameter-problem-received");
            reportError(problem.invokingPacket(), "parameter problem (code " + problem.code() + ", pointer " + problem.pointer() + ") from "
                    + header.source());
        } else {
            context.counters().increment("icmpv6.ignored");
        }
    }

    private void answerEcho(Ipv6Repr header, Icmpv6Repr.EchoRequest request) {
        // RFC 4443 §4.2: a reply to a multicast request comes from a unicast address of ours.
        Ipv6Address source = header.destination().isMulticast() ? null : header.destination();
        context.counters().increment("icmpv6.echo-replies-sent");
        ip.sendIcmp(source, header.source(), new Icmpv6Repr.EchoReply(request.identifier(), request.sequenceNumber(), request.data()), 0,
                null, false, reason -> context.counters().drop("icmpv6.send-failed"));
    }

    /** Sends an echo request whose outcome goes to {@code listener}. */
    public void sendEchoRequest(Ipv6Address destination, int identifier, int sequence, int payloadLength, EchoListener listener) {
        byte[] data = new byte[payloadLength];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        int key = key(identifier, sequence);
        if (outstanding.size() >= MAX_OUTSTANDING_ECHOES && !outstanding.containsKey(key)) {
            context.counters().drop("icmpv6.too-many-outstanding-echoes");
            listener.onError(sequence, "too many echo requests awaiting replies");
            return;
        }
        outstanding.put(key, listener);
        ip.sendIcmp(null, destination, new Icmpv6Repr.EchoRequest(identifier, sequence, data), 0, null, false, reason -> {
            outstanding.remove(key);
            listener.onError(sequence, reason);
        });
    }

    /**
     * Sends an error about the invoking packet {@code invoking} (at {@code start}, {@code length}
     * bytes) unless RFC 4443 §2.4 e) forbids it or the rate limit is reached.
     */
    public void sendError(Icmpv6Repr error, Ipv6Repr invoking, byte[] buffer, int start, int length) {
        boolean allowedToMulticast = error instanceof Icmpv6Repr.PacketTooBig
                || (error instanceof Icmpv6Repr.ParameterProblem problem && problem.code() == 2);
        if (invoking.destination().isMulticast() && !allowedToMulticast) {
            context.counters().increment("icmpv6.error-suppressed-multicast");
            return;
        }
        if (invoking.source().isUnspecified() || invoking.source().isMulticast()) {
            context.counters().increment("icmpv6.error-suppressed-source");
            return;
        }
        if (isIcmpError(invoking, buffer, start, length)) {
            context.counters().increment("icmpv6.error-suppressed-about-error");
            return;
        }
        if (!takeToken()) {
            context.counters().increment("icmpv6.error-rate-limited");
            return;
        }
        context.counters().increment("icmpv6.errors-sent");
        ip.sendIcmp(null, invoking.source(), error, 0, null, false, reason -> context.counters().drop("icmpv6.send-failed"));
    }

    /** RFC 4443 §2.4 e.1: no error about an ICMPv6 error message (types below 128). */
    private static boolean isIcmpError(Ipv6Repr invoking, byte[] buffer, int start, int length) {
        int typeOffset = start + 40;
        return invoking.nextHeader().equals(IpProtocol.ICMPV6) && length > 40 && (buffer[typeOffset] & 0xff) < 128;
    }

    private boolean takeToken() {
        long now = context.now();
        tokens = Math.min(ERROR_BURST, tokens + (double) (now - tokensAt) / ERROR_TOKEN_INTERVAL_NANOS);
        tokensAt = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    private void reportError(byte[] invoking, String reason) {
        // The invoking packet is ours: IPv6 header, then our echo request if that is what failed.
        if (invoking.length < 48 || (invoking[6] & 0xff) != IpProtocol.ICMPV6.value() || (invoking[40] & 0xff) != 128) {
            return;
        }
        int identifier = ((invoking[44] & 0xff) << 8) | (invoking[45] & 0xff);
        int sequence = ((invoking[46] & 0xff) << 8) | (invoking[47] & 0xff);
        EchoListener listener = outstanding.remove(key(identifier, sequence));
        if (listener != null) {
            listener.onError(sequence, reason);
        }
    }

    private static int key(int identifier, int sequence) {
        return (identifier << 16) | (sequence & 0xffff);
    }
}
