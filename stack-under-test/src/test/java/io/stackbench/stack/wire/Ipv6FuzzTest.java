package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Every input must either parse as IPv6, with its extension header chain and any ICMPv6 payload,
 * or raise {@link MalformedPacketException}.
 */
class Ipv6FuzzTest {

    @FuzzTest(maxDuration = "10s")
    void parsePacket(byte[] data) {
        try {
            checkIpv6(new Ipv6Packet(data));
        } catch (MalformedPacketException e) {
            assertThat(e.protocol()).isIn(Ipv6Packet.PROTOCOL, Icmpv6Packet.PROTOCOL);
        }
    }

    /**
     * Parses the fixed header, walks the header chain, parses each extension header and checks that
     * every repr survives an emit and a second parse, then decodes an ICMPv6 payload the same way.
     */
    static void checkIpv6(Ipv6Packet packet) throws MalformedPacketException {
        Ipv6Repr repr = Ipv6Repr.parse(packet);
        assertThat(WireRoundTrips.ipv6(repr)).isEqualTo(repr);

        Ipv6HeaderChain chain = Ipv6HeaderChain.walk(packet);
        int payloadEnd = packet.payloadOffset() + packet.payloadLength();
        assertThat(chain.upperLayerOffset() + chain.upperLayerLength()).isEqualTo(payloadEnd);
        for (Ipv6HeaderChain.ExtensionHeader header : chain.extensionHeaders()) {
            assertThat(header.offset() + header.length()).isLessThanOrEqualTo(chain.upperLayerOffset());
            checkExtensionHeader(packet.buffer(), header);
        }

        if (chain.upperLayerProtocol().equals(IpProtocol.ICMPV6) && !chain.endsAtFragment()) {
            Icmpv6FuzzTest.checkIcmpv6(new Icmpv6Packet(packet.buffer(), chain.upperLayerOffset(), chain.upperLayerLength()),
                    repr.source(), repr.destination());
        }
    }

    private static void checkExtensionHeader(byte[] buffer, Ipv6HeaderChain.ExtensionHeader header)
            throws MalformedPacketException {
        if (header.type().equals(IpProtocol.IPV6_FRAG)) {
            Ipv6FragmentRepr fragment = Ipv6FragmentRepr.parse(new Ipv6FragmentHeader(buffer, header.offset(), header.length()));
            byte[] emitted = Fixtures.poisoned(fragment.bufferLength());
            fragment.emit(new Ipv6FragmentHeader(emitted));
            assertThat(Ipv6FragmentRepr.parse(new Ipv6FragmentHeader(emitted))).isEqualTo(fragment);
        } else if (header.type().equals(IpProtocol.IPV6_ROUTE)) {
            Ipv6RoutingRepr routing = Ipv6RoutingRepr.parse(new Ipv6RoutingHeader(buffer, header.offset(), header.length()));
            assertThat(routing.bufferLength()).isEqualTo(header.length());
            byte[] emitted = Fixtures.poisoned(routing.bufferLength());
            routing.emit(new Ipv6RoutingHeader(emitted));
            assertThat(emitted).containsExactly(Arrays.copyOfRange(buffer, header.offset(), header.offset() + header.length()));
        } else {
            Ipv6OptionsRepr options = Ipv6OptionsRepr.parse(new Ipv6OptionsHeader(buffer, header.offset(), header.length()));
            assertThat(options.bufferLength()).isEqualTo(header.length());
            byte[] emitted = Fixtures.poisoned(options.bufferLength());
            options.emit(new Ipv6OptionsHeader(emitted));
            assertThat(emitted).containsExactly(Arrays.copyOfRange(buffer, header.offset(), header.offset() + header.length()));
        }
    }
}
