package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.capture.PcapReader;
import io.stackbench.sim.capture.PcapngReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decodes the IPv6 frames of public captures from the test suites of tcpdump and Zeek, several of
 * them fuzzer output, which are kept outside the repository. Tests are skipped when the folder or a
 * file is missing.
 */
class Ipv6RealWorldCaptureTest {

    /** Maven runs tests in the module directory, so the folder is two levels up. */
    private static final Path REALWORLD = Path.of("..", "..", "shared", "realworld");

    private static final String ND_SHORT_OPTIONS = "zeek__icmp_icmp6-nd-short-options.pcap";

    /**
     * The outcome of decoding one frame: the drop counter of a rejected frame, or the header chain
     * and, for ICMPv6, the message.
     */
    record Decoded(int frameNumber, String dropCounter, Ipv6HeaderChain chain, Icmpv6Repr icmpv6) {

        boolean accepted() {
            return dropCounter == null;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "tcpdump__dcb_qcn.pcap", "tcpdump__icmpv6-length-zero.pcapng", "tcpdump__ip6_frag_asan.pcap",
        "tcpdump__ipv6-routing-header.pcap", "tcpdump__ipv6_frag6_negative_len.pcap",
        "tcpdump__ipv6_invalid_length_2.pcap", "tcpdump__ipv6_missing_jumbo_payload_option.pcap",
        "tcpdump__ipv6_no_next_header.pcap", "zeek__communityid_icmp6.pcap", ND_SHORT_OPTIONS,
        "zeek__icmp_icmp6-ping.pcap", "zeek__ipv6-fragmented-dns.pcap", "zeek__ipv6_zero_len_ah.pcap",
    })
    void everyFrameParsesOrIsCountedDrop(String fileName) throws IOException {
        // decode records only MalformedPacketException as a drop, so any other exception fails this test.
        List<Decoded> frames = decodeAll(fileName);

        assertThat(frames).isNotEmpty();
        for (Decoded frame : frames) {
            if (!frame.accepted()) {
                assertThat(frame.dropCounter()).as("frame %d", frame.frameNumber()).matches("(ipv6|icmpv6)\\.[a-z-]+");
            }
        }
    }

    @ParameterizedTest(name = "frame {0}: {1}")
    @CsvSource({
        "1,  icmpv6.truncated",
        "2,  RouterAdvertisement",
        "3,  icmpv6.truncated",
        "4,  NeighborAdvertisement",
        "5,  icmpv6.truncated",
        "6,  NeighborSolicitation",
        "7,  icmpv6.truncated",
        "8,  Redirect",
        "9,  RouterAdvertisement",
        "10, NeighborAdvertisement",
        "11, NeighborSolicitation",
        "12, Redirect",
        "13, icmpv6.truncated",
        "14, icmpv6.truncated",
        "15, icmpv6.truncated",
        "16, icmpv6.truncated",
    })
    void truncatedNdRejectedAndMinimumAccepted(int frameNumber, String expected) throws IOException {
        Decoded frame = decodeAll(ND_SHORT_OPTIONS).get(frameNumber - 1);

        String outcome = frame.accepted() ? frame.icmpv6().getClass().getSimpleName() : frame.dropCounter();

        assertThat(outcome).isEqualTo(expected);
    }

    @Test
    void minimumLengthNdMessagesHaveNoOptions() throws IOException {
        List<Decoded> frames = decodeAll(ND_SHORT_OPTIONS);

        for (int frameNumber = 9; frameNumber <= 12; frameNumber++) {
            Icmpv6Repr repr = frames.get(frameNumber - 1).icmpv6();
            assertThat(repr.bufferLength()).as("frame %d", frameNumber).isEqualTo(Icmpv6Parser.minimumLength(repr.type()));
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "tcpdump__icmpv6-length-zero.pcapng,             ipv6.bad-length",
        "tcpdump__ipv6_frag6_negative_len.pcap,          ipv6.bad-length",
        "tcpdump__ipv6_missing_jumbo_payload_option.pcap, ipv6.bad-length",
        "tcpdump__ip6_frag_asan.pcap,                    ipv6.truncated",
        "tcpdump__ipv6_invalid_length_2.pcap,            ipv6.truncated",
    })
    void malformedPayloadLengthDropped(String fileName, String counterName) throws IOException {
        List<Decoded> frames = decodeAll(fileName);

        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).dropCounter()).isEqualTo(counterName);
    }

    @Test
    void noNextHeaderEndsProcessing() throws IOException {
        Decoded frame = decodeAll("tcpdump__ipv6_no_next_header.pcap").get(0);

        assertThat(frame.chain().upperLayerProtocol()).isEqualTo(IpProtocol.IPV6_NONXT);
        assertThat(frame.chain().upperLayerLength()).isEqualTo(20);
        assertThat(frame.icmpv6()).isNull();
    }

    @Test
    void routingHeaderChecksumUsesFinalDestination() throws IOException {
        List<Decoded> frames = decodeAll("tcpdump__ipv6-routing-header.pcap");

        assertThat(frames).hasSize(4).allSatisfy(frame -> {
            assertThat(frame.accepted()).as("frame %d: %s", frame.frameNumber(), frame.dropCounter()).isTrue();
            assertThat(frame.chain().extensionHeaders()).extracting(Ipv6HeaderChain.ExtensionHeader::type)
                    .containsExactly(IpProtocol.IPV6_ROUTE);
        });
        assertThat(frames.get(0).icmpv6()).isInstanceOf(Icmpv6Repr.EchoRequest.class);
        assertThat(frames.get(1).icmpv6()).isInstanceOf(Icmpv6Repr.EchoRequest.class);
    }

    @Test
    void fragmentsStopAtFragmentHeader() throws IOException {
        List<Decoded> frames = decodeAll("zeek__ipv6-fragmented-dns.pcap");

        assertThat(frames).extracting(frame -> frame.chain().endsAtFragment())
                .containsExactly(false, false, false, true, false, true, true, true);
        assertThat(frames).extracting(frame -> frame.chain().upperLayerProtocol()).containsOnly(IpProtocol.UDP);
    }

    @Test
    void authenticationHeaderIsUpperLayer() throws IOException {
        Decoded frame = decodeAll("zeek__ipv6_zero_len_ah.pcap").get(4);

        assertThat(frame.chain().extensionHeaders()).isEmpty();
        assertThat(frame.chain().upperLayerProtocol()).isEqualTo(new IpProtocol(51));
    }

    @Test
    void hostBringUpMessagesParse() throws IOException {
        List<Decoded> frames = decodeAll("tcpdump__dcb_qcn.pcap");

        assertThat(frames).allSatisfy(frame -> assertThat(frame.accepted()).isTrue());
        assertThat(frames).extracting(frame -> frame.icmpv6().getClass().getSimpleName())
                .containsExactly("Mldv2Report", "NeighborSolicitation", "RouterSolicitation", "Mldv2Report", "Mldv2Report");
        assertThat(frames.get(0).chain().extensionHeaders()).extracting(Ipv6HeaderChain.ExtensionHeader::type)
                .containsExactly(IpProtocol.HOPOPT);
    }

    @Test
    void neighbourDiscoveryTraceParsesWhole() throws IOException {
        List<Decoded> frames = decodeAll("zeek__communityid_icmp6.pcap");

        assertThat(frames).hasSize(49).allSatisfy(frame -> assertThat(frame.accepted()).isTrue());
        Icmpv6Repr.RouterAdvertisement advertisement = (Icmpv6Repr.RouterAdvertisement) frames.get(31).icmpv6();
        assertThat(advertisement.curHopLimit()).isEqualTo(64);
        assertThat(advertisement.routerLifetime()).isEqualTo(1800);
        assertThat(advertisement.reachableTime()).isEqualTo(30000);
        assertThat(advertisement.retransTimer()).isEqualTo(1000);
        assertThat(advertisement.options()).hasAtLeastOneElementOfType(NdpOption.PrefixInformation.class);
    }

    @Test
    void echoTraceParsesWhole() throws IOException {
        List<Decoded> frames = decodeAll("zeek__icmp_icmp6-ping.pcap");

        assertThat(frames).hasSize(8).allSatisfy(frame -> assertThat(frame.icmpv6())
                .isInstanceOfAny(Icmpv6Repr.EchoRequest.class, Icmpv6Repr.EchoReply.class));
    }

    /** Decodes every untagged IPv6 frame of a capture, numbered from 1 as Wireshark numbers them. */
    private static List<Decoded> decodeAll(String fileName) throws IOException {
        Path file = REALWORLD.resolve(fileName);
        assumeTrue(Files.isRegularFile(file), () -> "capture " + fileName + " not found in "
                + REALWORLD.toAbsolutePath().normalize() + "; these tests need the shared/realworld folder beside the repository");
        Capture capture = fileName.endsWith(".pcapng") ? PcapngReader.read(file) : PcapReader.read(file);

        List<Decoded> decoded = new ArrayList<>();
        int frameNumber = 0;
        for (CapturedFrame captured : capture.frames()) {
            frameNumber++;
            byte[] data = captured.data();
            EthernetFrame frame = new EthernetFrame(data);
            if (data.length >= EthernetFrame.HEADER_LENGTH && frame.etherType().equals(EtherType.IPV6)) {
                decoded.add(decode(frameNumber, new Ipv6Packet(data, frame.payloadOffset(), frame.payloadLength())));
            }
        }
        return decoded;
    }

    private static Decoded decode(int frameNumber, Ipv6Packet packet) {
        try {
            Ipv6Repr header = Ipv6Repr.parse(packet);
            Ipv6HeaderChain chain = Ipv6HeaderChain.walk(packet);
            Icmpv6Repr icmpv6 = null;
            if (chain.upperLayerProtocol().equals(IpProtocol.ICMPV6) && !chain.endsAtFragment()) {
                Icmpv6Packet message = new Icmpv6Packet(packet.buffer(), chain.upperLayerOffset(), chain.upperLayerLength());
                icmpv6 = Icmpv6Repr.parse(message, header.source(), finalDestination(packet, header, chain));
            }
            return new Decoded(frameNumber, null, chain, icmpv6);
        } catch (MalformedPacketException e) {
            return new Decoded(frameNumber, e.counterName(), null, null);
        }
    }

    /**
     * Returns the destination that the upper-layer checksum covers (RFC 8200 §8.1): with a type 0
     * Routing header that still has segments left, the last address in that header.
     */
    private static Ipv6Address finalDestination(Ipv6Packet packet, Ipv6Repr header, Ipv6HeaderChain chain)
            throws MalformedPacketException {
        for (Ipv6HeaderChain.ExtensionHeader extension : chain.extensionHeaders()) {
            if (extension.type().equals(IpProtocol.IPV6_ROUTE)) {
                Ipv6RoutingRepr routing = Ipv6RoutingRepr.parse(
                        new Ipv6RoutingHeader(packet.buffer(), extension.offset(), extension.length()));
                byte[] data = routing.data();
                if (routing.routingType() == Ipv6RoutingRepr.TYPE_0 && routing.segmentsLeft() > 0 && data.length >= 20) {
                    return Ipv6Address.read(data, data.length - Ipv6Address.LENGTH);
                }
            }
        }
        return header.destination();
    }
}
