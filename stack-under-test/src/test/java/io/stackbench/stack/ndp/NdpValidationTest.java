package io.stackbench.stack.ndp;

import static io.stackbench.stack.Ipv6Fixture.OTHER;
import static io.stackbench.stack.Ipv6Fixture.OTHER_MAC;
import static io.stackbench.stack.Ipv6Fixture.OUR_LINK_LOCAL;
import static io.stackbench.stack.Ipv6Fixture.PEER;
import static io.stackbench.stack.Ipv6Fixture.PEER_MAC;
import static io.stackbench.stack.Ipv6Fixture.ROUTER_MAC;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.stack.Ipv6Fixture;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.NdpOption;
import io.stackbench.stack.wire.NdpOptionType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Validation of received Neighbour Discovery messages (RFC 4861 §6.1, §7.1, RFC 6980): one test per
 * rule. Each sends a message that would change state if it were valid, breaks the one rule, and
 * checks the drop counter and that the state did not change.
 */
class NdpValidationTest {

    private static final NdpOption OTHER_NONCE = new NdpOption.Unknown(NdpOptionType.NONCE, new byte[] {1, 2, 3, 4, 5, 6});

    /** An NA that makes the tentative link-local address DUPLICATE when valid. */
    private static Icmpv6Repr.NeighborAdvertisement claim(int code, boolean solicited, Ipv6Address target) {
        return new Icmpv6Repr.NeighborAdvertisement(code, false, solicited, true, target,
                List.of(new NdpOption.TargetLinkLayerAddress(OTHER_MAC)));
    }

    private static void assertStillTentative(Ipv6Fixture fixture) {
        assertThat(fixture.addressState(OUR_LINK_LOCAL)).isEqualTo("TENTATIVE");
        assertThat(fixture.events("ipv6.dad-failed")).isEmpty();
    }

    @Test
    void hopLimitNot255Dropped() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();

        fixture.receiveIcmpv6(OTHER_MAC, OTHER, Ipv6Address.ALL_NODES, 254, claim(0, false, OUR_LINK_LOCAL));

        // RFC 4861 §7.1.2: the IP Hop Limit field has a value of 255.
        assertThat(fixture.counter("drop.ndp.bad-hop-limit")).isEqualTo(1);
        assertStillTentative(fixture);
    }

    @Test
    void codeNotZeroDropped() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();

        fixture.receiveNd(OTHER_MAC, OTHER, Ipv6Address.ALL_NODES, claim(1, false, OUR_LINK_LOCAL));

        // RFC 4861 §7.1.2: ICMP Code is 0.
        assertThat(fixture.counter("drop.ndp.bad-code")).isEqualTo(1);
        assertStillTentative(fixture);
    }

    @Test
    void advertisementMulticastTargetDropped() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();
        fixture.ping(PEER, 1, 1, 8);
        fixture.takeSent();

        fixture.receiveNd(PEER_MAC, PEER, OUR_LINK_LOCAL, new Icmpv6Repr.NeighborAdvertisement(false, true, true, Ipv6Address.ALL_NODES,
                List.of(new NdpOption.TargetLinkLayerAddress(PEER_MAC))));

        // RFC 4861 §7.1.2: Target Address is not a multicast address.
        assertThat(fixture.counter("drop.ndp.multicast-target")).isEqualTo(1);
        assertThat(fixture.neighborState(PEER)).isEqualTo("INCOMPLETE");
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void solicitationMulticastTargetDropped() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();

        fixture.receiveNd(PEER_MAC, PEER, Ipv6Address.ALL_NODES,
                new Icmpv6Repr.NeighborSolicitation(Ipv6Address.ALL_NODES, List.of(new NdpOption.SourceLinkLayerAddress(PEER_MAC))));

        // RFC 4861 §7.1.1: Target Address is not a multicast address.
        assertThat(fixture.counter("drop.ndp.multicast-target")).isEqualTo(1);
        assertThat(fixture.neighbor(PEER)).isNull();
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void probeNotToSolicitedNodeDropped() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();

        fixture.receiveNd(OTHER_MAC, Ipv6Address.UNSPECIFIED, Ipv6Address.ALL_NODES,
                new Icmpv6Repr.NeighborSolicitation(OUR_LINK_LOCAL, List.of(OTHER_NONCE)));

        // RFC 4861 §7.1.1: an NS from :: goes to a solicited-node multicast address.
        assertThat(fixture.counter("drop.ndp.dad-probe-not-to-solicited-node")).isEqualTo(1);
        assertStillTentative(fixture);
    }

    @Test
    void probeWithSourceLinkLayerDropped() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();

        fixture.receiveNd(OTHER_MAC, Ipv6Address.UNSPECIFIED, OUR_LINK_LOCAL.solicitedNodeMulticast(),
                new Icmpv6Repr.NeighborSolicitation(OUR_LINK_LOCAL, List.of(new NdpOption.SourceLinkLayerAddress(OTHER_MAC))));

        // RFC 4861 §7.1.1: an NS from :: carries no source link-layer address option.
        assertThat(fixture.counter("drop.ndp.dad-probe-with-slla")).isEqualTo(1);
        assertStillTentative(fixture);
    }

    @Test
    void solicitedAdvertisementToMulticastDropped() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();

        fixture.receiveNd(OTHER_MAC, OTHER, Ipv6Address.ALL_NODES, claim(0, true, OUR_LINK_LOCAL));

        // RFC 4861 §7.1.2: an NA to a multicast destination has the Solicited flag zero.
        assertThat(fixture.counter("drop.ndp.solicited-na-to-multicast")).isEqualTo(1);
        assertStillTentative(fixture);
    }

    @Test
    void advertisementFromGlobalSourceDropped() {
        Ipv6Fixture fixture = Ipv6Fixture.ready();

        Ipv6Address global = Ipv6Address.parse("2001:db8:0:1::fe");
        fixture.receiveNd(ROUTER_MAC, global, Ipv6Address.ALL_NODES, new Icmpv6Repr.RouterAdvertisement(99, false, false, 1800, 0, 0,
                List.of(Ipv6Fixture.prefix(7200, 3600), new NdpOption.SourceLinkLayerAddress(ROUTER_MAC))));

        // RFC 4861 §6.1.2: the source of a Router Advertisement is a link-local address.
        assertThat(fixture.counter("drop.ndp.ra-source-not-link-local")).isEqualTo(1);
        assertThat(fixture.snapshot().defaultRouters()).isEmpty();
        assertThat(fixture.snapshot().prefixes()).isEmpty();
        assertThat(fixture.snapshot().hopLimit()).isEqualTo(64);
        assertThat(fixture.neighbor(global)).isNull();
        assertThat(fixture.address(Ipv6Fixture.OUR_GLOBAL)).isNull();
    }

    @Test
    void messageInFragmentDropped() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();
        byte[] na = Ipv6Fixture.icmpv6(OTHER, Ipv6Address.ALL_NODES, claim(0, false, OUR_LINK_LOCAL));

        // The NA split in two fragments: 16 bytes, then the rest.
        fixture.receive(Ipv6Fixture.frameTo(Ipv6Address.ALL_NODES, OTHER_MAC, Ipv6Fixture.ipv6(OTHER, Ipv6Address.ALL_NODES, 44, 255,
                fragment(na, 0, 16, true))));
        fixture.receive(Ipv6Fixture.frameTo(Ipv6Address.ALL_NODES, OTHER_MAC, Ipv6Fixture.ipv6(OTHER, Ipv6Address.ALL_NODES, 44, 255,
                fragment(na, 16, na.length - 16, false))));

        // RFC 6980 §5: ND messages in fragments are silently ignored.
        assertThat(fixture.counter("ipv6.reassembled")).isEqualTo(1);
        assertThat(fixture.counter("drop.ndp.in-fragment")).isEqualTo(1);
        assertStillTentative(fixture);
    }

    @Test
    void messageInAtomicFragmentDropped() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();
        byte[] na = Ipv6Fixture.icmpv6(OTHER, Ipv6Address.ALL_NODES, claim(0, false, OUR_LINK_LOCAL));

        fixture.receive(Ipv6Fixture.frameTo(Ipv6Address.ALL_NODES, OTHER_MAC, Ipv6Fixture.ipv6(OTHER, Ipv6Address.ALL_NODES, 44, 255,
                fragment(na, 0, na.length, false))));

        // RFC 6980 §5 covers any packet with a Fragment header, so atomic fragments too.
        assertThat(fixture.counter("ipv6.atomic-fragment")).isEqualTo(1);
        assertThat(fixture.counter("drop.ndp.in-fragment")).isEqualTo(1);
        assertStillTentative(fixture);
    }

    @Test
    void shortMessageDropped() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();
        byte[] na = Ipv6Fixture.icmpv6(OTHER, Ipv6Address.ALL_NODES, claim(0, false, OUR_LINK_LOCAL));
        byte[] cut = Arrays.copyOf(na, 20);
        fillChecksum(cut, OTHER, Ipv6Address.ALL_NODES);

        fixture.receive(Ipv6Fixture.frameTo(Ipv6Address.ALL_NODES, OTHER_MAC,
                Ipv6Fixture.ipv6(OTHER, Ipv6Address.ALL_NODES, IpProtocol.ICMPV6.value(), 255, cut)));

        // RFC 4861 §7.1.2: ICMP length is 24 or more octets.
        assertThat(fixture.counter("drop.icmpv6.truncated")).isEqualTo(1);
        assertStillTentative(fixture);
    }

    @Test
    void optionOfLengthZeroDropped() {
        Ipv6Fixture fixture = Ipv6Fixture.boot();
        byte[] na = Ipv6Fixture.icmpv6(OTHER, Ipv6Address.ALL_NODES, claim(0, false, OUR_LINK_LOCAL));
        // The TLLA option's length set to 0, with the checksum repaired.
        na[24 + 1] = 0;
        fillChecksum(na, OTHER, Ipv6Address.ALL_NODES);

        fixture.receive(Ipv6Fixture.frameTo(Ipv6Address.ALL_NODES, OTHER_MAC,
                Ipv6Fixture.ipv6(OTHER, Ipv6Address.ALL_NODES, IpProtocol.ICMPV6.value(), 255, na)));

        // RFC 4861 §7.1.2: all included options have a length that is greater than zero.
        assertThat(fixture.counter("drop.icmpv6.bad-option-length")).isEqualTo(1);
        assertStillTentative(fixture);
    }

    /** Returns a Fragment header with identification 7 followed by {@code length} bytes of {@code data} from {@code offset}. */
    static byte[] fragment(byte[] data, int offset, int length, boolean more) {
        byte[] bytes = new byte[8 + length];
        bytes[0] = (byte) IpProtocol.ICMPV6.value();
        int offsetField = offset | (more ? 1 : 0);
        bytes[2] = (byte) (offsetField >>> 8);
        bytes[3] = (byte) offsetField;
        bytes[7] = 7;
        System.arraycopy(data, offset, bytes, 8, length);
        return bytes;
    }

    /** Recomputes the ICMPv6 checksum of {@code message} after a test changed a byte. */
    static void fillChecksum(byte[] message, Ipv6Address source, Ipv6Address destination) {
        new io.stackbench.stack.wire.Icmpv6Packet(message).fillChecksum(source, destination);
    }
}
