package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Ipv6HeaderChainTest {

    private static final String ADDRESSES = "fe800000000000005054 00fffe123456 fe800000000000000000 000000000001";

    /** Hop-by-Hop, Destination Options, an atomic Fragment header, then an ICMPv6 echo request. */
    private static final byte[] CHAIN = hex("""
            60000000 0020 00 40       # payload length 32, next header Hop-by-Hop, hop limit 64
            """ + ADDRESSES + """

            3c 00 0104 00000000       # Hop-by-Hop: next Destination Options, PadN of 6 bytes
            2c 00 0104 00000000       # Destination Options: next Fragment, PadN of 6 bytes
            3a 00 0000 00000001       # Fragment: next ICMPv6, offset 0, M=0: atomic
            8000 0000 1234 0001       # ICMPv6 echo request, checksum not checked here
            aaaa                      # Ethernet padding after the payload
            """);

    private static final byte[] FIRST_FRAGMENT = hex("""
            60000000 0018 2c 40       # payload length 24, next header Fragment
            """ + ADDRESSES + """

            3c 00 0001 00000007       # Fragment: next Destination Options, offset 0, M=1
            3a 00 0104 00000000       # fragment data that looks like a header
            8000 0000 1234 0001
            """);

    @Test
    void walksEveryHeaderToUpperLayer() throws MalformedPacketException {
        Ipv6HeaderChain chain = Ipv6HeaderChain.walk(new Ipv6Packet(CHAIN));

        assertThat(chain.extensionHeaders()).containsExactly(
                new Ipv6HeaderChain.ExtensionHeader(IpProtocol.HOPOPT, 40, 8),
                new Ipv6HeaderChain.ExtensionHeader(IpProtocol.IPV6_OPTS, 48, 8),
                new Ipv6HeaderChain.ExtensionHeader(IpProtocol.IPV6_FRAG, 56, 8));
        assertThat(chain.upperLayerProtocol()).isEqualTo(IpProtocol.ICMPV6);
        assertThat(chain.upperLayerOffset()).isEqualTo(64);
        assertThat(chain.upperLayerLength()).isEqualTo(8);
        assertThat(chain.endsAtFragment()).isFalse();
    }

    @Test
    void reportsOffsetsInsideLargerBuffer() throws MalformedPacketException {
        byte[] frame = new byte[14 + CHAIN.length];
        System.arraycopy(CHAIN, 0, frame, 14, CHAIN.length);

        Ipv6HeaderChain chain = Ipv6HeaderChain.walk(new Ipv6Packet(frame, 14, CHAIN.length));

        assertThat(chain.extensionHeaders().get(0).offset()).isEqualTo(54);
        assertThat(chain.upperLayerOffset()).isEqualTo(78);
    }

    @Test
    void stopsAtNonAtomicFragment() throws MalformedPacketException {
        Ipv6HeaderChain chain = Ipv6HeaderChain.walk(new Ipv6Packet(FIRST_FRAGMENT));

        assertThat(chain.extensionHeaders()).containsExactly(
                new Ipv6HeaderChain.ExtensionHeader(IpProtocol.IPV6_FRAG, 40, 8));
        assertThat(chain.upperLayerProtocol()).isEqualTo(IpProtocol.IPV6_OPTS);
        assertThat(chain.upperLayerOffset()).isEqualTo(48);
        assertThat(chain.upperLayerLength()).isEqualTo(16);
        assertThat(chain.endsAtFragment()).isTrue();
    }

    @Test
    void noExtensionHeaders() throws MalformedPacketException {
        byte[] packet = hex("60000000 0008 11 40" + ADDRESSES + "d431 1f90 0008 0000");

        Ipv6HeaderChain chain = Ipv6HeaderChain.walk(new Ipv6Packet(packet));

        assertThat(chain.extensionHeaders()).isEmpty();
        assertThat(chain.upperLayerProtocol()).isEqualTo(IpProtocol.UDP);
        assertThat(chain.upperLayerOffset()).isEqualTo(40);
        assertThat(chain.upperLayerLength()).isEqualTo(8);
    }

    @Test
    void noNextHeaderEndsChain() throws MalformedPacketException {
        // RFC 8200 §4.7: bytes after a No Next Header value are ignored.
        byte[] packet = hex("60000000 0010 00 40" + ADDRESSES + "3b00 0104 00000000 0102030405060708");

        Ipv6HeaderChain chain = Ipv6HeaderChain.walk(new Ipv6Packet(packet));

        assertThat(chain.extensionHeaders()).hasSize(1);
        assertThat(chain.upperLayerProtocol()).isEqualTo(IpProtocol.IPV6_NONXT);
        assertThat(chain.upperLayerLength()).isEqualTo(8);
    }

    @Test
    void authenticationHeaderEndsChain() throws MalformedPacketException {
        byte[] packet = hex("60000000 000c 33 40" + ADDRESSES + "3a01 0000 00000001 00000001");

        Ipv6HeaderChain chain = Ipv6HeaderChain.walk(new Ipv6Packet(packet));

        assertThat(chain.extensionHeaders()).isEmpty();
        assertThat(chain.upperLayerProtocol()).isEqualTo(new IpProtocol(51));
    }

    @Test
    void hopByHopAfterOtherHeaderIsReported() throws MalformedPacketException {
        // RFC 8200 §4.1 allows Hop-by-Hop only first; the IPv6 layer rejects it from this report.
        byte[] packet = hex("60000000 0010 3c 40" + ADDRESSES + "0000 0104 00000000 3b00 0104 00000000");

        Ipv6HeaderChain chain = Ipv6HeaderChain.walk(new Ipv6Packet(packet));

        assertThat(chain.extensionHeaders()).extracting(Ipv6HeaderChain.ExtensionHeader::type)
                .containsExactly(IpProtocol.IPV6_OPTS, IpProtocol.HOPOPT);
    }

    @Test
    void rejectsHeaderPastPayloadEnd() {
        // Hdr Ext Len 1 claims 16 bytes; the buffer has them, but the payload length gives 8.
        byte[] packet = hex("60000000 0008 00 40" + ADDRESSES + "3b01 0104 00000000 0000000000000000");

        assertRejected(packet, "ipv6.truncated");
    }

    @Test
    void rejectsPayloadTooShortForHeader() {
        byte[] packet = hex("60000000 0004 2c 40" + ADDRESSES + "1100 0000");

        assertRejected(packet, "ipv6.truncated");
    }

    @Test
    void rejectsChainCutAfterFirstHeader() {
        byte[] cut = Arrays.copyOf(CHAIN, 48);
        new Ipv6Packet(cut).setPayloadLength(8);

        assertRejected(cut, "ipv6.truncated");
    }

    @Test
    void rejectsMalformedFixedHeader() {
        assertRejected(Arrays.copyOf(CHAIN, 39), "ipv6.truncated");
    }

    private static void assertRejected(byte[] packet, String counterName) {
        assertThatThrownBy(() -> Ipv6HeaderChain.walk(new Ipv6Packet(packet)))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo(counterName));
    }
}
