package io.stackbench.stack.wire;

import io.stackbench.sim.net.MacAddress;
import java.util.Objects;

/**
 * The fields of an Ethernet/IPv4 ARP packet (RFC 826). The hardware type, protocol type and
 * address lengths are implied: 1, 0x0800, 6 and 4.
 */
public record ArpRepr(
        ArpOperation operation,
        MacAddress senderHardwareAddress,
        Ipv4Address senderProtocolAddress,
        MacAddress targetHardwareAddress,
        Ipv4Address targetProtocolAddress) {

    public ArpRepr {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(senderHardwareAddress, "senderHardwareAddress");
        Objects.requireNonNull(senderProtocolAddress, "senderProtocolAddress");
        Objects.requireNonNull(targetHardwareAddress, "targetHardwareAddress");
        Objects.requireNonNull(targetProtocolAddress, "targetProtocolAddress");
    }

    /**
     * Reads a received ARP packet. Bytes after the first 28 are ignored.
     *
     * @throws MalformedPacketException with reason TRUNCATED, UNSUPPORTED_HARDWARE_TYPE (not
     *     Ethernet), UNSUPPORTED_PROTOCOL_TYPE (not IPv4), BAD_HARDWARE_LENGTH (not 6),
     *     BAD_PROTOCOL_LENGTH (not 4) or UNSUPPORTED_OPERATION (neither request nor reply)
     */
    public static ArpRepr parse(ArpPacket packet) throws MalformedPacketException {
        packet.check();

        if (packet.hardwareType() != ArpPacket.HARDWARE_TYPE_ETHERNET) {
            throw malformed(MalformedPacketException.Reason.UNSUPPORTED_HARDWARE_TYPE,
                    "hardware type " + packet.hardwareType() + " is not Ethernet (1)");
        }
        if (!packet.protocolType().equals(EtherType.IPV4)) {
            throw malformed(MalformedPacketException.Reason.UNSUPPORTED_PROTOCOL_TYPE,
                    "protocol type " + packet.protocolType() + " is not IPv4 (0x0800)");
        }
        if (packet.hardwareLength() != 6) {
            throw malformed(MalformedPacketException.Reason.BAD_HARDWARE_LENGTH,
                    "hardware address length " + packet.hardwareLength() + " is not 6 for Ethernet");
        }
        if (packet.protocolLength() != Ipv4Address.LENGTH) {
            throw malformed(MalformedPacketException.Reason.BAD_PROTOCOL_LENGTH,
                    "protocol address length " + packet.protocolLength() + " is not 4 for IPv4");
        }
        ArpOperation operation = packet.operation();
        if (!operation.equals(ArpOperation.REQUEST) && !operation.equals(ArpOperation.REPLY)) {
            throw malformed(MalformedPacketException.Reason.UNSUPPORTED_OPERATION,
                    "operation " + operation + " is neither REQUEST (1) nor REPLY (2)");
        }

        return new ArpRepr(operation,
                packet.senderHardwareAddress(), packet.senderProtocolAddress(),
                packet.targetHardwareAddress(), packet.targetProtocolAddress());
    }

    private static MalformedPacketException malformed(MalformedPacketException.Reason reason, String detail) {
        return new MalformedPacketException(ArpPacket.PROTOCOL, reason, detail);
    }

    /** Returns the packet length, 28 bytes. */
    public int bufferLength() {
        return ArpPacket.ETHERNET_IPV4_LENGTH;
    }

    /** Writes all 28 bytes of the packet into the start of {@code packet}. */
    public void emit(ArpPacket packet) {
        Bytes.requireCapacity(packet.length(), bufferLength(), "ARP packet");
        packet.setHardwareType(ArpPacket.HARDWARE_TYPE_ETHERNET);
        packet.setProtocolType(EtherType.IPV4);
        packet.setHardwareLength(6);
        packet.setProtocolLength(Ipv4Address.LENGTH);
        packet.setOperation(operation);
        packet.setSenderHardwareAddress(senderHardwareAddress);
        packet.setSenderProtocolAddress(senderProtocolAddress);
        packet.setTargetHardwareAddress(targetHardwareAddress);
        packet.setTargetProtocolAddress(targetProtocolAddress);
    }
}
