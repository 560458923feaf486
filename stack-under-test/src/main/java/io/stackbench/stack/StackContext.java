package io.stackbench.stack;

import io.stackbench.sim.engine.Timer;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackHost;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.EthernetFrame;
import io.stackbench.stack.wire.EthernetHeader;

/**
 * What the protocol layers share: the host, the counters, and frame output. Timers scheduled here
 * die with the stack: after {@link #invalidate()} none of them runs.
 */
public final class StackContext {

    /** Interface used for IP; the MirageOS stack configures exactly one. */
    public static final int INTERFACE = 0;

    private final StackHost host;
    private final Counters counters;
    private final Counters.Counter txFrames;
    private boolean valid = true;

    StackContext(StackHost host, Counters counters) {
        this.host = host;
        this.counters = counters;
        this.txFrames = counters.counter("tx.frames");
    }

    public StackHost host() {
        return host;
    }

    public Counters counters() {
        return counters;
    }

    public long now() {
        return host.now();
    }

    public MacAddress mac() {
        return host.macAddress(INTERFACE);
    }

    public int mtu() {
        return host.mtu(INTERFACE);
    }

    /** Schedules {@code action} after {@code delayNanos}, unless the stack stops first. */
    public Timer schedule(long delayNanos, Runnable action) {
        return host.schedule(delayNanos, () -> {
            if (valid) {
                action.run();
            }
        });
    }

    public void event(String kind, String message) {
        if (valid) {
            host.event(kind, message);
        }
    }

    /** Wraps {@code payload} in an Ethernet header, pads it to the minimum frame length and sends it. */
    public void sendFrame(MacAddress destination, EtherType etherType, byte[] payload, int payloadLength) {
        if (!valid) {
            return;
        }
        byte[] frame = new byte[Math.max(EthernetFrame.HEADER_LENGTH + payloadLength, EthernetFrame.MIN_FRAME_LENGTH)];
        new EthernetHeader(destination, mac(), etherType).emit(new EthernetFrame(frame));
        System.arraycopy(payload, 0, frame, EthernetFrame.HEADER_LENGTH, payloadLength);
        txFrames.increment();
        host.transmit(INTERFACE, frame);
    }

    /**
     * Sends a frame whose first {@link EthernetFrame#HEADER_LENGTH} bytes are left free for the
     * Ethernet header, which this writes in place, and which is at least {@link
     * EthernetFrame#MIN_FRAME_LENGTH} bytes long. It saves the copy that {@link #sendFrame} makes.
     */
    public void sendFrameWithHeadroom(MacAddress destination, EtherType etherType, byte[] frame) {
        if (!valid) {
            return;
        }
        new EthernetHeader(destination, mac(), etherType).emit(new EthernetFrame(frame));
        txFrames.increment();
        host.transmit(INTERFACE, frame);
    }

    void invalidate() {
        valid = false;
    }
}
