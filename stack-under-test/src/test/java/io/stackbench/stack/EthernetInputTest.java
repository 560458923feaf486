package io.stackbench.stack;

import static io.stackbench.stack.StackFixture.OUR_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.PEER_ADDRESS;
import static io.stackbench.stack.StackFixture.PEER_MAC;
import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.IpProtocol;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EthernetInputTest {

    private static final byte[] ARP_REQUEST_FOR_US =
            Frames.arp(Frames.arpRequest(PEER_MAC, PEER_ADDRESS, OUR_ADDRESS));

    @Test
    void frameForOtherUnicastMacIsNotProcessed() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(Frames.paddedEthernet(MacAddress.parse("02:00:00:00:00:99"), PEER_MAC, EtherType.ARP, ARP_REQUEST_FOR_US));

        assertThat(fixture.counter("filter.other-unicast")).isEqualTo(1);
        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.snapshot().neighbors()).isEmpty();
    }

    @Test
    void frameForUnjoinedMulticastIsNotProcessed() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(Frames.paddedEthernet(MacAddress.parse("01:00:5e:00:00:01"), PEER_MAC, EtherType.ARP, ARP_REQUEST_FOR_US));

        assertThat(fixture.counter("filter.multicast-not-joined")).isEqualTo(1);
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void unpaddedShortFrameIsAccepted() {
        StackFixture fixture = StackFixture.started();
        byte[] unpadded = Frames.ethernet(MacAddress.BROADCAST, PEER_MAC, EtherType.ARP, ARP_REQUEST_FOR_US);

        fixture.receive(unpadded);

        assertThat(unpadded).hasSize(42);
        assertThat(fixture.counter("rx.arp")).isEqualTo(1);
        assertThat(fixture.takeSent()).hasSize(1);
    }

    @Test
    void frameShorterThanHeaderIsCountedDrop() {
        StackFixture fixture = StackFixture.started();
        byte[] frame = Frames.ethernet(MacAddress.BROADCAST, PEER_MAC, EtherType.ARP, new byte[0]);

        fixture.receive(Arrays.copyOf(frame, 13));

        assertThat(fixture.counter("drop.ethernet.truncated")).isEqualTo(1);
    }

    @Test
    void unknownEtherTypeIsCountedDrop() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(Frames.paddedEthernet(OUR_MAC, PEER_MAC, new EtherType(0x88cc), new byte[20]));

        assertThat(fixture.counter("drop.ethernet.unknown-ethertype")).isEqualTo(1);
    }

    @Test
    void ipVersionNotMatchingEtherTypeIsCountedDrop() {
        StackFixture fixture = StackFixture.started();
        byte[] packet = Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.UDP, Frames.udp(1, 7, new byte[4]));
        packet[0] = 0x65;

        fixture.receive(Frames.ipv4Frame(OUR_MAC, PEER_MAC, Frames.withFixedChecksum(packet)));

        assertThat(fixture.counter("drop.ethernet.ip-version-mismatch")).isEqualTo(1);
        assertThat(fixture.counter("rx.ipv4")).isZero();
    }

    @Test
    void frameFromOwnMacIsCountedDrop() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(Frames.paddedEthernet(MacAddress.BROADCAST, OUR_MAC, EtherType.ARP, ARP_REQUEST_FOR_US));

        assertThat(fixture.counter("drop.ethernet.own-source")).isEqualTo(1);
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void everyFrameIsCountedOnce() {
        StackFixture fixture = StackFixture.started();

        fixture.receive(new byte[0]);
        fixture.receive(Frames.paddedEthernet(OUR_MAC, PEER_MAC, new EtherType(0x1234), new byte[0]));
        fixture.receive(Frames.ethernet(MacAddress.BROADCAST, PEER_MAC, EtherType.ARP, ARP_REQUEST_FOR_US));

        Map<String, Long> counters = fixture.snapshot().counters();
        assertThat(counters).containsEntry("rx.frames", 3L);
        assertThat(counters).containsEntry("drop.ethernet.truncated", 1L);
        assertThat(counters).containsEntry("drop.ethernet.unknown-ethertype", 1L);
        assertThat(counters).containsEntry("rx.arp", 1L);
    }
}
