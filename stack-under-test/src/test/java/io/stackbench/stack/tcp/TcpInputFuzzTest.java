package io.stackbench.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.LinkProfile;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.sim.spi.TcpConnection;
import io.stackbench.stack.DualStack;
import io.stackbench.stack.Frames;
import io.stackbench.stack.RecordingEchoListener;
import io.stackbench.stack.tcp.TransferEndpoint.WritePattern;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.Ipv6Packet;
import io.stackbench.stack.wire.Ipv6Repr;
import io.stackbench.stack.wire.TcpPacket;
import java.net.Inet6Address;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * Fuzzed TCP segments inside valid IPv4 or IPv6 packets with correct checksums, sent to stack b
 * while b listens on port 80 and has an established connection from stack a. No segment may throw
 * out of the stack or behind its catch, and afterwards b must still reply to a ping from a and
 * accept a new connection from a. The seeds in {@code TcpInputFuzzTestInputs} run as regression
 * tests in every build; {@code JAZZER_FUZZ=1} fuzzes for real.
 *
 * <p>Input format, so that seeds can be written by hand: byte 0 picks the family (bit 0 set for
 * IPv6) of the established connection and of every segment. Then up to {@link #MAX_SEGMENTS}
 * records follow, each a control byte, a length byte L and L bytes of TCP header, options and
 * payload (fewer when the input ends). The control byte's bits 0 and 1 pick the destination: the
 * listener from source port 50000 + (bits 4 to 7), the established connection's two ports (values
 * 1 and 3), or closed port 81 (value 2). Bit 2 moves the sequence number to b's RCV.NXT plus the
 * field's low byte as a signed offset, and bit 3 moves the acknowledgment number to b's SND.NXT
 * in the same way, so that fuzzed segments also pass the window checks.
 */
class TcpInputFuzzTest {

    static final int MAX_SEGMENTS = 4;
    private static final int PORT = 80;
    private static final int CLOSED_PORT = 81;
    /** Time for every timer the input started: retransmissions give up and TIME-WAIT ends within it. */
    private static final long TIMER_TIME = SimTime.seconds(400);

    @FuzzTest(maxDuration = "60s")
    void segmentsToListenerAndConnection(byte[] input) {
        if (input.length == 0) {
            return;
        }
        boolean ipv6 = (input[0] & 1) != 0;
        TcpPair pair = new TcpPair(1, LinkProfile.DEFAULT);
        TransferEndpoint listener = new TransferEndpoint("b", pair.simulator, new byte[0], WritePattern.ONE_WRITE, true, 2);
        pair.b.tcpListen(PORT, listener);
        pair.simulator.runUntil(SimTime.seconds(3));
        TransferEndpoint client = new TransferEndpoint("a", pair.simulator, Frames.counting(100), WritePattern.ONE_WRITE, true, 1);
        client.connection = pair.a.tcpConnect(ipv6 ? TcpPair.B_IPV6 : TcpPair.B_IPV4, PORT, client);
        pair.simulator.runUntil(SimTime.seconds(4));
        assertThat(listener.connection.state()).as("b's connection before the fuzzed segments").isEqualTo("ESTABLISHED");

        int position = 1;
        for (int i = 0; i < MAX_SEGMENTS && position + 2 <= input.length; i++) {
            int control = input[position] & 0xff;
            int length = Math.min(input[position + 1] & 0xff, input.length - position - 2);
            byte[] segment = Arrays.copyOfRange(input, position + 2, position + 2 + length);
            position += 2 + length;
            pair.b.receive(0, frame(pair, client.connection, control, segment, ipv6));
            pair.simulator.runUntil(pair.simulator.now() + SimTime.millis(10));
        }

        assertNoInternalError(pair);
        pair.simulator.runUntil(pair.simulator.now() + TIMER_TIME);
        assertNoInternalError(pair);
        assertAnswersPing(pair, ipv6);
        assertAcceptsNewConnection(pair, listener, ipv6);
        assertNoInternalError(pair);
    }

    /** Builds the Ethernet frame from a to b around {@code segment}, with the ports, numbers and checksum that the control byte selects. */
    private static byte[] frame(TcpPair pair, TcpConnection connection, int control, byte[] segment, boolean ipv6) {
        byte[] tcp = segment.clone();
        if (tcp.length >= TcpPacket.MIN_HEADER_LENGTH) {
            TcpPacket view = new TcpPacket(tcp);
            int destination = control & 3;
            if (destination == 0) {
                view.setSourcePort(50_000 + (control >>> 4));
                view.setDestinationPort(PORT);
            } else if (destination == 2) {
                view.setSourcePort(connection.localPort());
                view.setDestinationPort(CLOSED_PORT);
            } else {
                view.setSourcePort(connection.localPort());
                view.setDestinationPort(PORT);
            }
            StackSnapshot.TcpSocket socket = socketOf(pair.b, connection.localPort());
            if ((control & 4) != 0 && socket != null) {
                view.setSequenceNumber((socket.rcvNxt() + (byte) view.sequenceNumber()) & 0xffff_ffffL);
            }
            if ((control & 8) != 0 && socket != null) {
                view.setAcknowledgmentNumber((socket.sndNxt() + (byte) view.acknowledgmentNumber()) & 0xffff_ffffL);
            }
        }

        if (ipv6) {
            Ipv6Address source = Ipv6Address.of((Inet6Address) TcpPair.A_IPV6);
            Ipv6Address destination = Ipv6Address.of((Inet6Address) TcpPair.B_IPV6);
            if (tcp.length >= TcpPacket.MIN_HEADER_LENGTH) {
                new TcpPacket(tcp).fillChecksum(source, destination);
            }
            return Frames.ethernet(TcpPair.B_MAC, TcpPair.A_MAC, EtherType.IPV6, ipv6Packet(source, destination, tcp));
        }
        Ipv4Address source = Ipv4Address.of((Inet4Address) TcpPair.A_IPV4);
        Ipv4Address destination = Ipv4Address.of((Inet4Address) TcpPair.B_IPV4);
        if (tcp.length >= TcpPacket.MIN_HEADER_LENGTH) {
            new TcpPacket(tcp).fillChecksum(source, destination);
        }
        return Frames.ethernet(TcpPair.B_MAC, TcpPair.A_MAC, EtherType.IPV4, Frames.ipv4(source, destination, IpProtocol.TCP, tcp));
    }

    private static byte[] ipv6Packet(Ipv6Address source, Ipv6Address destination, byte[] payload) {
        Ipv6Repr header = new Ipv6Repr(source, destination, payload.length == 0 ? IpProtocol.IPV6_NONXT : IpProtocol.TCP, 64, 0, 0,
                payload.length);
        byte[] packet = new byte[header.bufferLength()];
        header.emit(new Ipv6Packet(packet));
        System.arraycopy(payload, 0, packet, Ipv6Packet.HEADER_LENGTH, payload.length);
        return packet;
    }

    /** Returns b's connection whose remote port is {@code remotePort}, or null once it is gone. */
    private static StackSnapshot.TcpSocket socketOf(DualStack stack, int remotePort) {
        for (StackSnapshot.TcpSocket socket : stack.snapshot().tcpConnections()) {
            if (socket.remoteAddress() != null && socket.remotePort() == remotePort) {
                return socket;
            }
        }
        return null;
    }

    private static void assertNoInternalError(TcpPair pair) {
        if (pair.a.snapshot().counter("drop.internal-error") != 0 || pair.b.snapshot().counter("drop.internal-error") != 0) {
            throw new AssertionError("a layer threw behind the stack's catch: " + pair.events("internal-error"));
        }
    }

    private static void assertAnswersPing(TcpPair pair, boolean ipv6) {
        RecordingEchoListener echo = new RecordingEchoListener();
        InetAddress target = ipv6 ? TcpPair.B_IPV6 : TcpPair.B_IPV4;
        pair.a.sendEchoRequest(target, 0x5eed, 1, 24, echo);
        pair.simulator.runUntil(pair.simulator.now() + SimTime.seconds(5));
        assertThat(echo.replies()).as("echo replies from b after the fuzzed segments, errors %s", echo.errors()).hasSize(1);
    }

    private static void assertAcceptsNewConnection(TcpPair pair, TransferEndpoint listener, boolean ipv6) {
        int acceptedBefore = listener.establishedCount;
        TransferEndpoint client = new TransferEndpoint("a2", pair.simulator, new byte[0], WritePattern.ONE_WRITE, true, 3);
        client.connection = pair.a.tcpConnect(ipv6 ? TcpPair.B_IPV6 : TcpPair.B_IPV4, PORT, client);
        pair.simulator.runUntil(pair.simulator.now() + SimTime.seconds(5));
        assertThat(client.connection.state()).as("a's new connection to b after the fuzzed segments").isEqualTo("ESTABLISHED");
        assertThat(listener.establishedCount).as("connections b accepted").isEqualTo(acceptedBefore + 1);
    }
}
