package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static io.stackbench.stack.wire.Icmpv6PacketTest.HOST;
import static io.stackbench.stack.wire.Icmpv6PacketTest.ROUTER;
import static io.stackbench.stack.wire.Icmpv6PacketTest.assertEmits;
import static io.stackbench.stack.wire.Icmpv6PacketTest.assertRejected;
import static io.stackbench.stack.wire.Icmpv6PacketTest.parse;
import static io.stackbench.stack.wire.Icmpv6PacketTest.withChecksum;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.net.MacAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Neighbor Discovery messages (RFC 4861 §4) with their options. */
class NdpMessageTest {

    private static final MacAddress HOST_MAC = MacAddress.parse("52:54:00:12:34:56");
    private static final MacAddress ROUTER_MAC = MacAddress.parse("02:00:00:00:00:01");
    private static final Ipv6Address HOST_SOLICITED = HOST.solicitedNodeMulticast();
    private static final Ipv6Address PREFIX = Ipv6Address.parse("2001:db8:1:2::");

    /** A DAD probe: from ::, to the solicited-node group of the tentative address, no options. */
    private static final byte[] DAD_NEIGHBOR_SOLICITATION = hex("""
            87         # type: neighbor solicitation
            00         # code 0
            c402       # checksum, from :: to ff02::1:ff12:3456
            00000000   # reserved
            fe800000000000005054 00fffe123456   # target address
            """);

    private static final byte[] NEIGHBOR_SOLICITATION = hex("""
            87 00 c276 00000000                 # type, code, checksum from ROUTER, reserved
            fe800000000000005054 00fffe123456   # target address
            01 01 020000000001                  # source link-layer address 02:00:00:00:00:01
            """);

    private static final byte[] NEIGHBOR_ADVERTISEMENT = hex("""
            88         # type: neighbor advertisement
            00         # code 0
            8bea       # checksum, from HOST to ROUTER
            60000000   # R=0, S=1, O=1, reserved
            fe800000000000005054 00fffe123456   # target address
            02 01 525400123456                  # target link-layer address 52:54:00:12:34:56
            """);

    private static final byte[] ROUTER_SOLICITATION = hex("""
            85         # type: router solicitation
            00         # code 0
            71b5       # checksum, from HOST to ff02::2
            00000000   # reserved
            01 01 525400123456                  # source link-layer address
            """);

    private static final byte[] ROUTER_ADVERTISEMENT = hex("""
            86         # type: router advertisement
            00         # code 0
            748e       # checksum, from ROUTER to ff02::1
            40         # cur hop limit 64
            40         # M=0, O=1, reserved
            0708       # router lifetime 1800 s
            00007530   # reachable time 30000 ms
            000003e8   # retrans timer 1000 ms
            01 01 020000000001                  # source link-layer address
            05 01 0000 000005dc                 # MTU 1500
            03 04                               # prefix information, 32 bytes
            40                                  # prefix length 64
            c0                                  # L=1, A=1, reserved
            00278d00                            # valid lifetime 2592000 s
            00093a80                            # preferred lifetime 604800 s
            00000000                            # reserved
            20010db8000100020000 000000000000   # prefix 2001:db8:1:2::
            """);

    private static final byte[] REDIRECT = hex("""
            89         # type: redirect
            00         # code 0
            c4fd       # checksum, from ROUTER to HOST
            00000000   # reserved
            fe800000000000000000 000000000002   # target address fe80::2
            20010db8000000000000 000000000099   # destination address 2001:db8::99
            02 01 020000000002                  # target link-layer address 02:00:00:00:00:02
            """);

    private static final Icmpv6Repr.RouterAdvertisement ROUTER_ADVERTISEMENT_REPR = new Icmpv6Repr.RouterAdvertisement(
            64, false, true, 1800, 30000, 1000, List.of(
                    new NdpOption.SourceLinkLayerAddress(ROUTER_MAC),
                    new NdpOption.Mtu(1500),
                    new NdpOption.PrefixInformation(64, true, true, 2592000, 604800, PREFIX)));

    @Test
    void readsNeighborAdvertisementFieldsFromFixture() {
        Icmpv6Packet packet = new Icmpv6Packet(NEIGHBOR_ADVERTISEMENT);

        assertThat(packet.type()).isEqualTo(Icmpv6Type.NEIGHBOR_ADVERTISEMENT);
        assertThat(packet.routerFlag()).isFalse();
        assertThat(packet.solicitedFlag()).isTrue();
        assertThat(packet.overrideFlag()).isTrue();
        assertThat(packet.targetAddress()).isEqualTo(HOST);
    }

    @Test
    void readsRouterAdvertisementFieldsFromFixture() {
        Icmpv6Packet packet = new Icmpv6Packet(ROUTER_ADVERTISEMENT);

        assertThat(packet.curHopLimit()).isEqualTo(64);
        assertThat(packet.managedAddressConfiguration()).isFalse();
        assertThat(packet.otherConfiguration()).isTrue();
        assertThat(packet.routerLifetime()).isEqualTo(1800);
        assertThat(packet.reachableTime()).isEqualTo(30000);
        assertThat(packet.retransTimer()).isEqualTo(1000);
    }

    @Test
    void readsRedirectFieldsFromFixture() {
        Icmpv6Packet packet = new Icmpv6Packet(REDIRECT);

        assertThat(packet.targetAddress()).isEqualTo(Ipv6Address.parse("fe80::2"));
        assertThat(packet.redirectDestinationAddress()).isEqualTo(Ipv6Address.parse("2001:db8::99"));
    }

    @Test
    void parsesDadNeighborSolicitation() throws MalformedPacketException {
        assertThat(parse(DAD_NEIGHBOR_SOLICITATION, Ipv6Address.UNSPECIFIED, HOST_SOLICITED))
                .isEqualTo(new Icmpv6Repr.NeighborSolicitation(HOST, List.of()));
    }

    @Test
    void parsesNeighborSolicitationWithSourceAddress() throws MalformedPacketException {
        assertThat(parse(NEIGHBOR_SOLICITATION, ROUTER, HOST_SOLICITED)).isEqualTo(new Icmpv6Repr.NeighborSolicitation(
                HOST, List.of(new NdpOption.SourceLinkLayerAddress(ROUTER_MAC))));
    }

    @Test
    void parsesNeighborAdvertisement() throws MalformedPacketException {
        assertThat(parse(NEIGHBOR_ADVERTISEMENT, HOST, ROUTER)).isEqualTo(new Icmpv6Repr.NeighborAdvertisement(
                false, true, true, HOST, List.of(new NdpOption.TargetLinkLayerAddress(HOST_MAC))));
    }

    @Test
    void parsesRouterSolicitation() throws MalformedPacketException {
        assertThat(parse(ROUTER_SOLICITATION, HOST, Ipv6Address.ALL_ROUTERS)).isEqualTo(
                new Icmpv6Repr.RouterSolicitation(List.of(new NdpOption.SourceLinkLayerAddress(HOST_MAC))));
    }

    @Test
    void parsesRouterAdvertisement() throws MalformedPacketException {
        assertThat(parse(ROUTER_ADVERTISEMENT, ROUTER, Ipv6Address.ALL_NODES)).isEqualTo(ROUTER_ADVERTISEMENT_REPR);
    }

    @Test
    void parsesRedirect() throws MalformedPacketException {
        assertThat(parse(REDIRECT, ROUTER, HOST)).isEqualTo(new Icmpv6Repr.Redirect(
                Ipv6Address.parse("fe80::2"), Ipv6Address.parse("2001:db8::99"),
                List.of(new NdpOption.TargetLinkLayerAddress(MacAddress.parse("02:00:00:00:00:02")))));
    }

    @Test
    void keepsNonzeroCodeForNdpLayer() throws MalformedPacketException {
        // RFC 4861 §7.1.1 drops an NS with code 1, but that check belongs to the NDP layer.
        byte[] code1 = withChecksum(Fixtures.with(DAD_NEIGHBOR_SOLICITATION, 1, 1), Ipv6Address.UNSPECIFIED,
                HOST_SOLICITED);

        Icmpv6Repr repr = parse(code1, Ipv6Address.UNSPECIFIED, HOST_SOLICITED);

        assertThat(repr).isEqualTo(new Icmpv6Repr.NeighborSolicitation(1, HOST, List.of()));
        assertThat(repr.code()).isEqualTo(1);
    }

    @Test
    void ignoresReservedBits() throws MalformedPacketException {
        byte[] reserved = Fixtures.with(Fixtures.with(NEIGHBOR_ADVERTISEMENT, 4, 0x7f), 7, 0xff);

        Icmpv6Repr repr = parse(withChecksum(reserved, HOST, ROUTER), HOST, ROUTER);

        assertThat(repr).isEqualTo(parse(NEIGHBOR_ADVERTISEMENT, HOST, ROUTER));
    }

    @Test
    void emitsDadNeighborSolicitationIntoPoisonedBuffer() {
        assertEmits(new Icmpv6Repr.NeighborSolicitation(HOST, List.of()), Ipv6Address.UNSPECIFIED, HOST_SOLICITED,
                DAD_NEIGHBOR_SOLICITATION);
    }

    @Test
    void emitsNeighborSolicitationIntoPoisonedBuffer() {
        assertEmits(new Icmpv6Repr.NeighborSolicitation(HOST, List.of(new NdpOption.SourceLinkLayerAddress(ROUTER_MAC))),
                ROUTER, HOST_SOLICITED, NEIGHBOR_SOLICITATION);
    }

    @Test
    void emitsNeighborAdvertisementIntoPoisonedBuffer() {
        assertEmits(new Icmpv6Repr.NeighborAdvertisement(false, true, true, HOST,
                        List.of(new NdpOption.TargetLinkLayerAddress(HOST_MAC))),
                HOST, ROUTER, NEIGHBOR_ADVERTISEMENT);
    }

    @Test
    void emitsRouterSolicitationIntoPoisonedBuffer() {
        assertEmits(new Icmpv6Repr.RouterSolicitation(List.of(new NdpOption.SourceLinkLayerAddress(HOST_MAC))),
                HOST, Ipv6Address.ALL_ROUTERS, ROUTER_SOLICITATION);
    }

    @Test
    void emitsRouterAdvertisementIntoPoisonedBuffer() {
        assertEmits(ROUTER_ADVERTISEMENT_REPR, ROUTER, Ipv6Address.ALL_NODES, ROUTER_ADVERTISEMENT);
    }

    @Test
    void emitsRedirectIntoPoisonedBuffer() {
        assertEmits(new Icmpv6Repr.Redirect(Ipv6Address.parse("fe80::2"), Ipv6Address.parse("2001:db8::99"),
                        List.of(new NdpOption.TargetLinkLayerAddress(MacAddress.parse("02:00:00:00:00:02")))),
                ROUTER, HOST, REDIRECT);
    }

    @Test
    void acceptsExactMinimumLengths() throws MalformedPacketException {
        assertThat(parse(withChecksum(Arrays.copyOf(ROUTER_SOLICITATION, 8), HOST, Ipv6Address.ALL_ROUTERS),
                HOST, Ipv6Address.ALL_ROUTERS)).isEqualTo(new Icmpv6Repr.RouterSolicitation(List.of()));
        assertThat(parse(withChecksum(Arrays.copyOf(ROUTER_ADVERTISEMENT, 16), ROUTER, Ipv6Address.ALL_NODES),
                ROUTER, Ipv6Address.ALL_NODES)).isInstanceOf(Icmpv6Repr.RouterAdvertisement.class);
        assertThat(parse(withChecksum(Arrays.copyOf(NEIGHBOR_ADVERTISEMENT, 24), HOST, ROUTER), HOST, ROUTER))
                .isInstanceOf(Icmpv6Repr.NeighborAdvertisement.class);
        assertThat(parse(withChecksum(Arrays.copyOf(REDIRECT, 40), ROUTER, HOST), ROUTER, HOST))
                .isInstanceOf(Icmpv6Repr.Redirect.class);
    }

    @Test
    void rejectsRouterSolicitationShorterThanEight() {
        assertTruncated(ROUTER_SOLICITATION, 7, HOST, Ipv6Address.ALL_ROUTERS);
    }

    @Test
    void rejectsRouterAdvertisementShorterThanSixteen() {
        assertTruncated(ROUTER_ADVERTISEMENT, 15, ROUTER, Ipv6Address.ALL_NODES);
    }

    @Test
    void rejectsNeighborSolicitationShorterThan24() {
        assertTruncated(NEIGHBOR_SOLICITATION, 23, ROUTER, HOST_SOLICITED);
    }

    @Test
    void rejectsNeighborAdvertisementShorterThan24() {
        assertTruncated(NEIGHBOR_ADVERTISEMENT, 23, HOST, ROUTER);
    }

    @Test
    void rejectsRedirectShorterThan40() {
        assertTruncated(REDIRECT, 39, ROUTER, HOST);
    }

    @Test
    void rejectsOptionOfLengthZero() {
        byte[] zeroLength = withChecksum(Fixtures.with(NEIGHBOR_SOLICITATION, 25, 0), ROUTER, HOST_SOLICITED);

        assertRejected(zeroLength, ROUTER, HOST_SOLICITED, "icmpv6.bad-option-length");
    }

    @Test
    void rejectsOptionPastEndOfMessage() {
        byte[] tooLong = withChecksum(Fixtures.with(NEIGHBOR_SOLICITATION, 25, 2), ROUTER, HOST_SOLICITED);

        assertRejected(tooLong, ROUTER, HOST_SOLICITED, "icmpv6.bad-option-length");
    }

    @Test
    void rejectsOptionCutAfterTypeByte() {
        byte[] cut = withChecksum(Arrays.copyOf(NEIGHBOR_SOLICITATION, 25), ROUTER, HOST_SOLICITED);

        assertRejected(cut, ROUTER, HOST_SOLICITED, "icmpv6.bad-option-length");
    }

    @Test
    void rejectsBadChecksum() {
        assertRejected(Fixtures.with(ROUTER_ADVERTISEMENT, 4, 0xff), ROUTER, Ipv6Address.ALL_NODES, "icmpv6.bad-checksum");
    }

    private static void assertTruncated(byte[] message, int length, Ipv6Address source, Ipv6Address destination) {
        byte[] cut = withChecksum(Arrays.copyOf(message, length), source, destination);

        assertRejected(cut, source, destination, "icmpv6.truncated");
    }
}
