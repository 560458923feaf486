package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Echo, error, MLD and unknown ICMPv6 messages. Neighbor Discovery messages are in {@link NdpMessageTest}. */
class Icmpv6PacketTest {

    static final Ipv6Address HOST = Ipv6Address.parse("fe80::5054:ff:fe12:3456");
    static final Ipv6Address ROUTER = Ipv6Address.parse("fe80::1");
    private static final Ipv6Address REMOTE = Ipv6Address.parse("2001:db8::99");

    private static final byte[] ECHO_REQUEST = hex("""
            80         # type: echo request
            00         # code 0
            0df4       # checksum, pseudo-header from HOST to ROUTER
            1234       # identifier
            0001       # sequence number
            70696e67   # data: "ping"
            """);

    private static final byte[] PING = {'p', 'i', 'n', 'g'};

    /** The start of a UDP/IPv6 datagram from HOST to ROUTER, as an error message quotes it. */
    private static final String UDP_HEADER_HEX = "6000000000081140"
            + "fe800000000000005054 00fffe123456 fe800000000000000000 000000000001".replace(" ", "");

    private static final byte[] PORT_UNREACHABLE = hex("""
            01         # type: destination unreachable
            04         # code: port unreachable
            8bca       # checksum, from ROUTER to HOST
            00000000   # unused
            """ + UDP_HEADER_HEX + "  # invoking packet: the IPv6 header");

    private static final byte[] TIME_EXCEEDED = hex("""
            03         # type: time exceeded
            00         # code: hop limit exceeded in transit
            8a0d       # checksum
            00000000   # unused
            6000000000081101   # invoking packet, hop limit 1
            fe800000000000005054 00fffe123456 fe800000000000000000 000000000001
            """);

    private static final byte[] PACKET_TOO_BIG = hex("""
            02         # type: packet too big
            00         # code 0
            2c22       # checksum
            000005dc   # MTU 1500
            6000000000083a40   # invoking packet, to 2001:db8::99
            fe800000000000005054 00fffe123456 20010db8000000000000 000000000099
            """);

    private static final byte[] PARAMETER_PROBLEM = hex("""
            04         # type: parameter problem
            02         # code: unrecognized IPv6 option
            5da4       # checksum
            00000028   # pointer 40: the first byte after the fixed header
            6000000000083c40   # invoking packet, next header Destination Options
            fe800000000000005054 00fffe123456 fe800000000000000000 000000000001
            """);

    private static final byte[] MLDV1_QUERY = hex("""
            82         # type: multicast listener query
            00         # code 0
            5917       # checksum, from ROUTER to ff02::1
            2710       # maximum response delay 10000 ms
            0000       # reserved
            00000000000000000000000000000000   # multicast address :: (general query)
            """);

    private static final byte[] MLDV2_QUERY = hex("""
            82         # type: multicast listener query
            00         # code 0
            2032       # checksum, from ROUTER to ff02::1
            2710       # maximum response code 10000
            0000       # reserved
            ff050000000000000000 0000000000fb   # multicast address ff05::fb
            0a         # reserved 0, S flag set, QRV 2
            7d         # QQIC 125
            0001       # number of sources 1
            20010db8000000000000 000000000099   # source 2001:db8::99
            """);

    private static final byte[] MLDV2_REPORT = hex("""
            8f         # type: version 2 multicast listener report
            00         # reserved
            6e06       # checksum, from :: to ff02::16
            0000       # reserved
            0002       # number of multicast address records 2
            04 00 0000                          # CHANGE_TO_EXCLUDE_MODE, no aux data, no sources
            ff020000000000000000 0001ff123456   # multicast address ff02::1:ff12:3456
            01 01 0001                          # MODE_IS_INCLUDE, 1 word of aux data, 1 source
            ff050000000000000000 0000000000fb   # multicast address ff05::fb
            20010db8000000000000 000000000099   # source 2001:db8::99
            deadbeef                            # auxiliary data
            """);

    private static final byte[] UNKNOWN_TYPE = hex("""
            90         # type 144, which has no record
            00         # code 0
            e5f6       # checksum, from ROUTER to HOST
            0102030405 # rest
            """);

    private static final Icmpv6Repr.Mldv2Query MLDV2_QUERY_REPR = new Icmpv6Repr.Mldv2Query(
            10000, Ipv6Address.parse("ff05::fb"), true, 2, 125, List.of(REMOTE));

    private static final Icmpv6Repr.Mldv2Report MLDV2_REPORT_REPR = new Icmpv6Repr.Mldv2Report(List.of(
            new MulticastAddressRecord(MulticastAddressRecord.CHANGE_TO_EXCLUDE_MODE,
                    HOST.solicitedNodeMulticast(), List.of()),
            new MulticastAddressRecord(MulticastAddressRecord.MODE_IS_INCLUDE,
                    Ipv6Address.parse("ff05::fb"), List.of(REMOTE), hex("deadbeef"))));

    @Test
    void readsEchoFieldsFromFixture() {
        Icmpv6Packet packet = new Icmpv6Packet(ECHO_REQUEST);

        assertThat(packet.type()).isEqualTo(Icmpv6Type.ECHO_REQUEST);
        assertThat(packet.code()).isZero();
        assertThat(packet.checksum()).isEqualTo(0x0df4);
        assertThat(packet.identifier()).isEqualTo(0x1234);
        assertThat(packet.sequenceNumber()).isEqualTo(1);
        assertThat(packet.verifyChecksum(HOST, ROUTER)).isTrue();
        assertThat(packet.verifyChecksum(ROUTER, HOST)).isTrue();
        assertThat(packet.verifyChecksum(HOST, Ipv6Address.ALL_NODES)).isFalse();
    }

    @Test
    void readsErrorFieldsFromFixture() {
        assertThat(new Icmpv6Packet(PACKET_TOO_BIG).mtu()).isEqualTo(1500);
        assertThat(new Icmpv6Packet(PARAMETER_PROBLEM).pointer()).isEqualTo(40);
        assertThat(new Icmpv6Packet(PORT_UNREACHABLE).code()).isEqualTo(4);
    }

    @Test
    void readsMldv2QueryFieldsFromFixture() {
        Icmpv6Packet packet = new Icmpv6Packet(MLDV2_QUERY);

        assertThat(packet.maximumResponseCode()).isEqualTo(10000);
        assertThat(packet.multicastAddress()).isEqualTo(Ipv6Address.parse("ff05::fb"));
        assertThat(packet.suppressRouterSideProcessing()).isTrue();
        assertThat(packet.querierRobustnessVariable()).isEqualTo(2);
        assertThat(packet.querierQueryIntervalCode()).isEqualTo(125);
        assertThat(packet.numberOfSources()).isEqualTo(1);
    }

    @Test
    void parsesEchoRequest() throws MalformedPacketException {
        assertThat(parse(ECHO_REQUEST, HOST, ROUTER)).isEqualTo(new Icmpv6Repr.EchoRequest(0x1234, 1, PING));
    }

    @Test
    void parsesEchoReply() throws MalformedPacketException {
        byte[] reply = Fixtures.with(Fixtures.with(ECHO_REQUEST, 0, 0x81), 2, 0x0c);

        assertThat(parse(reply, ROUTER, HOST)).isEqualTo(new Icmpv6Repr.EchoReply(0x1234, 1, PING));
    }

    @Test
    void parsesEchoWithNonzeroCodeAsOther() throws MalformedPacketException {
        byte[] echoCode1 = Fixtures.with(Fixtures.with(ECHO_REQUEST, 1, 1), 3, 0xf3);

        assertThat(parse(echoCode1, HOST, ROUTER)).isEqualTo(
                new Icmpv6Repr.Other(Icmpv6Type.ECHO_REQUEST, 1, Arrays.copyOfRange(ECHO_REQUEST, 4, 12)));
    }

    @Test
    void parsesPortUnreachable() throws MalformedPacketException {
        assertThat(parse(PORT_UNREACHABLE, ROUTER, HOST)).isEqualTo(new Icmpv6Repr.DestinationUnreachable(
                Icmpv6Repr.DestinationUnreachable.PORT_UNREACHABLE, hex(UDP_HEADER_HEX)));
    }

    @Test
    void parsesTimeExceeded() throws MalformedPacketException {
        assertThat(parse(TIME_EXCEEDED, ROUTER, HOST)).isEqualTo(new Icmpv6Repr.TimeExceeded(
                Icmpv6Repr.TimeExceeded.HOP_LIMIT_EXCEEDED_IN_TRANSIT, Arrays.copyOfRange(TIME_EXCEEDED, 8, 48)));
    }

    @Test
    void parsesPacketTooBig() throws MalformedPacketException {
        assertThat(parse(PACKET_TOO_BIG, ROUTER, HOST)).isEqualTo(
                new Icmpv6Repr.PacketTooBig(1500, Arrays.copyOfRange(PACKET_TOO_BIG, 8, 48)));
    }

    @Test
    void parsesPacketTooBigIgnoringCode() throws MalformedPacketException {
        // RFC 4443 §3.2: the receiver ignores the code.
        byte[] code7 = Fixtures.with(Fixtures.with(PACKET_TOO_BIG, 1, 7), 3, 0x1b);

        assertThat(parse(code7, ROUTER, HOST)).isEqualTo(parse(PACKET_TOO_BIG, ROUTER, HOST));
    }

    @Test
    void parsesParameterProblem() throws MalformedPacketException {
        assertThat(parse(PARAMETER_PROBLEM, ROUTER, HOST)).isEqualTo(new Icmpv6Repr.ParameterProblem(
                Icmpv6Repr.ParameterProblem.UNRECOGNIZED_OPTION, 40, Arrays.copyOfRange(PARAMETER_PROBLEM, 8, 48)));
    }

    @Test
    void parsesMldv1QueryByLength() throws MalformedPacketException {
        assertThat(parse(MLDV1_QUERY, ROUTER, Ipv6Address.ALL_NODES))
                .isEqualTo(new Icmpv6Repr.MldQuery(10000, Ipv6Address.UNSPECIFIED));
    }

    @Test
    void parsesMldv2QueryByLength() throws MalformedPacketException {
        assertThat(parse(MLDV2_QUERY, ROUTER, Ipv6Address.ALL_NODES)).isEqualTo(MLDV2_QUERY_REPR);
    }

    @Test
    void parsesMldv2Report() throws MalformedPacketException {
        assertThat(parse(MLDV2_REPORT, Ipv6Address.UNSPECIFIED, Ipv6Address.ALL_MLDV2_ROUTERS))
                .isEqualTo(MLDV2_REPORT_REPR);
    }

    @Test
    void parsesUnknownTypeAsOther() throws MalformedPacketException {
        Icmpv6Repr repr = parse(UNKNOWN_TYPE, ROUTER, HOST);

        assertThat(repr).isEqualTo(new Icmpv6Repr.Other(new Icmpv6Type(144), 0, hex("0102030405")));
        assertThat(repr.type()).hasToString("144");
    }

    @Test
    void emitsEchoRequestIntoPoisonedBuffer() {
        assertEmits(new Icmpv6Repr.EchoRequest(0x1234, 1, PING), HOST, ROUTER, ECHO_REQUEST);
    }

    @Test
    void emitsPortUnreachableIntoPoisonedBuffer() {
        assertEmits(new Icmpv6Repr.DestinationUnreachable(4, hex(UDP_HEADER_HEX)), ROUTER, HOST, PORT_UNREACHABLE);
    }

    @Test
    void emitsTimeExceededIntoPoisonedBuffer() {
        assertEmits(new Icmpv6Repr.TimeExceeded(0, Arrays.copyOfRange(TIME_EXCEEDED, 8, 48)), ROUTER, HOST,
                TIME_EXCEEDED);
    }

    @Test
    void emitsPacketTooBigIntoPoisonedBuffer() {
        assertEmits(new Icmpv6Repr.PacketTooBig(1500, Arrays.copyOfRange(PACKET_TOO_BIG, 8, 48)), ROUTER, HOST,
                PACKET_TOO_BIG);
    }

    @Test
    void emitsParameterProblemIntoPoisonedBuffer() {
        assertEmits(new Icmpv6Repr.ParameterProblem(2, 40, Arrays.copyOfRange(PARAMETER_PROBLEM, 8, 48)),
                ROUTER, HOST, PARAMETER_PROBLEM);
    }

    @Test
    void emitsMldv1QueryIntoPoisonedBuffer() {
        assertEmits(new Icmpv6Repr.MldQuery(10000, Ipv6Address.UNSPECIFIED), ROUTER, Ipv6Address.ALL_NODES,
                MLDV1_QUERY);
    }

    @Test
    void emitsMldv2QueryIntoPoisonedBuffer() {
        assertEmits(MLDV2_QUERY_REPR, ROUTER, Ipv6Address.ALL_NODES, MLDV2_QUERY);
    }

    @Test
    void emitsMldv2ReportIntoPoisonedBuffer() {
        assertEmits(MLDV2_REPORT_REPR, Ipv6Address.UNSPECIFIED, Ipv6Address.ALL_MLDV2_ROUTERS, MLDV2_REPORT);
    }

    @Test
    void emitsOtherIntoPoisonedBuffer() {
        assertEmits(new Icmpv6Repr.Other(new Icmpv6Type(144), 0, hex("0102030405")), ROUTER, HOST, UNKNOWN_TYPE);
    }

    @Test
    void mldv2QueryDecodesExponentialCodes() {
        Icmpv6Repr.Mldv2Query small = new Icmpv6Repr.Mldv2Query(10000, Ipv6Address.UNSPECIFIED, false, 2, 125, List.of());
        // 0x8000: exponent 0, mantissa 0 is 0x1000 << 3; 0xffff: exponent 7, mantissa 0xfff.
        Icmpv6Repr.Mldv2Query lowest = new Icmpv6Repr.Mldv2Query(0x8000, Ipv6Address.UNSPECIFIED, false, 2, 0x80, List.of());
        Icmpv6Repr.Mldv2Query highest = new Icmpv6Repr.Mldv2Query(0xffff, Ipv6Address.UNSPECIFIED, false, 2, 0xff, List.of());

        assertThat(small.maximumResponseDelay()).isEqualTo(10000);
        assertThat(small.queryInterval()).isEqualTo(125);
        assertThat(lowest.maximumResponseDelay()).isEqualTo(32768);
        assertThat(lowest.queryInterval()).isEqualTo(128);
        assertThat(highest.maximumResponseDelay()).isEqualTo(0x1fffL << 10);
        assertThat(highest.queryInterval()).isEqualTo(0x1fL << 10);
    }

    @Test
    void emitRejectsViewOfWrongLength() {
        Icmpv6Repr repr = new Icmpv6Repr.EchoRequest(1, 1, PING);

        assertThatIllegalArgumentException().isThrownBy(() -> repr.emit(new Icmpv6Packet(new byte[13]), HOST, ROUTER))
                .withMessageContaining("must be exactly 12 bytes");
    }

    @Test
    void otherRejectsTypesWithOwnRecord() {
        byte[] rest = new byte[20];

        assertThatIllegalArgumentException().isThrownBy(() -> new Icmpv6Repr.Other(Icmpv6Type.ECHO_REQUEST, 0, rest));
        assertThatIllegalArgumentException().isThrownBy(() -> new Icmpv6Repr.Other(Icmpv6Type.NEIGHBOR_SOLICITATION, 1, rest));
        assertThatIllegalArgumentException().isThrownBy(() -> new Icmpv6Repr.Other(Icmpv6Type.PACKET_TOO_BIG, 0, rest));
        assertThatIllegalArgumentException().isThrownBy(() -> new Icmpv6Repr.Other(Icmpv6Type.ECHO_REPLY, 1, new byte[3]))
                .withMessageContaining("needs at least 4 bytes after the checksum");
    }

    @Test
    void reprCopiesData() {
        byte[] data = PING.clone();
        Icmpv6Repr.EchoRequest repr = new Icmpv6Repr.EchoRequest(1, 1, data);

        data[0] = 0;
        repr.data()[1] = 0;

        assertThat(repr.data()).containsExactly(PING);
    }

    @Test
    void rejectsShorterThanHeader() {
        assertRejected(Arrays.copyOf(UNKNOWN_TYPE, 3), ROUTER, HOST, "icmpv6.truncated");
    }

    @Test
    void rejectsEchoShorterThanEightBytes() {
        byte[] shortEcho = withChecksum(hex("8000 0000 1234 00"), HOST, ROUTER);

        assertRejected(shortEcho, HOST, ROUTER, "icmpv6.truncated");
    }

    @Test
    void rejectsErrorShorterThanEightBytes() {
        byte[] shortError = withChecksum(hex("0104 0000 0000"), ROUTER, HOST);

        assertRejected(shortError, ROUTER, HOST, "icmpv6.truncated");
    }

    @Test
    void rejectsBadChecksum() {
        assertRejected(Fixtures.with(ECHO_REQUEST, 11, 'G'), HOST, ROUTER, "icmpv6.bad-checksum");
    }

    @Test
    void rejectsChecksumOfOtherAddresses() {
        assertRejected(ECHO_REQUEST, HOST, Ipv6Address.parse("fe80::2"), "icmpv6.bad-checksum");
    }

    @Test
    void rejectsChecksumOverTrailingBytes() {
        byte[] longer = Arrays.copyOf(ECHO_REQUEST, ECHO_REQUEST.length + 1);
        longer[ECHO_REQUEST.length] = 1;

        assertRejected(longer, HOST, ROUTER, "icmpv6.bad-checksum");
    }

    @Test
    void rejectsMldQueryOfTwentySixBytes() {
        // RFC 3810 §8.1: a query that is neither 24 bytes nor at least 28 is ignored.
        byte[] query = withChecksum(Arrays.copyOf(MLDV1_QUERY, 26), ROUTER, Ipv6Address.ALL_NODES);

        assertRejected(query, ROUTER, Ipv6Address.ALL_NODES, "icmpv6.bad-length");
    }

    @Test
    void rejectsMldQueryShorterThanMldv1() {
        byte[] query = withChecksum(Arrays.copyOf(MLDV1_QUERY, 23), ROUTER, Ipv6Address.ALL_NODES);

        assertRejected(query, ROUTER, Ipv6Address.ALL_NODES, "icmpv6.truncated");
    }

    @Test
    void rejectsMldv2QueryMissingSources() {
        byte[] query = withChecksum(Fixtures.with(MLDV2_QUERY, 27, 2), ROUTER, Ipv6Address.ALL_NODES);

        assertRejected(query, ROUTER, Ipv6Address.ALL_NODES, "icmpv6.truncated");
    }

    @Test
    void rejectsMldv2ReportMissingRecord() {
        byte[] report = withChecksum(Fixtures.with(MLDV2_REPORT, 7, 3), Ipv6Address.UNSPECIFIED,
                Ipv6Address.ALL_MLDV2_ROUTERS);

        assertRejected(report, Ipv6Address.UNSPECIFIED, Ipv6Address.ALL_MLDV2_ROUTERS, "icmpv6.truncated");
    }

    @Test
    void rejectsMldv2RecordCutInAuxiliaryData() {
        byte[] report = withChecksum(Arrays.copyOf(MLDV2_REPORT, MLDV2_REPORT.length - 1), Ipv6Address.UNSPECIFIED,
                Ipv6Address.ALL_MLDV2_ROUTERS);

        assertRejected(report, Ipv6Address.UNSPECIFIED, Ipv6Address.ALL_MLDV2_ROUTERS, "icmpv6.truncated");
    }

    @Test
    void ignoresBytesAfterMldv2QuerySources() throws MalformedPacketException {
        byte[] query = withChecksum(Arrays.copyOf(MLDV2_QUERY, MLDV2_QUERY.length + 4), ROUTER, Ipv6Address.ALL_NODES);

        assertThat(parse(query, ROUTER, Ipv6Address.ALL_NODES)).isEqualTo(MLDV2_QUERY_REPR);
    }

    @Test
    void emitThenParseRoundTrips() {
        qt().withFixedSeed(4443L).forAll(WireGenerators.icmpv6Reprs(), WireGenerators.ipv6Addresses())
                .checkAssert((repr, source) -> {
                    Icmpv6Repr parsed = WireRoundTrips.icmpv6(repr, source, ROUTER);

                    assertThat(parsed).isEqualTo(repr);
                    assertThat(parsed.bufferLength()).isEqualTo(repr.bufferLength());
                });
    }

    static Icmpv6Repr parse(byte[] message, Ipv6Address source, Ipv6Address destination)
            throws MalformedPacketException {
        return Icmpv6Repr.parse(new Icmpv6Packet(message), source, destination);
    }

    /** Returns a copy of {@code message} with its checksum recomputed for the given addresses. */
    static byte[] withChecksum(byte[] message, Ipv6Address source, Ipv6Address destination) {
        byte[] copy = message.clone();
        new Icmpv6Packet(copy).fillChecksum(source, destination);
        return copy;
    }

    static void assertEmits(Icmpv6Repr repr, Ipv6Address source, Ipv6Address destination, byte[] expected) {
        byte[] buffer = Fixtures.poisoned(repr.bufferLength());

        repr.emit(new Icmpv6Packet(buffer), source, destination);

        assertThat(HexFormat.of().formatHex(buffer)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    static void assertRejected(byte[] message, Ipv6Address source, Ipv6Address destination, String counterName) {
        assertThatThrownBy(() -> parse(message, source, destination))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo(counterName));
    }
}
