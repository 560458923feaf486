package io.stackbench.stack.wire;

import static io.stackbench.stack.wire.Fixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.stackbench.sim.net.MacAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArpPacketTest {

    /** A request from 192.0.2.1 at 02:00:00:00:00:01 for the MAC address of 192.0.2.2. */
    private static final byte[] REQUEST = hex("""
            0001           # hardware type: Ethernet
            0800           # protocol type: IPv4
            06             # hardware address length
            04             # protocol address length
            0001           # operation: REQUEST
            020000000001   # sender hardware address
            c0000201       # sender protocol address: 192.0.2.1
            000000000000   # target hardware address: unknown
            c0000202       # target protocol address: 192.0.2.2
            """);

    private static final ArpRepr REQUEST_REPR = new ArpRepr(
            ArpOperation.REQUEST,
            MacAddress.parse("02:00:00:00:00:01"), Ipv4Address.parse("192.0.2.1"),
            MacAddress.ZERO, Ipv4Address.parse("192.0.2.2"));

    @Test
    void readsFieldsFromFixture() {
        ArpPacket packet = new ArpPacket(REQUEST);

        assertThat(packet.hardwareType()).isEqualTo(1);
        assertThat(packet.protocolType()).isEqualTo(EtherType.IPV4);
        assertThat(packet.hardwareLength()).isEqualTo(6);
        assertThat(packet.protocolLength()).isEqualTo(4);
        assertThat(packet.operation()).isEqualTo(ArpOperation.REQUEST);
        assertThat(packet.senderHardwareAddress()).isEqualTo(MacAddress.parse("02:00:00:00:00:01"));
        assertThat(packet.senderProtocolAddress()).isEqualTo(Ipv4Address.parse("192.0.2.1"));
        assertThat(packet.targetHardwareAddress()).isEqualTo(MacAddress.ZERO);
        assertThat(packet.targetProtocolAddress()).isEqualTo(Ipv4Address.parse("192.0.2.2"));
    }

    @Test
    void parsesFixture() throws MalformedPacketException {
        assertThat(ArpRepr.parse(new ArpPacket(REQUEST))).isEqualTo(REQUEST_REPR);
    }

    @Test
    void ignoresEthernetPadding() throws MalformedPacketException {
        byte[] padded = Arrays.copyOf(REQUEST, 46);
        Arrays.fill(padded, 28, 46, (byte) 0x5a);

        assertThat(ArpRepr.parse(new ArpPacket(padded))).isEqualTo(REQUEST_REPR);
    }

    @Test
    void emitsIntoPoisonedBuffer() {
        byte[] buffer = Fixtures.poisoned(REQUEST_REPR.bufferLength());

        REQUEST_REPR.emit(new ArpPacket(buffer));

        assertThat(buffer).containsExactly(REQUEST);
    }

    @Test
    void rejectsFixedFieldsTruncated() {
        assertRejected(Arrays.copyOf(REQUEST, 7), "arp.truncated");
    }

    @Test
    void rejectsAddressesTruncated() {
        assertRejected(Arrays.copyOf(REQUEST, 27), "arp.truncated");
    }

    @Test
    void truncationFollowsLengthFields() {
        // hlen 8 and plen 4 need 8 + 16 + 8 = 32 bytes, so 28 bytes are truncated, not a bad hlen.
        assertRejected(Fixtures.with(REQUEST, 4, 8), "arp.truncated");
    }

    @Test
    void rejectsNonEthernetHardwareType() {
        assertRejected(Fixtures.with(REQUEST, 1, 6), "arp.unsupported-hardware-type");
    }

    @Test
    void rejectsNonIpv4ProtocolType() {
        byte[] ipv6 = Fixtures.with(Fixtures.with(REQUEST, 2, 0x86), 3, 0xdd);

        assertRejected(ipv6, "arp.unsupported-protocol-type");
    }

    @Test
    void rejectsHardwareLengthNotSix() {
        assertRejected(Fixtures.with(REQUEST, 4, 5), "arp.bad-hardware-length");
    }

    @Test
    void rejectsProtocolLengthNotFour() {
        assertRejected(Fixtures.with(REQUEST, 5, 3), "arp.bad-protocol-length");
    }

    @Test
    void rejectsUnknownOperation() {
        byte[] rarpRequest = Fixtures.with(REQUEST, 7, 3);

        assertRejected(rarpRequest, "arp.unsupported-operation");
        assertThat(new ArpPacket(rarpRequest).operation()).hasToString("3");
    }

    @Test
    void emitThenParseRoundTrips() {
        qt().withFixedSeed(826L).forAll(WireGenerators.arpReprs()).checkAssert(repr -> {
            byte[] buffer = Fixtures.poisoned(repr.bufferLength());

            repr.emit(new ArpPacket(buffer));

            assertThat(parse(buffer)).isEqualTo(repr);
        });
    }

    private static void assertRejected(byte[] packet, String counterName) {
        assertThatThrownBy(() -> ArpRepr.parse(new ArpPacket(packet)))
                .isInstanceOfSatisfying(MalformedPacketException.class,
                        e -> assertThat(e.counterName()).isEqualTo(counterName));
    }

    private static ArpRepr parse(byte[] packet) {
        try {
            return ArpRepr.parse(new ArpPacket(packet));
        } catch (MalformedPacketException e) {
            throw new AssertionError("emitted packet did not parse: " + e.getMessage(), e);
        }
    }
}
