package io.stackbench.stack.wire;

import io.stackbench.sim.net.MacAddress;
import java.util.Objects;

/** The fields of an Ethernet II header (RFC 894). */
public record EthernetHeader(MacAddress destination, MacAddress source, EtherType etherType) {

    public EthernetHeader {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(etherType, "etherType");
    }

    /**
     * Reads the header of a received frame.
     *
     * @throws MalformedPacketException {@code ethernet.truncated} if the frame is shorter than 14 bytes
     */
    public static EthernetHeader parse(EthernetFrame frame) throws MalformedPacketException {
        frame.check();
        return new EthernetHeader(frame.destination(), frame.source(), frame.etherType());
    }

    /** Returns the header length, 14 bytes, which is also the offset of the payload. */
    public int bufferLength() {
        return EthernetFrame.HEADER_LENGTH;
    }

    /** Writes all header fields into the first 14 bytes of {@code frame}. */
    public void emit(EthernetFrame frame) {
        Bytes.requireCapacity(frame.length(), bufferLength(), "Ethernet frame");
        frame.setDestination(destination);
        frame.setSource(source);
        frame.setEtherType(etherType);
    }
}
