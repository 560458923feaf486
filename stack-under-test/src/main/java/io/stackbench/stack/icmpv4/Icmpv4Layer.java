package io.stackbench.stack.icmpv4;

import io.stackbench.sim.spi.EchoListener;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.ipv4.Ipv4Layer;
import io.stackbench.stack.wire.Icmpv4Packet;
import io.stackbench.stack.wire.Icmpv4Repr;
import io.stackbench.stack.wire.Icmpv4UnreachableCode;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.Ipv4Packet;
import io.stackbench.stack.wire.Ipv4Repr;
import io.stackbench.stack.wire.MalformedPacketException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** ICMPv4 for a host: replies to echo requests, matches echo replies, and sends unreachable errors. */
public final class Icmpv4Layer {

    /** Echo requests awaiting a reply at most; the oldest is forgotten beyond this. */
    public static final int MAX_OUTSTANDING_ECHOES = 4096;
    /** RFC 792: an error carries the original IP header and at least the first 8 bytes of its data. */
    private static final int ORIGINAL_DATA_BYTES = 8;

    private final StackContext context;
    private final Ipv4Layer ip;
    // Looked up by (identifier, sequence) only, never iterated, so hash order cannot reach output.
    private final Map<Integer, EchoListener> outstanding = new HashMap<>();

    public Icmpv4Layer(StackContext context, Ipv4Layer ip) {
        this.context = context;
        this.ip = ip;
    }

    /** Handles an ICMP message for us; {@code broadcast} is true when it was sent to a broadcast address. */
    public void receive(Ipv4Repr header, byte[] buffer, int offset, int length, boolean broadcast) {
        Icmpv4Repr message;
        try {
            message = Icmpv4Repr.parse(new Icmpv4Packet(buffer, offset, length));
        } catch (MalformedPacketException e) {
            context.counters().drop(e.counterName());
            return;
        }
        if (message instanceof Icmpv4Repr.EchoRequest request) {
            if (broadcast) {
                // RFC 1122 §3.2.2.6 lets a host ignore broadcast echo requests; like Linux, we do.
                context.counters().increment("icmpv4.echo-broadcast-ignored");
                return;
            }
            Icmpv4Repr reply = new Icmpv4Repr.EchoReply(request.identifier(), request.sequenceNumber(), request.data());
            context.counters().increment("icmpv4.echo-replies-sent");
            send(header.source(), reply);
        } else if (message instanceof Icmpv4Repr.EchoReply reply) {
            EchoListener listener = outstanding.remove(key(reply.identifier(), reply.sequenceNumber()));
            if (listener == null) {
                context.counters().increment("icmpv4.unexpected-echo-reply");
                return;
            }
            listener.onReply(header.source().toInetAddress(), reply.sequenceNumber(), reply.data().length, header.timeToLive());
        } else if (message instanceof Icmpv4Repr.DestinationUnreachable unreachable) {
            context.counters().increment("icmpv4.unreachable-received");
            reportUnreachable(header, unreachable);
        } else {
            context.counters().increment("icmpv4.ignored");
        }
    }

    /** Sends an echo request whose outcome goes to {@code listener}. */
    public void sendEchoRequest(Ipv4Address destination, int identifier, int sequence, int payloadLength, EchoListener listener) {
        byte[] data = new byte[payloadLength];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        int key = key(identifier, sequence);
        if (outstanding.size() >= MAX_OUTSTANDING_ECHOES && !outstanding.containsKey(key)) {
            context.counters().drop("icmpv4.too-many-outstanding-echoes");
            listener.onError(sequence, "too many echo requests awaiting replies");
            return;
        }
        outstanding.put(key, listener);
        send(destination, new Icmpv4Repr.EchoRequest(identifier, sequence, data), reason -> {
            outstanding.remove(key);
            listener.onError(sequence, reason);
        });
    }

    public void sendPortUnreachable(Ipv4Repr header, byte[] frame, int offset, int length) {
        sendUnreachable(header, Icmpv4UnreachableCode.PORT_UNREACHABLE, frame, offset);
    }

    public void sendProtocolUnreachable(Ipv4Repr header, byte[] frame, int offset, int length) {
        sendUnreachable(header, Icmpv4UnreachableCode.PROTOCOL_UNREACHABLE, frame, offset);
    }

    private void sendUnreachable(Ipv4Repr header, Icmpv4UnreachableCode code, byte[] frame, int offset) {
        // RFC 792: quote the received header with its options and then 8 data bytes, never past Total
        // Length. Ipv4Repr.headerLength() is always 20, so it cannot give this bound.
        Ipv4Packet received = new Ipv4Packet(frame, offset, frame.length - offset);
        int original = Math.min(received.totalLength(), received.headerLength() + ORIGINAL_DATA_BYTES);
        byte[] datagram = Arrays.copyOfRange(frame, offset, offset + original);
        context.counters().increment("icmpv4.unreachable-sent");
        send(header.source(), new Icmpv4Repr.DestinationUnreachable(code, 0, datagram));
    }

    private void reportUnreachable(Ipv4Repr header, Icmpv4Repr.DestinationUnreachable unreachable) {
        byte[] original = unreachable.originalDatagram();
        Ipv4Packet inner = new Ipv4Packet(original);
        if (original.length < Ipv4Packet.MIN_HEADER_LENGTH || inner.headerLength() + 8 > original.length
                || !inner.protocol().equals(IpProtocol.ICMP)) {
            return;
        }
        Icmpv4Packet echo = new Icmpv4Packet(original, inner.headerLength(), 8);
        EchoListener listener = outstanding.remove(key(echo.identifier(), echo.sequenceNumber()));
        if (listener != null) {
            listener.onError(echo.sequenceNumber(), "destination unreachable (" + unreachable.unreachableCode() + ") from " + header.source());
        }
    }

    private void send(Ipv4Address destination, Icmpv4Repr message) {
        send(destination, message, reason -> context.counters().drop("icmpv4.send-failed"));
    }

    private void send(Ipv4Address destination, Icmpv4Repr message, java.util.function.Consumer<String> onFailure) {
        byte[] payload = new byte[message.bufferLength()];
        message.emit(new Icmpv4Packet(payload));
        ip.send(destination, IpProtocol.ICMP, payload, onFailure);
    }

    private static int key(int identifier, int sequence) {
        return (identifier << 16) | (sequence & 0xffff);
    }
}
