package io.stackbench.stack.wire;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.stackbench.sim.net.MacAddress;
import java.util.ArrayList;
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

    /** Returns byte arrays whose length is {@code 8 * n - 2} for n from 1 to 4: option bodies. */
    static Gen<byte[]> optionBodies() {
        return in -> {
            int units = integers().between(1, 4).generate(in);
            return Generate.byteArrays(integers().between(units * 8 - 2, units * 8 - 2),
                    Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)).generate(in);
        };
    }

    static Gen<NdpOption> ndpOptions() {
        Gen<Long> u32 = longs().between(0, 0xffff_ffffL);
        Gen<NdpOption> sources = macAddresses().map(NdpOption.SourceLinkLayerAddress::new);
        Gen<NdpOption> targets = macAddresses().map(NdpOption.TargetLinkLayerAddress::new);
        Gen<NdpOption> mtus = u32.map(NdpOption.Mtu::new);
        Gen<NdpOption> prefixes = in -> new NdpOption.PrefixInformation(
                u8().generate(in), booleans().all().generate(in), booleans().all().generate(in),
                u32.generate(in), u32.generate(in), ipv6Addresses().generate(in));
        Gen<NdpOption> unknowns = in -> {
            int type = u8().generate(in);
            byte[] body = optionBodies().generate(in);
            boolean ownRecord = (body.length == 6 && (type == 1 || type == 2 || type == 5)) || (body.length == 30 && type == 3);
            // Move the few type and length pairs that have their own record to an unassigned type.
            return new NdpOption.Unknown(new NdpOptionType(ownRecord ? 253 : type), body);
        };
        return Generate.oneOf(sources, targets, mtus, prefixes, unknowns);
    }

    static Gen<List<NdpOption>> ndpOptionLists() {
        return in -> {
            int count = integers().between(0, 4).generate(in);
            List<NdpOption> options = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                options.add(ndpOptions().generate(in));
            }
            return options;
        };
    }

    static Gen<List<Ipv6Address>> ipv6AddressLists(int maxSize) {
        return in -> {
            int count = integers().between(0, maxSize).generate(in);
            List<Ipv6Address> addresses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                addresses.add(ipv6Addresses().generate(in));
            }
            return addresses;
        };
    }

    static Gen<MulticastAddressRecord> multicastAddressRecords() {
        return in -> new MulticastAddressRecord(u8().generate(in), ipv6Addresses().generate(in),
                ipv6AddressLists(3).generate(in),
                Generate.byteArrays(integers().between(0, 2).map(words -> words * 4),
                        Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)).generate(in));
    }

    static Gen<Icmpv6Repr> icmpv6Reprs() {
        Gen<Long> u32 = longs().between(0, 0xffff_ffffL);
        Gen<Icmpv6Repr> echoRequests = in -> new Icmpv6Repr.EchoRequest(u16().generate(in), u16().generate(in), bytes(64).generate(in));
        Gen<Icmpv6Repr> echoReplies = in -> new Icmpv6Repr.EchoReply(u16().generate(in), u16().generate(in), bytes(64).generate(in));
        Gen<Icmpv6Repr> unreachables = in -> new Icmpv6Repr.DestinationUnreachable(u8().generate(in), bytes(64).generate(in));
        Gen<Icmpv6Repr> tooBig = in -> new Icmpv6Repr.PacketTooBig(u32.generate(in), bytes(64).generate(in));
        Gen<Icmpv6Repr> timeExceeded = in -> new Icmpv6Repr.TimeExceeded(u8().generate(in), bytes(64).generate(in));
        Gen<Icmpv6Repr> parameterProblems = in -> new Icmpv6Repr.ParameterProblem(u8().generate(in), u32.generate(in),
                bytes(64).generate(in));
        Gen<Icmpv6Repr> routerSolicitations = in -> new Icmpv6Repr.RouterSolicitation(u8().generate(in),
                ndpOptionLists().generate(in));
        Gen<Icmpv6Repr> routerAdvertisements = in -> new Icmpv6Repr.RouterAdvertisement(u8().generate(in),
                u8().generate(in), booleans().all().generate(in), booleans().all().generate(in), u16().generate(in),
                u32.generate(in), u32.generate(in), ndpOptionLists().generate(in));
        Gen<Icmpv6Repr> neighborSolicitations = in -> new Icmpv6Repr.NeighborSolicitation(u8().generate(in),
                ipv6Addresses().generate(in), ndpOptionLists().generate(in));
        Gen<Icmpv6Repr> neighborAdvertisements = in -> new Icmpv6Repr.NeighborAdvertisement(u8().generate(in),
                booleans().all().generate(in), booleans().all().generate(in), booleans().all().generate(in),
                ipv6Addresses().generate(in), ndpOptionLists().generate(in));
        Gen<Icmpv6Repr> redirects = in -> new Icmpv6Repr.Redirect(u8().generate(in), ipv6Addresses().generate(in),
                ipv6Addresses().generate(in), ndpOptionLists().generate(in));
        Gen<Icmpv6Repr> mldQueries = in -> new Icmpv6Repr.MldQuery(u16().generate(in), ipv6Addresses().generate(in));
        Gen<Icmpv6Repr> mldv2Queries = in -> new Icmpv6Repr.Mldv2Query(u16().generate(in), ipv6Addresses().generate(in),
                booleans().all().generate(in), integers().between(0, 7).generate(in), u8().generate(in),
                ipv6AddressLists(3).generate(in));
        Gen<Icmpv6Repr> mldv2Reports = in -> {
            int count = integers().between(0, 3).generate(in);
            List<MulticastAddressRecord> records = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                records.add(multicastAddressRecords().generate(in));
            }
            return new Icmpv6Repr.Mldv2Report(records);
        };
        Gen<Icmpv6Repr> others = in -> {
            int type = u8().generate(in);
            int code = u8().generate(in);
            byte[] rest = bytes(32).generate(in);
            // Move types that have their own record, or a minimum length, to one without either.
            boolean special = type < 5 || type == 128 || type == 129 || type == 130 || (type >= 133 && type <= 137) || type == 143;
            return new Icmpv6Repr.Other(new Icmpv6Type(special ? 200 : type), code, rest);
        };
        return Generate.oneOf(echoRequests, echoReplies, unreachables, tooBig, timeExceeded, parameterProblems,
                routerSolicitations, routerAdvertisements, neighborSolicitations, neighborAdvertisements, redirects,
                mldQueries, mldv2Queries, mldv2Reports, others);
    }

    static Gen<Ipv6Option> ipv6Options() {
        Gen<Ipv6Option> pad1 = Generate.constant(Ipv6Option.pad1());
        Gen<Ipv6Option> others = in -> new Ipv6Option(new Ipv6OptionType(integers().between(1, 0xff).generate(in)),
                bytes(12).generate(in));
        return Generate.oneOf(pad1, others, others);
    }

    static Gen<Ipv6OptionsRepr> ipv6OptionsReprs() {
        return in -> {
            int count = integers().between(0, 4).generate(in);
            List<Ipv6Option> options = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                options.add(ipv6Options().generate(in));
            }
            return Ipv6OptionsRepr.withPadding(new IpProtocol(u8().generate(in)), options);
        };
    }

    static Gen<Ipv6RoutingRepr> ipv6RoutingReprs() {
        return in -> new Ipv6RoutingRepr(new IpProtocol(u8().generate(in)), u8().generate(in), u8().generate(in),
                Generate.byteArrays(integers().between(0, 4).map(units -> units * 8 + 4),
                        Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)).generate(in));
    }

    static Gen<Ipv6FragmentRepr> ipv6FragmentReprs() {
        return in -> new Ipv6FragmentRepr(new IpProtocol(u8().generate(in)), integers().between(0, 0x1fff).generate(in),
                booleans().all().generate(in), longs().between(0, 0xffff_ffffL).generate(in));
    }

    static Gen<Long> u32() {
        return longs().between(0, 0xffff_ffffL);
    }

    /** Returns TCP options of every record; Unknown kinds are moved off the kinds with a record. */
    static Gen<TcpOption> tcpOptions() {
        Gen<TcpOption> noOperations = Generate.constant(new TcpOption.NoOperation());
        Gen<TcpOption> segmentSizes = u16().map(TcpOption.MaximumSegmentSize::new);
        Gen<TcpOption> windowScales = u8().map(TcpOption.WindowScale::new);
        Gen<TcpOption> sackPermitted = Generate.constant(new TcpOption.SackPermitted());
        Gen<TcpOption> sacks = in -> {
            int count = integers().between(1, 2).generate(in);
            List<TcpOption.Sack.Block> blocks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                blocks.add(new TcpOption.Sack.Block(u32().generate(in), u32().generate(in)));
            }
            return new TcpOption.Sack(blocks);
        };
        Gen<TcpOption> timestamps = in -> new TcpOption.Timestamps(u32().generate(in), u32().generate(in));
        Gen<TcpOption> unknowns = in -> {
            int kind = integers().between(6, 0xff).generate(in);
            return new TcpOption.Unknown(new TcpOptionKind(kind == 8 ? 253 : kind), bytes(6).generate(in));
        };
        return Generate.oneOf(noOperations, segmentSizes, windowScales, sackPermitted, sacks, timestamps, unknowns);
    }

    /**
     * Returns option lists that fit in 40 bytes with padding, ending with End of Option List now
     * and then even where no padding is needed.
     */
    static Gen<List<TcpOption>> tcpOptionLists() {
        return in -> {
            int count = integers().between(0, 4).generate(in);
            List<TcpOption> options = new ArrayList<>();
            int length = 0;
            for (int i = 0; i < count; i++) {
                TcpOption option = tcpOptions().generate(in);
                if (length + option.bufferLength() + 1 <= TcpRepr.MAX_OPTIONS_LENGTH) {
                    options.add(option);
                    length += option.bufferLength();
                }
            }
            if (booleans().all().generate(in)) {
                options.add(new TcpOption.EndOfOptionList());
            }
            return options;
        };
    }

    static Gen<TcpRepr> tcpReprs() {
        return in -> new TcpRepr(
                u16().generate(in),
                u16().generate(in),
                u32().generate(in),
                u32().generate(in),
                new TcpFlags(u8().generate(in)),
                u16().generate(in),
                u16().generate(in),
                tcpOptionLists().generate(in),
                bytes(64).generate(in));
    }
}
