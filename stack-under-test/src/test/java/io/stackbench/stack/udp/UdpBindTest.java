package io.stackbench.stack.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.stack.Ipv6Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UdpBindTest {

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {0, -1, 65536})
    void bindRejectsInvalidPort(int port) {
        Ipv6Fixture fixture = Ipv6Fixture.boot(UdpFrames.DUAL_STACK);

        assertThatThrownBy(() -> fixture.stack().udpBind(port, new RecordingUdpListener()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UDP port " + port + " is invalid");
    }

    @Test
    void bindRejectsBoundPort() {
        Ipv6Fixture fixture = Ipv6Fixture.boot(UdpFrames.DUAL_STACK);
        fixture.stack().udpBind(5000, new RecordingUdpListener());

        assertThatThrownBy(() -> fixture.stack().udpBind(5000, new RecordingUdpListener()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("UDP port 5000 is already bound");
    }

    @Test
    void bindStopsAtMaximum() {
        Ipv6Fixture fixture = Ipv6Fixture.boot(UdpFrames.DUAL_STACK);
        for (int port = 1; port <= UdpLayer.MAX_BOUND_PORTS; port++) {
            fixture.stack().udpBind(port, new RecordingUdpListener());
        }

        assertThatThrownBy(() -> fixture.stack().udpBind(60000, new RecordingUdpListener()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("maximum of " + UdpLayer.MAX_BOUND_PORTS);
        assertThat(fixture.counter("udp.bind-limit")).isEqualTo(1);
        assertThat(fixture.snapshot().udpSockets()).hasSize(UdpLayer.MAX_BOUND_PORTS);
    }

    @Test
    void snapshotListsPortsInOrder() {
        Ipv6Fixture fixture = Ipv6Fixture.boot(UdpFrames.DUAL_STACK);
        fixture.stack().udpBind(7000, new RecordingUdpListener());
        fixture.stack().udpBind(53, new RecordingUdpListener());

        assertThat(fixture.snapshot().udpSockets()).containsExactly(
                new StackSnapshot.UdpSocket(53, 0, 0, 0), new StackSnapshot.UdpSocket(7000, 0, 0, 0));
    }

    @Test
    void bindFailsWhenStopped() {
        Ipv6Fixture fixture = Ipv6Fixture.boot(UdpFrames.DUAL_STACK);
        fixture.stack().stop();

        assertThatThrownBy(() -> fixture.stack().udpBind(5000, new RecordingUdpListener()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
    }

    @Test
    void restartForgetsBoundPorts() {
        Ipv6Fixture fixture = Ipv6Fixture.boot(UdpFrames.DUAL_STACK);
        fixture.stack().udpBind(5000, new RecordingUdpListener());

        fixture.stack().stop();
        fixture.stack().start(fixture.host());

        assertThat(fixture.snapshot().udpSockets()).isEmpty();
    }
}
