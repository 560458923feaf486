package io.stackbench.sim.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.random.DeterministicRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SegmentTest {

    private static final MacAddress A = MacAddress.parse("02:00:00:00:00:0a");
    private static final MacAddress B = MacAddress.parse("02:00:00:00:00:0b");
    private static final MacAddress C = MacAddress.parse("02:00:00:00:00:0c");
    private static final MacAddress GROUP = MacAddress.parse("33:33:ff:00:00:01");

    private Simulator sim;
    private List<String> received;
    private List<String> recorded;

    @BeforeEach
    void setUp() {
        sim = new Simulator();
        received = new ArrayList<>();
        recorded = new ArrayList<>();
    }

    private Segment segment(LinkProfile profile) {
        return new Segment(sim, "lan", 0, profile, DeterministicRandom.forComponent(1, "lan"),
                (segment, time, frame, comment) -> recorded.add(time + " " + comment));
    }

    private Nic attach(Segment segment, String node, MacAddress mac) {
        return segment.attach(node, "eth0", mac, (nic, frame) -> received.add(node + "@" + sim.now()));
    }

    private static byte[] frameTo(MacAddress destination, MacAddress source) {
        byte[] frame = new byte[60];
        destination.write(frame, 0);
        source.write(frame, 6);
        return frame;
    }

    @Test
    void unicastReachesOnlyOwner() {
        Segment lan = segment(LinkProfile.DEFAULT);
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);
        attach(lan, "c", C);

        a.transmit(frameTo(B, A));
        sim.runAll();

        assertThat(received).containsExactly("b@1000");
    }

    @Test
    void broadcastReachesAllButSender() {
        Segment lan = segment(LinkProfile.DEFAULT);
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);
        attach(lan, "c", C);

        a.transmit(frameTo(MacAddress.BROADCAST, A));
        sim.runAll();

        assertThat(received).containsExactly("b@1000", "c@1000");
    }

    @Test
    void multicastReachesOnlyMembers() {
        Segment lan = segment(LinkProfile.DEFAULT);
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);
        Nic c = attach(lan, "c", C);

        c.joinMulticast(GROUP);
        a.transmit(frameTo(GROUP, A));
        sim.runAll();

        assertThat(received).containsExactly("c@1000");
    }

    @Test
    void unknownUnicastIsFlooded() {
        Segment lan = segment(LinkProfile.DEFAULT);
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);

        a.transmit(frameTo(MacAddress.parse("02:00:00:00:00:99"), A));
        sim.runAll();

        assertThat(received).containsExactly("b@1000");
    }

    @Test
    void downInterfaceNeitherSendsNorReceives() {
        Segment lan = segment(LinkProfile.DEFAULT);
        Nic a = attach(lan, "a", A);
        Nic b = attach(lan, "b", B);

        b.setUp(false);
        a.transmit(frameTo(B, A));
        b.transmit(frameTo(A, B));
        sim.runAll();

        assertThat(received).isEmpty();
        assertThat(b.transmitDrops()).isEqualTo(1);
        assertThat(recorded).hasSize(1);
    }

    @Test
    void bandwidthSerializesBackToBackFrames() {
        // 60 bytes at 4.8 Mbit/s take 100 µs on the wire.
        Segment lan = segment(new LinkProfile(0, 4_800_000, 1500, 1_000_000, 0.0));
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);

        a.transmit(frameTo(B, A));
        a.transmit(frameTo(B, A));
        sim.runAll();

        assertThat(recorded).containsExactly("0 null", "100000 null");
        assertThat(received).containsExactly("b@100000", "b@200000");
    }

    @Test
    void oversizeFrameIsDropped() {
        Segment lan = segment(new LinkProfile(0, 0, 1280, 1_000_000, 0.0));
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);

        a.transmit(new byte[14 + 1281]);
        sim.runAll();

        assertThat(received).isEmpty();
        assertThat(lan.framesOversize()).isEqualTo(1);
    }

    @Test
    void promiscuousNicGetsEveryMulticast() {
        Segment lan = segment(LinkProfile.DEFAULT);
        Nic a = attach(lan, "a", A);
        Nic b = attach(lan, "b", B);
        Nic c = attach(lan, "c", C);

        b.setPromiscuous(true);
        c.joinMulticast(GROUP);
        a.transmit(frameTo(GROUP, A));
        a.transmit(frameTo(MacAddress.parse("33:33:00:00:00:01"), A));
        sim.runAll();

        assertThat(received).containsExactly("b@1000", "c@1000", "b@1000");
    }

    @Test
    void seededLossIsRecordedAndRepeatable() {
        List<String> firstRun = runLossy();
        List<String> secondRun = runLossy();

        assertThat(firstRun).isEqualTo(secondRun);
        assertThat(firstRun).anyMatch(line -> line.contains("lost on link lan"));
        assertThat(firstRun).anyMatch(line -> line.endsWith("null"));
    }

    private List<String> runLossy() {
        setUp();
        Segment lan = segment(LinkProfile.DEFAULT.withLoss(0.5));
        Nic a = attach(lan, "a", A);
        attach(lan, "b", B);
        for (int i = 0; i < 40; i++) {
            a.transmit(frameTo(B, A));
        }
        sim.runAll();
        return List.copyOf(recorded);
    }
}
