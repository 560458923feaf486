package io.stackbench.stack.wire;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.stackbench.sim.net.MacAddress;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators for the values and reprs of this package. */
final class WireGenerators {

    private WireGenerators() {
    }

    static Gen<Integer> u8() {
        return integers().between(0, 0xff);
    }

    static Gen<Integer> u16() {
        return integers().between(0, 0xffff);
    }

    static Gen<byte[]> bytes(int maxLength) {
        return Generate.byteArrays(integers().between(0, maxLength), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    static Gen<MacAddress> macAddresses() {
        return longs().between(0, 0xffff_ffff_ffffL).map(MacAddress::new);
    }

    static Gen<Ipv4Address> ipv4Addresses() {
        return integers().all().map(Ipv4Address::new);
    }

    /**
     * Returns IPv6 addresses whose groups are zero half of the time, so that runs of zero groups
     * of every length, and the IPv4-mapped form, turn up often.
     */
    static Gen<Ipv6Address> ipv6Addresses() {
        Gen<Integer> group = Generate.oneOf(Generate.constant(0), u16());
        Gen<Ipv6Address> mixed = in -> {
            long high = 0;
            long low = 0;
            for (int i = 0; i < 4; i++) {
                high = (high << 16) | group.generate(in);
            }
            for (int i = 0; i < 4; i++) {
                low = (low << 16) | group.generate(in);
            }
            return new Ipv6Address(high, low);
        };
        Gen<Ipv6Address> mapped = integers().all().map(v4 -> new Ipv6Address(0L, 0xffff_0000_0000L | (v4 & 0xffff_ffffL)));
        return Generate.oneOf(mixed, mixed, mixed, mapped);
    }

    static Gen<EthernetHeader> ethernetHeaders() {
        return macAddresses().zip(macAddresses(), u16(),
                (destination, source, etherType) -> new EthernetHeader(destination, source, new EtherType(etherType)));
    }

    static Gen<ArpRepr> arpReprs() {
        Gen<ArpOperation> operations = Generate.pick(List.of(ArpOperation.REQUEST, ArpOperation.REPLY));
        return in -> new ArpRepr(
                operations.generate(in),
                macAddresses().generate(in),
                ipv4Addresses().generate(in),
                macAddresses().generate(in),
                ipv4Addresses().generate(in));
    }

    static Gen<Ipv4Repr> ipv4Reprs() {
        return in -> new Ipv4Repr(
                ipv4Addresses().generate(in),
                ipv4Addresses().generate(in),
                new IpProtocol(u8().generate(in)),
                u8().generate(in),
                u16().generate(in),
                booleans().all().generate(in),
                booleans().all().generate(in),
                integers().between(0, 0x1fff).generate(in),
                integers().between(0, 0x3f).generate(in),
                integers().between(0, 3).generate(in),
                integers().between(0, Ipv4Repr.MAX_PAYLOAD_LENGTH).generate(in));
    }

    static Gen<Ipv6Repr> ipv6Reprs() {
        return in -> {
            int payloadLength = integers().between(0, Ipv6Packet.MAX_PAYLOAD_LENGTH).generate(in);
            IpProtocol nextHeader = payloadLength == 0 ? IpProtocol.IPV6_NONXT : new IpProtocol(u8().generate(in));
            return new Ipv6Repr(
                    ipv6Addresses().generate(in),
                    ipv6Addresses().generate(in),
                    nextHeader,
                    u8().generate(in),
                    u8().generate(in),
                    integers().between(0, 0xf_ffff).generate(in),
                    payloadLength);
        };
    }

    static Gen<Icmpv4Repr> icmpv4Reprs() {
        Gen<Icmpv4Repr> echoRequests = in -> new Icmpv4Repr.EchoRequest(u16().generate(in), u16().generate(in), bytes(64).generate(in));
        Gen<Icmpv4Repr> echoReplies = in -> new Icmpv4Repr.EchoReply(u16().generate(in), u16().generate(in), bytes(64).generate(in));
        Gen<Icmpv4Repr> unreachables = in -> new Icmpv4Repr.DestinationUnreachable(
                new Icmpv4UnreachableCode(u8().generate(in)), u16().generate(in), bytes(64).generate(in));
        Gen<Icmpv4Repr> timeExceeded = in -> new Icmpv4Repr.TimeExceeded(u8().generate(in), bytes(64).generate(in));
        Gen<Icmpv4Repr> others = in -> {
            int type = u8().generate(in);
            int code = u8().generate(in);
            byte[] rest = Generate.byteArrays(integers().between(4, 64), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
                    .generate(in);
            boolean hasOwnRecord = type == 3 || type == 11 || ((type == 0 || type == 8) && code == 0);
            // Move the few type and code pairs that have their own record to a type without one.
            return new Icmpv4Repr.Other(new Icmpv4Type(hasOwnRecord ? 13 : type), code, rest);
        };
        return Generate.oneOf(echoRequests, echoReplies, unreachables, timeExceeded, others);
    }
}
