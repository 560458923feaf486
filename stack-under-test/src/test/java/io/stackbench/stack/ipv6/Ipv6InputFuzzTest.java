package io.stackbench.stack.ipv6;

import static io.stackbench.stack.Ipv6Fixture.OUR_LINK_LOCAL;
import static io.stackbench.stack.Ipv6Fixture.OUR_MAC;
import static io.stackbench.stack.Ipv6Fixture.PEER;
import static io.stackbench.stack.Ipv6Fixture.PEER_MAC;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stackbench.stack.Frames;
import io.stackbench.stack.Ipv6Fixture;
import io.stackbench.stack.SentFrame;
import io.stackbench.stack.StackHealth;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.Icmpv6Packet;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.Ipv6Packet;
import java.util.Arrays;
import java.util.List;

/**
 * Any bytes as an IPv6 packet in a frame to our MAC or to a group we joined. The first input byte
 * picks the Ethernet destination. The second variant also sets version 6, a destination of ours,
 * a payload length that fits and a correct ICMPv6 checksum, so the fuzzer reaches ND and MLD.
 */
class Ipv6InputFuzzTest {

    private static final Ipv6Address[] DESTINATIONS = {OUR_LINK_LOCAL, Ipv6Address.ALL_NODES, OUR_LINK_LOCAL.solicitedNodeMulticast()};
    private static final byte[] PING_DATA = Frames.counting(24);

    @FuzzTest(maxDuration = "60s")
    void rawPacket(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Ipv6Address destination = DESTINATIONS[(input[0] & 0xff) % DESTINATIONS.length];
        check(destination, Arrays.copyOfRange(input, 1, input.length));
    }

    @FuzzTest(maxDuration = "60s")
    void icmpv6WithValidChecksum(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Ipv6Address destination = DESTINATIONS[(input[0] & 0xff) % DESTINATIONS.length];
        check(destination, withValidIcmpv6(Arrays.copyOfRange(input, 1, input.length), destination));
    }

    private static void check(Ipv6Address destination, byte[] packet) {
        Ipv6Fixture fixture = Ipv6Fixture.ready("--accept-router-advertisements=true");
        MacAddress mac = destination.isMulticast() ? destination.multicastMac() : OUR_MAC;

        fixture.receive(Frames.ethernet(mac, PEER_MAC, EtherType.IPV6, packet));

        assertNoInternalError(fixture);
        assertAnswersPing(fixture);
        assertNoInternalError(fixture);
    }

    /** Returns the packet with version 6, our destination, a fitting payload length and, for ICMPv6, a valid checksum. */
    private static byte[] withValidIcmpv6(byte[] input, Ipv6Address destination) {
        if (input.length < Ipv6Packet.HEADER_LENGTH + Icmpv6Packet.HEADER_LENGTH) {
            return input;
        }
        byte[] packet = input.clone();
        Ipv6Packet view = new Ipv6Packet(packet);
        view.setVersion(6);
        view.setDestinationAddress(destination);
        view.setNextHeader(IpProtocol.ICMPV6);
        int payloadLength = packet.length - Ipv6Packet.HEADER_LENGTH;
        view.setPayloadLength(payloadLength);
        new Icmpv6Packet(packet, Ipv6Packet.HEADER_LENGTH, payloadLength).fillChecksum(view.sourceAddress(), destination);
        return packet;
    }

    private static void assertNoInternalError(Ipv6Fixture fixture) {
        long internalErrors = fixture.counter("drop.internal-error");
        if (internalErrors != 0) {
            throw new AssertionError("a layer threw on " + internalErrors + " input(s): " + fixture.events("internal-error"));
        }
    }

    /** Fails unless the stack replies to a normal IPv6 ping from {@link Ipv6Fixture#PEER} after the timers ran. */
    static void assertAnswersPing(Ipv6Fixture fixture) {
        fixture.runUntil(fixture.now() + StackHealth.SETTLE_TIME);
        fixture.takeSent();
        fixture.learnPeerQuietly();

        fixture.receiveIcmpv6(PEER_MAC, PEER, OUR_LINK_LOCAL, 64, new Icmpv6Repr.EchoRequest(0x5eed, 1, PING_DATA));

        Icmpv6Repr expected = new Icmpv6Repr.EchoReply(0x5eed, 1, PING_DATA);
        List<SentFrame> sent = fixture.takeSent();
        for (SentFrame frame : sent) {
            if (frame.isIpv6() && frame.ethernet().destination().equals(PEER_MAC) && frame.isIcmpv6() && frame.icmpv6().equals(expected)) {
                return;
            }
        }
        throw new AssertionError("the stack sent no echo reply to a normal IPv6 ping; it sent " + sent);
    }
}
