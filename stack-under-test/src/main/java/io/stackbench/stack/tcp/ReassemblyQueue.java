package io.stackbench.stack.tcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Segments that arrived ahead of RCV.NXT, kept in sequence order until the gap before them fills.
 * Every piece lies inside the receive window, so the bytes kept never exceed the window. The count
 * is bounded too, because tiny segments could otherwise fill the window with many entries. A
 * segment beyond the bound is dropped and the sender retransmits it. Overlapping pieces are kept as
 * they came, and {@link #pollInOrder} trims what was already taken.
 */
final class ReassemblyQueue {

    /** Maximum out-of-order segments held per connection: a full 1 MiB window of 1,448-byte segments is 725. */
    static final int MAX_SEGMENTS = 1024;

    /** One held segment: its sequence number, its data and whether a FIN follows the data. */
    record Piece(long sequence, byte[] data, boolean fin) {

        long end() {
            return SequenceNumbers.add(sequence, data.length);
        }
    }

    private final List<Piece> pieces = new ArrayList<>();

    /** Adds a segment that starts after RCV.NXT; returns false when the queue is full. */
    boolean add(long sequence, byte[] data, boolean fin) {
        int index = pieces.size();
        while (index > 0 && SequenceNumbers.lessThan(sequence, pieces.get(index - 1).sequence())) {
            index--;
        }
        if (index > 0) {
            Piece before = pieces.get(index - 1);
            boolean covered = before.sequence() == sequence && before.data().length >= data.length && (before.fin() || !fin);
            if (covered) {
                // A duplicate of a held segment, as a link that duplicates frames or a retransmission brings.
                return true;
            }
        }
        if (pieces.size() >= MAX_SEGMENTS) {
            return false;
        }
        pieces.add(index, new Piece(sequence, data, fin));
        return true;
    }

    boolean isEmpty() {
        return pieces.isEmpty();
    }

    int size() {
        return pieces.size();
    }

    /**
     * Removes and returns the held bytes that continue from {@code rcvNxt}, trimmed to start there,
     * or null when the first held piece starts after it. Pieces wholly before {@code rcvNxt} are
     * discarded on the way.
     */
    Piece pollInOrder(long rcvNxt) {
        while (!pieces.isEmpty()) {
            Piece first = pieces.get(0);
            long skip = SequenceNumbers.distance(rcvNxt, first.sequence());
            if (skip < 0) {
                return null;
            }
            pieces.remove(0);
            int length = first.data().length;
            if (skip < length) {
                return skip == 0 ? first : new Piece(rcvNxt, Arrays.copyOfRange(first.data(), (int) skip, length), first.fin());
            }
            if (skip == length && first.fin()) {
                return new Piece(rcvNxt, new byte[0], true);
            }
        }
        return null;
    }

    void clear() {
        pieces.clear();
    }
}
