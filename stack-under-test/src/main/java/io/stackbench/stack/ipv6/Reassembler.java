package io.stackbench.stack.ipv6;

import io.stackbench.sim.engine.Timer;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.wire.Ipv6Address;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reassembles fragmented IPv6 packets (RFC 8200 §4.5) with bounds: at most
 * {@link #MAX_DATAGRAMS} at once, never beyond 65,535 bytes, and a 60-second timeout after
 * which the fragments are dropped, with Time Exceeded only when the first fragment arrived.
 * Overlapping fragments drop the whole packet (RFC 5722).
 */
final class Reassembler {

    static final long TIMEOUT_NANOS = 60_000_000_000L;
    static final int MAX_DATAGRAMS = 16;
    static final int MAX_LENGTH = 65_535;

    /** Called with the reassembled packet (a fixed IPv6 header followed by the fragmentable part). */
    interface Completion {
        void complete(byte[] packet);
    }

    /** Called on timeout with the first fragment's whole packet, for Time Exceeded. */
    interface Expiry {
        void expired(byte[] firstFragmentPacket);
    }

    private record Key(Ipv6Address source, Ipv6Address destination, long identification) {
    }

    private static final class Datagram {
        final TreeMap<Integer, byte[]> pieces = new TreeMap<>();
        int totalLength = -1;
        byte[] header;
        int nextHeader = -1;
        byte[] firstFragmentPacket;
        Timer timer;
    }

    private final StackContext context;
    // Looked up by key only, never iterated, so hash order cannot reach output.
    private final Map<Key, Datagram> datagrams = new HashMap<>();

    Reassembler(StackContext context) {
        this.context = context;
    }

    /**
     * Adds one fragment.
     *
     * @param packet the buffer holding the whole IPv6 packet from its fixed header
     * @param fragmentOffsetBytes offset of the fragment's data in the original packet
     * @param dataOffset where the fragment's data starts in {@code packet}
     */
    void add(Ipv6Address source, Ipv6Address destination, long identification, byte[] packet, int packetOffset, int nextHeader,
            int fragmentOffsetBytes, boolean moreFragments, int dataOffset, int dataLength, Completion completion, Expiry expiry) {
        Key key = new Key(source, destination, identification);
        Datagram datagram = datagrams.get(key);
        if (datagram == null) {
            if (datagrams.size() >= MAX_DATAGRAMS) {
                context.counters().drop("ipv6.reassembly-table-full");
                return;
            }
            datagram = new Datagram();
            datagrams.put(key, datagram);
            Datagram created = datagram;
            datagram.timer = context.schedule(TIMEOUT_NANOS, () -> timeout(key, created, expiry));
        }
        if (fragmentOffsetBytes + dataLength > MAX_LENGTH) {
            context.counters().drop("ipv6.fragment-beyond-65535");
            discard(key, datagram);
            return;
        }
        if (moreFragments && dataLength % 8 != 0) {
            context.counters().drop("ipv6.fragment-length-not-multiple-of-8");
            return;
        }
        if (overlaps(datagram, fragmentOffsetBytes, dataLength)) {
            context.counters().drop("ipv6.fragment-overlap");
            discard(key, datagram);
            return;
        }
        datagram.pieces.put(fragmentOffsetBytes, Arrays.copyOfRange(packet, dataOffset, dataOffset + dataLength));
        if (fragmentOffsetBytes == 0) {
            datagram.header = Arrays.copyOfRange(packet, packetOffset, packetOffset + 40);
            datagram.nextHeader = nextHeader;
            datagram.firstFragmentPacket = Arrays.copyOfRange(packet, packetOffset, dataOffset + dataLength);
        }
        if (!moreFragments) {
            datagram.totalLength = fragmentOffsetBytes + dataLength;
        }
        tryComplete(key, datagram, completion);
    }

    private static boolean overlaps(Datagram datagram, int offset, int length) {
        Map.Entry<Integer, byte[]> before = datagram.pieces.floorEntry(offset + Math.max(length, 1) - 1);
        return before != null && before.getKey() + before.getValue().length > offset;
    }

    private void tryComplete(Key key, Datagram datagram, Completion completion) {
        if (datagram.totalLength < 0 || datagram.header == null) {
            return;
        }
        int covered = 0;
        for (Map.Entry<Integer, byte[]> piece : datagram.pieces.entrySet()) {
            if (piece.getKey() != covered) {
                return;
            }
            covered += piece.getValue().length;
        }
        if (covered != datagram.totalLength) {
            return;
        }
        byte[] packet = new byte[40 + datagram.totalLength];
        System.arraycopy(datagram.header, 0, packet, 0, 40);
        packet[4] = (byte) (datagram.totalLength >>> 8);
        packet[5] = (byte) datagram.totalLength;
        packet[6] = (byte) datagram.nextHeader;
        for (Map.Entry<Integer, byte[]> piece : datagram.pieces.entrySet()) {
            System.arraycopy(piece.getValue(), 0, packet, 40 + piece.getKey(), piece.getValue().length);
        }
        discard(key, datagram);
        context.counters().increment("ipv6.reassembled");
        completion.complete(packet);
    }

    private void timeout(Key key, Datagram datagram, Expiry expiry) {
        if (datagrams.get(key) != datagram) {
            return;
        }
        datagrams.remove(key);
        context.counters().drop("ipv6.reassembly-timeout");
        if (datagram.firstFragmentPacket != null) {
            expiry.expired(datagram.firstFragmentPacket);
        }
    }

    private void discard(Key key, Datagram datagram) {
        datagrams.remove(key);
        if (datagram.timer != null) {
            datagram.timer.cancel();
        }
    }

    void clear() {
        datagrams.values().forEach(d -> {
            if (d.timer != null) {
                d.timer.cancel();
            }
        });
        datagrams.clear();
    }
}
