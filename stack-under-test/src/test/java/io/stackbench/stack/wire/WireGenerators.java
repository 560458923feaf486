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
