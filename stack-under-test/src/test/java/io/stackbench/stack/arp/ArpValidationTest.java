package io.stackbench.stack.arp;

import static io.stackbench.stack.StackFixture.OUR_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.PEER_ADDRESS;
import static io.stackbench.stack.StackFixture.PEER_MAC;
import static io.stackbench.stack.StackFixture.PEER_NEW_MAC;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.Frames;
import io.stackbench.stack.StackFixture;
import io.stackbench.stack.wire.EtherType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid ARP packets are counted drops that change nothing. Each case starts from a request for our
 * address that would also move the peer's entry to {@link StackFixture#PEER_NEW_MAC}, so a packet
 * that slipped through would show up as a reply or as a changed entry.
 */
class ArpValidationTest {

    /** Offsets in the ARP packet (RFC 826). */
    private static final int HARDWARE_TYPE = 0;
    private static final int PROTOCOL_TYPE = 2;
    private static final int HARDWARE_LENGTH = 4;
    private static final int PROTOCOL_LENGTH = 5;
    private static final int OPERATION = 6;
    private static final int SENDER_HARDWARE_ADDRESS = 8;

    static Stream<Arguments> invalidPackets() {
        return Stream.of(
                invalid("hardware type IEEE 802 (6)", "arp.unsupported-hardware-type", p -> withU16(p, HARDWARE_TYPE, 6)),
                invalid("hardware type 0", "arp.unsupported-hardware-type", p -> withU16(p, HARDWARE_TYPE, 0)),
                invalid("protocol type IPv6", "arp.unsupported-protocol-type", p -> withU16(p, PROTOCOL_TYPE, 0x86dd)),
                // Four more bytes, so that the longer addresses fit and the length itself is what is rejected.
                invalid("hardware length 8", "arp.bad-hardware-length", p -> Frames.withTrailer(Frames.with(p, HARDWARE_LENGTH, 8), 4, 0)),
                invalid("hardware length 0", "arp.bad-hardware-length", p -> Frames.with(p, HARDWARE_LENGTH, 0)),
                invalid("protocol length 6", "arp.bad-protocol-length", p -> Frames.withTrailer(Frames.with(p, PROTOCOL_LENGTH, 6), 4, 0)),
                invalid("hardware length 8 without room", "arp.truncated", p -> Frames.with(p, HARDWARE_LENGTH, 8)),
                invalid("protocol length 255", "arp.truncated", p -> Frames.with(p, PROTOCOL_LENGTH, 255)),
                invalid("operation 0", "arp.unsupported-operation", p -> withU16(p, OPERATION, 0)),
                invalid("operation RARP request (3)", "arp.unsupported-operation", p -> withU16(p, OPERATION, 3)),
                invalid("operation 0xffff", "arp.unsupported-operation", p -> withU16(p, OPERATION, 0xffff)),
                invalid("sender MAC broadcast", "arp.multicast-sender", p -> senderMac(p, MacAddress.BROADCAST)),
                invalid("sender MAC multicast", "arp.multicast-sender", p -> senderMac(p, MacAddress.parse("01:00:5e:00:00:01"))),
                invalid("sender MAC ours", "arp.own-sender-mac", p -> senderMac(p, OUR_MAC)),
                invalid("cut after the fixed fields", "arp.truncated", p -> Arrays.copyOf(p, 8)),
                invalid("cut inside the target address", "arp.truncated", p -> Arrays.copyOf(p, 27)));
    }

    private static Arguments invalid(String name, String dropCounter, UnaryOperator<byte[]> damage) {
        return Arguments.of(name, dropCounter, damage);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPackets")
    void invalidPacketDroppedWithoutStateChange(String name, String dropCounter, UnaryOperator<byte[]> damage) {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        List<StackSnapshot.Neighbor> cacheBefore = fixture.snapshot().neighbors();
        SortedMap<String, Long> countersBefore = fixture.snapshot().counters();
        byte[] packet = damage.apply(Frames.arp(Frames.arpRequest(PEER_NEW_MAC, PEER_ADDRESS, OUR_ADDRESS)));

        // Unpadded, so a cut packet really ends where the case cuts it.
        fixture.receive(Frames.ethernet(MacAddress.BROADCAST, PEER_NEW_MAC, EtherType.ARP, packet));

        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.snapshot().neighbors()).isEqualTo(cacheBefore);
        assertThat(changedCounters(countersBefore, fixture.snapshot().counters()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("rx.frames", 1L, "drop." + dropCounter, 1L));
    }

    @Test
    void undamagedPacketMovesEntry() {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        byte[] packet = Frames.arp(Frames.arpRequest(PEER_NEW_MAC, PEER_ADDRESS, OUR_ADDRESS));

        fixture.receive(Frames.ethernet(MacAddress.BROADCAST, PEER_NEW_MAC, EtherType.ARP, packet));

        // The control case for the table above: without damage the same packet is answered and merged.
        assertThat(fixture.takeSent()).hasSize(1);
        assertThat(fixture.arpEntry(PEER_ADDRESS).mac()).isEqualTo(PEER_NEW_MAC);
    }

    private static SortedMap<String, Long> changedCounters(SortedMap<String, Long> before, SortedMap<String, Long> after) {
        SortedMap<String, Long> changed = new TreeMap<>();
        after.forEach((name, value) -> {
            long delta = value - before.getOrDefault(name, 0L);
            if (delta != 0) {
                changed.put(name, delta);
            }
        });
        return changed;
    }

    private static byte[] withU16(byte[] packet, int offset, int value) {
        byte[] copy = packet.clone();
        Frames.writeU16(copy, offset, value);
        return copy;
    }

    private static byte[] senderMac(byte[] packet, MacAddress mac) {
        byte[] copy = packet.clone();
        mac.write(copy, SENDER_HARDWARE_ADDRESS);
        return copy;
    }
}
