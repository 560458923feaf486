package io.stackbench.stack;

import static io.stackbench.stack.StackFixture.OUR_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_IPV4_ARGUMENT;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.PEER_ADDRESS;
import static io.stackbench.stack.StackFixture.PEER_MAC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.StackConfigurationException;
import io.stackbench.stack.wire.ArpOperation;
import io.stackbench.stack.wire.ArpRepr;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.Icmpv4Repr;
import io.stackbench.stack.wire.IpProtocol;
import io.stackbench.stack.wire.Ipv4Address;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BootTest {

    /** The only frame a stack at 192.0.2.2/24 sends when it starts. */
    private static final byte[] GRATUITOUS_ARP = Frames.hex("""
            ffffffffffff   # destination: broadcast
            020000000002   # source: our MAC
            0806           # EtherType: ARP
            0001           # hardware type: Ethernet
            0800           # protocol type: IPv4
            06             # hardware address length
            04             # protocol address length
            0001           # operation: REQUEST
            020000000002   # sender hardware address: our MAC
            c0000202       # sender protocol address: 192.0.2.2
            000000000000   # target hardware address: unknown
            c0000202       # target protocol address: 192.0.2.2, the sender's own
            000000000000000000000000000000000000   # zero padding to 60 bytes
            """);

    @Test
    void startAnnouncesAddressWithGratuitousArp() {
        StackFixture fixture = StackFixture.create(OUR_IPV4_ARGUMENT);

        fixture.stack().start(fixture.host());

        // RFC 5227 §3: the announcement is a request whose sender and target address are both ours.
        List<SentFrame> sent = fixture.takeSent();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).time()).isZero();
        assertThat(sent.get(0).bytes()).containsExactly(GRATUITOUS_ARP);
    }

    @Test
    void defaultAddressIsAnnounced() {
        StackFixture fixture = StackFixture.create();

        fixture.stack().start(fixture.host());

        ArpRepr announcement = fixture.takeSent().get(0).arp();
        assertThat(announcement.operation()).isEqualTo(ArpOperation.REQUEST);
        assertThat(announcement.senderProtocolAddress()).isEqualTo(Ipv4Address.parse("10.0.0.2"));
        assertThat(announcement.targetProtocolAddress()).isEqualTo(Ipv4Address.parse("10.0.0.2"));
    }

    @Test
    void startSendsNothingAfterAnnouncement() {
        StackFixture fixture = StackFixture.started();

        fixture.runUntil(SimTime.seconds(60));

        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void ipv6OnlySendsNoArp() {
        StackFixture fixture = StackFixture.create(OUR_IPV4_ARGUMENT, "--ipv6-only=true");

        fixture.stack().start(fixture.host());
        fixture.runUntil(SimTime.seconds(60));

        // The IPv6 start-up frames go out; no frame is ARP and no address is IPv4.
        assertThat(fixture.takeSent()).allSatisfy(frame -> assertThat(frame.ethernet().etherType()).isEqualTo(EtherType.IPV6));
        assertThat(fixture.snapshot().ipv4Enabled()).isFalse();
        assertThat(fixture.snapshot().addresses()).allSatisfy(a -> assertThat(a.address()).isInstanceOf(java.net.Inet6Address.class));
    }

    @Test
    void ipv6OnlyLeavesArpRequestUnanswered() {
        StackFixture fixture = StackFixture.start(OUR_IPV4_ARGUMENT, "--ipv6-only=true");

        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(PEER_MAC, PEER_ADDRESS, OUR_ADDRESS)));

        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.counter("drop.arp.disabled")).isEqualTo(1);
        assertThat(fixture.snapshot().neighbors()).isEmpty();
    }

    @Test
    void ipv6OnlyDropsIpv4() {
        StackFixture fixture = StackFixture.start(OUR_IPV4_ARGUMENT, "--ipv6-only=true");
        byte[] echo = Frames.icmpv4(new Icmpv4Repr.EchoRequest(1, 1, new byte[8]));

        fixture.receive(Frames.ipv4Frame(OUR_MAC, PEER_MAC, Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.ICMP, echo)));

        assertThat(fixture.takeSent()).isEmpty();
        assertThat(fixture.counter("drop.ipv4.disabled")).isEqualTo(1);
    }

    @Test
    void ipv6OnlyRejectsIpv4Ping() {
        StackFixture fixture = StackFixture.start(OUR_IPV4_ARGUMENT, "--ipv6-only=true");

        RecordingEchoListener listener = fixture.ping(PEER_ADDRESS, 1, 1, 8);

        assertThat(listener.errors()).singleElement()
                .satisfies(error -> assertThat(error.reason()).contains("IPv4 is disabled"));
        assertThat(fixture.takeSent()).isEmpty();
    }

    @Test
    void bothOnlyFlagsFailBeforeAnyFrame() {
        StackFixture fixture = StackFixture.create(OUR_IPV4_ARGUMENT, "--ipv4-only=true", "--ipv6-only=true");

        assertThatThrownBy(() -> fixture.stack().start(fixture.host()))
                .isInstanceOf(StackConfigurationException.class)
                .hasMessageContaining("cannot run IPv4-only and IPv6-only at once");

        fixture.runUntil(SimTime.seconds(60));
        assertThat(fixture.host().sent()).isEmpty();
    }

    @Test
    void invalidArgumentFailsBeforeAnyFrame() {
        StackFixture fixture = StackFixture.create("--ipv4=192.0.2.2");

        assertThatThrownBy(() -> fixture.stack().start(fixture.host()))
                .isInstanceOf(StackConfigurationException.class)
                .hasMessageContaining("--ipv4");

        assertThat(fixture.host().sent()).isEmpty();
    }

    @Test
    void failedStartLeavesStackStopped() {
        StackFixture fixture = StackFixture.create(OUR_IPV4_ARGUMENT, "--ipv4-only=true", "--ipv6-only=true");
        assertThatThrownBy(() -> fixture.stack().start(fixture.host())).isInstanceOf(StackConfigurationException.class);

        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(PEER_MAC, PEER_ADDRESS, OUR_ADDRESS)));

        assertThat(fixture.host().sent()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "dual stack default,         --ipv4-only=false, ipv6.no-next-header",
            "--ipv4-only=true,           --ipv4-only=true,  drop.ipv6.disabled",
    })
    void ipv6FrameDroppedAndCounted(String name, String onlyArgument, String counter) {
        StackFixture fixture = StackFixture.start(OUR_IPV4_ARGUMENT, onlyArgument);
        byte[] ipv6Header = Frames.hex("""
                60000000   # version 6, traffic class 0, flow label 0
                0000       # payload length 0
                3b         # next header: No Next Header
                ff         # hop limit 255
                fe800000000000000000000000000001   # source fe80::1
                ff020000000000000000000000000001   # destination ff02::1
                """);

        fixture.receive(Frames.paddedEthernet(MacAddress.BROADCAST, PEER_MAC, EtherType.IPV6, ipv6Header));

        assertThat(fixture.counter(counter)).isEqualTo(1);
        assertThat(fixture.counter("rx.frames")).isEqualTo(1);
        assertThat(fixture.takeSent()).isEmpty();
    }
}
