package io.stackbench.stack.tcp;

import io.stackbench.stack.wire.TcpFlags;
import io.stackbench.stack.wire.TcpOption;
import io.stackbench.stack.wire.TcpRepr;

/** The values of a received segment that RFC 9293 §3.10.7 names: SEG.SEQ, SEG.ACK, SEG.LEN, SEG.WND. */
record Segment(TcpRepr repr) {

    long seq() {
        return repr.sequenceNumber();
    }

    long ack() {
        return repr.acknowledgmentNumber();
    }

    int wnd() {
        return repr.window();
    }

    boolean has(TcpFlags flag) {
        return repr.flags().contains(flag);
    }

    byte[] data() {
        return repr.payload();
    }

    /** SEG.LEN: the data length plus one for SYN and one for FIN. */
    long len() {
        return repr.payloadLength() + (has(TcpFlags.SYN) ? 1 : 0) + (has(TcpFlags.FIN) ? 1 : 0);
    }

    /** Returns the MSS option's value, or -1 when the segment carries none. */
    int mssOption() {
        for (TcpOption option : repr.options()) {
            if (option instanceof TcpOption.MaximumSegmentSize mss) {
                return mss.mss();
            }
        }
        return -1;
    }
}
