package io.stackbench.stack.tcp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Segments that arrived ahead of RCV.NXT, kept until the gap before them fills. The queue is
 * bounded by segment count; a segment beyond the bound is dropped and the sender retransmits it.
 * Overlapping segments are kept as they came, and {@link #takeInOrder} trims what was already taken.
 */
final class ReassemblyQueue {

    /** Maximum number of out-of-order segments held per connection. */
    static final int MAX_SEGMENTS = 64;

    /** One held segment: its sequence number, its data and whether a FIN follows the data. */
    record Piece(long sequence, byte[] data, boolean fin) {
    }

    /** The bytes now in order, and whether a FIN follows them. */
    record InOrder(byte[] data, boolean fin) {
    }

    private final List<Piece> pieces = new ArrayList<>();

    /** Adds a segment that starts after RCV.NXT; returns false when the queue is full. */
    boolean add(long sequence, byte[] data, boolean fin) {
        if (pieces.size() >= MAX_SEGMENTS) {
            return false;
        }
        pieces.add(new Piece(sequence, data, fin));
        return true;
    }

    int size() {
        return pieces.size();
    }

    /**
     * Removes every held segment that now starts at or before {@code rcvNxt} and returns the bytes
     * that continue from {@code rcvNxt}, in order.
     */
    InOrder takeInOrder(long rcvNxt) {
        ByteArrayOutputStream taken = new ByteArrayOutputStream();
        long next = rcvNxt;
        boolean fin = false;
        boolean progress = true;
        while (progress && !fin) {
            progress = false;
            Iterator<Piece> it = pieces.iterator();
            while (it.hasNext()) {
                Piece piece = it.next();
                long skip = SequenceNumbers.distance(next, piece.sequence());
                if (skip < 0) {
                    continue;
                }
                it.remove();
                progress = true;
                long end = piece.data().length;
                if (skip < end) {
                    taken.write(piece.data(), (int) skip, (int) (end - skip));
                    next = SequenceNumbers.add(next, end - skip);
                }
                if (piece.fin() && skip <= end) {
                    fin = true;
                    break;
                }
            }
        }
        return new InOrder(taken.toByteArray(), fin);
    }

    void clear() {
        pieces.clear();
    }
}
