package io.stackbench.stack.ipv4;

import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.PEER_MAC;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stackbench.stack.Frames;
import io.stackbench.stack.StackFixture;
import io.stackbench.stack.StackHealth;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.Icmpv4Packet;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Packet;

/**
 * Any bytes as an IPv4 datagram in a frame to our MAC. The raw variant mostly exercises header
 * validation. The second variant sets version 4 and repairs the header checksum, and the ICMP
 * checksum when the datagram carries ICMP, so the fuzzer gets past those checks to ICMP and UDP.
 */
class Ipv4InputFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void rawDatagram(byte[] datagram) {
        check(datagram);
    }

    @FuzzTest(maxDuration = "60s")
    void datagramWithValidChecksums(byte[] datagram) {
        check(withValidChecksums(datagram));
    }

    private static void check(byte[] datagram) {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();

        fixture.receive(Frames.ethernet(OUR_MAC, PEER_MAC, EtherType.IPV4, datagram));

        StackHealth.assertNoInternalError(fixture);
        StackHealth.assertAnswersPing(fixture);
        StackHealth.assertNoInternalError(fixture);
    }

    /** Returns a copy with version 4 and, where the header fits, correct IPv4 and ICMP checksums. */
    private static byte[] withValidChecksums(byte[] datagram) {
        byte[] copy = datagram.clone();
        if (copy.length == 0) {
            return copy;
        }
        copy[0] = (byte) (0x40 | (copy[0] & 0x0f));
        Ipv4Packet packet = new Ipv4Packet(copy);
        if (copy.length < Ipv4Packet.MIN_HEADER_LENGTH || packet.headerLength() < Ipv4Packet.MIN_HEADER_LENGTH
                || packet.headerLength() > copy.length) {
            return copy;
        }
        packet.fillChecksum();

        int end = Math.min(packet.totalLength(), copy.length);
        int icmpLength = end - packet.headerLength();
        if (packet.protocol().equals(IpProtocol.ICMP) && icmpLength >= Icmpv4Packet.HEADER_LENGTH) {
            new Icmpv4Packet(copy, packet.headerLength(), icmpLength).fillChecksum();
        }
        return copy;
    }
}
