package io.stackbench.scenario.filter;

import static io.stackbench.scenario.filter.FieldType.BOOLEAN;
import static io.stackbench.scenario.filter.FieldType.ETHER;
import static io.stackbench.scenario.filter.FieldType.IPV4;
import static io.stackbench.scenario.filter.FieldType.PROTOCOL;
import static io.stackbench.scenario.filter.FieldType.UNSIGNED;

/**
 * Every protocol and field a filter can name, with the Wireshark 4.0 name, type and width.
 *
 * <p>Widths are those of the Wireshark field type (FT_UINT8, FT_UINT16, FT_UINT24, FT_UINT32), not
 * of the bits on the wire: tshark 4.0.17 accepts {@code ip.version == 16} and rejects
 * {@code ip.version == 256}, and so do we.
 */
public enum FilterField {
    FRAME("frame", PROTOCOL, 0, "the captured frame; present in every frame"),
    FRAME_LEN("frame.len", UNSIGNED, 32, "length of the whole frame in bytes"),

    ETH("eth", PROTOCOL, 0, "Ethernet II header"),
    ETH_DST("eth.dst", ETHER, 48, "destination MAC address"),
    ETH_SRC("eth.src", ETHER, 48, "source MAC address"),
    ETH_ADDR("eth.addr", ETHER, 48, "source or destination MAC address (two values)"),
    ETH_TYPE("eth.type", UNSIGNED, 16, "EtherType; absent for IEEE 802.3 length frames"),

    ARP("arp", PROTOCOL, 0, "ARP message"),
    ARP_HW_TYPE("arp.hw.type", UNSIGNED, 16, "hardware type (1 for Ethernet)"),
    ARP_PROTO_TYPE("arp.proto.type", UNSIGNED, 16, "protocol type (0x0800 for IPv4)"),
    ARP_HW_SIZE("arp.hw.size", UNSIGNED, 8, "hardware address length"),
    ARP_PROTO_SIZE("arp.proto.size", UNSIGNED, 8, "protocol address length"),
    ARP_OPCODE("arp.opcode", UNSIGNED, 16, "operation: 1 request, 2 reply"),
    ARP_SRC_HW_MAC("arp.src.hw_mac", ETHER, 48, "sender hardware address"),
    ARP_SRC_PROTO_IPV4("arp.src.proto_ipv4", IPV4, 32, "sender protocol address"),
    ARP_DST_HW_MAC("arp.dst.hw_mac", ETHER, 48, "target hardware address"),
    ARP_DST_PROTO_IPV4("arp.dst.proto_ipv4", IPV4, 32, "target protocol address"),
    ARP_ISGRATUITOUS("arp.isgratuitous", BOOLEAN, 1,
            "present and true only for a request or reply whose sender and target IPv4 addresses are equal"),

    IP("ip", PROTOCOL, 0, "IPv4 header"),
    IP_VERSION("ip.version", UNSIGNED, 8, "version field"),
    IP_HDR_LEN("ip.hdr_len", UNSIGNED, 8, "header length in bytes (IHL times 4)"),
    IP_DSFIELD("ip.dsfield", UNSIGNED, 8, "differentiated services byte (DSCP and ECN)"),
    IP_LEN("ip.len", UNSIGNED, 16, "total length"),
    IP_ID("ip.id", UNSIGNED, 16, "identification"),
    IP_FLAGS_DF("ip.flags.df", BOOLEAN, 1, "don't fragment flag"),
    IP_FLAGS_MF("ip.flags.mf", BOOLEAN, 1, "more fragments flag"),
    IP_FRAG_OFFSET("ip.frag_offset", UNSIGNED, 16, "fragment offset in 8-byte units, as on the wire"),
    IP_TTL("ip.ttl", UNSIGNED, 8, "time to live"),
    IP_PROTO("ip.proto", UNSIGNED, 8, "protocol number of the payload"),
    IP_SRC("ip.src", IPV4, 32, "source address"),
    IP_DST("ip.dst", IPV4, 32, "destination address"),
    IP_ADDR("ip.addr", IPV4, 32, "source or destination address (two values)"),
    IP_CHECKSUM("ip.checksum", UNSIGNED, 16, "header checksum"),

    ICMP("icmp", PROTOCOL, 0, "ICMPv4 message"),
    ICMP_TYPE("icmp.type", UNSIGNED, 8, "type"),
    ICMP_CODE("icmp.code", UNSIGNED, 8, "code"),
    ICMP_IDENT("icmp.ident", UNSIGNED, 16, "echo identifier, big-endian (echo request and reply only)"),
    ICMP_SEQ("icmp.seq", UNSIGNED, 16, "echo sequence number, big-endian (echo request and reply only)"),
    ICMP_CHECKSUM("icmp.checksum", UNSIGNED, 16, "checksum"),

    IPV6("ipv6", PROTOCOL, 0, "IPv6 header"),
    IPV6_VERSION("ipv6.version", UNSIGNED, 8, "version field"),
    IPV6_TCLASS("ipv6.tclass", UNSIGNED, 32, "traffic class byte"),
    IPV6_FLOW("ipv6.flow", UNSIGNED, 24, "flow label"),
    IPV6_PLEN("ipv6.plen", UNSIGNED, 16, "payload length"),
    IPV6_NXT("ipv6.nxt", UNSIGNED, 8, "next header of the fixed header"),
    IPV6_HLIM("ipv6.hlim", UNSIGNED, 8, "hop limit"),
    IPV6_SRC("ipv6.src", FieldType.IPV6, 128, "source address"),
    IPV6_DST("ipv6.dst", FieldType.IPV6, 128, "destination address"),
    IPV6_ADDR("ipv6.addr", FieldType.IPV6, 128, "source or destination address (two values)"),
    IPV6_HOPOPTS("ipv6.hopopts", PROTOCOL, 0, "Hop-by-Hop Options extension header"),
    IPV6_HOPOPTS_NXT("ipv6.hopopts.nxt", UNSIGNED, 8, "next header of the Hop-by-Hop Options header"),
    IPV6_OPT_ROUTER_ALERT("ipv6.opt.router_alert", UNSIGNED, 16,
            "value of each Router Alert option in a Hop-by-Hop or Destination Options header (0 for MLD)"),

    ICMPV6("icmpv6", PROTOCOL, 0, "ICMPv6 message"),
    ICMPV6_TYPE("icmpv6.type", UNSIGNED, 8, "type"),
    ICMPV6_CODE("icmpv6.code", UNSIGNED, 8, "code"),
    ICMPV6_CHECKSUM("icmpv6.checksum", UNSIGNED, 16, "checksum"),
    ICMPV6_ND_NS_TARGET_ADDRESS("icmpv6.nd.ns.target_address", FieldType.IPV6, 128, "neighbor solicitation target"),
    ICMPV6_ND_NA_TARGET_ADDRESS("icmpv6.nd.na.target_address", FieldType.IPV6, 128, "neighbor advertisement target"),
    ICMPV6_ND_NA_FLAG_R("icmpv6.nd.na.flag.r", BOOLEAN, 1, "neighbor advertisement router flag"),
    ICMPV6_ND_NA_FLAG_S("icmpv6.nd.na.flag.s", BOOLEAN, 1, "neighbor advertisement solicited flag"),
    ICMPV6_ND_NA_FLAG_O("icmpv6.nd.na.flag.o", BOOLEAN, 1, "neighbor advertisement override flag"),
    ICMPV6_ND_RA_CUR_HOP_LIMIT("icmpv6.nd.ra.cur_hop_limit", UNSIGNED, 8, "router advertisement cur hop limit"),
    ICMPV6_ND_RA_FLAG_M("icmpv6.nd.ra.flag.m", BOOLEAN, 1, "router advertisement managed address flag"),
    ICMPV6_ND_RA_FLAG_O("icmpv6.nd.ra.flag.o", BOOLEAN, 1, "router advertisement other configuration flag"),
    ICMPV6_ND_RA_ROUTER_LIFETIME("icmpv6.nd.ra.router_lifetime", UNSIGNED, 16,
            "router advertisement router lifetime in seconds"),
    ICMPV6_OPT_TYPE("icmpv6.opt.type", UNSIGNED, 8, "type of each neighbor discovery option (one value per option)"),
    ICMPV6_OPT_PREFIX("icmpv6.opt.prefix", FieldType.IPV6, 128, "prefix of each prefix information option"),
    ICMPV6_ECHO_IDENTIFIER("icmpv6.echo.identifier", UNSIGNED, 16, "echo identifier"),
    ICMPV6_ECHO_SEQUENCE_NUMBER("icmpv6.echo.sequence_number", UNSIGNED, 16, "echo sequence number"),
    ICMPV6_MLD_MAXIMUM_RESPONSE_DELAY("icmpv6.mld.maximum_response_delay", UNSIGNED, 16,
            "maximum response delay in ms of an MLDv1 query, report or done message"),
    ICMPV6_MLD_MAXIMUM_RESPONSE_CODE("icmpv6.mld.maximum_response_code", UNSIGNED, 16,
            "maximum response delay in ms of an MLDv2 query, decoded from the code (can exceed 65535)"),
    ICMPV6_MLD_MULTICAST_ADDRESS("icmpv6.mld.multicast_address", FieldType.IPV6, 128,
            "multicast address of an MLD query, MLDv1 report or done message (:: in a general query)"),
    ICMPV6_MLD_FLAG_S("icmpv6.mld.flag.s", BOOLEAN, 1, "MLDv2 query suppress router-side processing flag"),
    ICMPV6_MLD_FLAG_QRV("icmpv6.mld.flag.qrv", UNSIGNED, 8, "MLDv2 query querier's robustness variable"),
    ICMPV6_MLD_QQI("icmpv6.mld.qqi", UNSIGNED, 8,
            "MLDv2 query querier's query interval in seconds, decoded from the code (can exceed 255)"),
    ICMPV6_MLD_NB_SOURCES("icmpv6.mld.nb_sources", UNSIGNED, 16, "number of sources of an MLDv2 query"),
    ICMPV6_MLD_SOURCE_ADDRESS("icmpv6.mld.source_address", FieldType.IPV6, 128,
            "each source address of an MLDv2 query"),
    ICMPV6_MLDR_NB_MCAST_RECORDS("icmpv6.mldr.nb_mcast_records", UNSIGNED, 16,
            "number of multicast address records of an MLDv2 report"),
    ICMPV6_MLDR_MAR_RECORD_TYPE("icmpv6.mldr.mar.record_type", UNSIGNED, 8,
            "type of each MLDv2 address record (one value per record)"),
    ICMPV6_MLDR_MAR_AUX_DATA_LEN("icmpv6.mldr.mar.aux_data_len", UNSIGNED, 8,
            "auxiliary data length of each MLDv2 address record in 32-bit words"),
    ICMPV6_MLDR_MAR_NB_SOURCES("icmpv6.mldr.mar.nb_sources", UNSIGNED, 16,
            "number of sources of each MLDv2 address record"),
    ICMPV6_MLDR_MAR_MULTICAST_ADDRESS("icmpv6.mldr.mar.multicast_address", FieldType.IPV6, 128,
            "multicast address of each MLDv2 address record"),
    ICMPV6_MLDR_MAR_SOURCE_ADDRESS("icmpv6.mldr.mar.source_address", FieldType.IPV6, 128,
            "each source address of each MLDv2 address record"),

    UDP("udp", PROTOCOL, 0, "UDP header"),
    UDP_SRCPORT("udp.srcport", UNSIGNED, 16, "source port"),
    UDP_DSTPORT("udp.dstport", UNSIGNED, 16, "destination port"),
    UDP_PORT("udp.port", UNSIGNED, 16, "source or destination port (two values)"),
    UDP_LENGTH("udp.length", UNSIGNED, 16, "length field"),
    UDP_CHECKSUM("udp.checksum", UNSIGNED, 16, "checksum"),

    TCP("tcp", PROTOCOL, 0, "TCP header"),
    TCP_SRCPORT("tcp.srcport", UNSIGNED, 16, "source port"),
    TCP_DSTPORT("tcp.dstport", UNSIGNED, 16, "destination port"),
    TCP_PORT("tcp.port", UNSIGNED, 16, "source or destination port (two values)"),
    TCP_SEQ("tcp.seq", UNSIGNED, 32, "raw sequence number (tshark shows relative numbers by default)"),
    TCP_ACK("tcp.ack", UNSIGNED, 32, "raw acknowledgment number, present even without the ACK flag"),
    TCP_HDR_LEN("tcp.hdr_len", UNSIGNED, 8, "header length in bytes (data offset times 4)"),
    TCP_FLAGS_FIN("tcp.flags.fin", BOOLEAN, 1, "FIN flag"),
    TCP_FLAGS_SYN("tcp.flags.syn", BOOLEAN, 1, "SYN flag"),
    TCP_FLAGS_RESET("tcp.flags.reset", BOOLEAN, 1, "RST flag"),
    TCP_FLAGS_PUSH("tcp.flags.push", BOOLEAN, 1, "PSH flag"),
    TCP_FLAGS_ACK("tcp.flags.ack", BOOLEAN, 1, "ACK flag"),
    TCP_FLAGS_URG("tcp.flags.urg", BOOLEAN, 1, "URG flag"),
    TCP_URGENT_POINTER("tcp.urgent_pointer", UNSIGNED, 16, "urgent pointer; present in every TCP header, as in tshark"),
    TCP_SEQ_RAW("tcp.seq_raw", UNSIGNED, 32, "raw sequence number, whatever tshark's relative-number preference"),
    TCP_ACK_RAW("tcp.ack_raw", UNSIGNED, 32, "raw acknowledgment number, whatever tshark's relative-number preference"),
    TCP_WINDOW_SIZE_VALUE("tcp.window_size_value", UNSIGNED, 16, "window field before scaling"),
    TCP_CHECKSUM("tcp.checksum", UNSIGNED, 16, "checksum"),
    TCP_OPTION_KIND("tcp.option_kind", UNSIGNED, 8, "kind of each option, end-of-list and no-operation included (one value per option)"),
    TCP_OPTIONS_MSS_VAL("tcp.options.mss_val", UNSIGNED, 16, "value of the maximum segment size option"),
    TCP_OPTIONS_WSCALE_SHIFT("tcp.options.wscale.shift", UNSIGNED, 8, "shift count of the window scale option (RFC 7323 §2)"),
    TCP_OPTIONS_WSCALE_MULTIPLIER("tcp.options.wscale.multiplier", UNSIGNED, 16,
            "2 to the power of the window scale shift; tshark caps the shift at 14 for this field"),
    TCP_OPTIONS_SACK_PERM("tcp.options.sack_perm", PROTOCOL, 0, "SACK-permitted option (RFC 2018); a field without a value"),
    TCP_OPTIONS_TIMESTAMP_TSVAL("tcp.options.timestamp.tsval", UNSIGNED, 32, "TSval of the timestamps option (RFC 7323 §3)"),
    TCP_OPTIONS_TIMESTAMP_TSECR("tcp.options.timestamp.tsecr", UNSIGNED, 32, "TSecr of the timestamps option (RFC 7323 §3)"),
    TCP_LEN("tcp.len", UNSIGNED, 32, "payload length in bytes");

    private final String filterName;
    private final FieldType type;
    private final int bits;
    private final String description;

    FilterField(String filterName, FieldType type, int bits, String description) {
        this.filterName = filterName;
        this.type = type;
        this.bits = bits;
        this.description = description;
    }

    /** Returns the name written in filters, such as {@code ip.src}. */
    public String filterName() {
        return filterName;
    }

    public FieldType type() {
        return type;
    }

    /** Returns the width of the Wireshark field type in bits, or 0 for a protocol. */
    public int bits() {
        return bits;
    }

    public String description() {
        return description;
    }

    /** Returns the largest literal accepted for an {@link FieldType#UNSIGNED} field. */
    public long maxValue() {
        return (1L << bits) - 1;
    }

    /** Returns the protocol part of the name, such as {@code ip} for {@code ip.src}. */
    public String protocol() {
        int dot = filterName.indexOf('.');
        return dot < 0 ? filterName : filterName.substring(0, dot);
    }
}
