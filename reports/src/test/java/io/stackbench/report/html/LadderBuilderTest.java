package io.stackbench.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.report.ScenarioOutcome;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Column mapping, delivery styles and folding of ladder diagrams, on captures of library scenarios. */
class LadderBuilderTest {

    private static Ladder.Arrow arrow(Ladder ladder, int number) {
        for (Ladder.Row row : ladder.rows()) {
            if (row instanceof Ladder.Arrow arrow && arrow.number() == number) {
                return arrow;
            }
        }
        throw new AssertionError("no arrow for frame " + number + " in " + ladder.rows());
    }

    private static List<Ladder.Fold> folds(Ladder ladder) {
        List<Ladder.Fold> folds = new ArrayList<>();
        for (Ladder.Row row : ladder.rows()) {
            if (row instanceof Ladder.Fold fold) {
                folds.add(fold);
            }
        }
        return folds;
    }

    private static long arrowCount(Ladder ladder) {
        return ladder.rows().stream().filter(row -> row instanceof Ladder.Arrow).count();
    }

    // ---- columns and labels ----

    @Test
    void columnsFollowNodeOrder() {
        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), Goldens.capture("arp/ping-two-stacks")).build(LadderBuilder.FOLD_ABOVE);

        assertThat(ladder.columns()).extracting(Ladder.Column::name).containsExactly("a", "b");
        assertThat(ladder.columns().get(0).detail()).isEqualTo("stack · 02:00:00:00:00:0a · lan");
        assertThat(ladder.rows()).hasSize(10);
    }

    @Test
    void pingTwoStacksLabelsAndDirections() {
        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), Goldens.capture("arp/ping-two-stacks")).build(LadderBuilder.FOLD_ABOVE);

        Ladder.Arrow announce = arrow(ladder, 1);
        assertThat(announce.label().text()).isEqualTo("gratuitous ARP 10.0.0.1");
        assertThat(announce.from()).isZero();

        Ladder.Arrow request = arrow(ladder, 3);
        assertThat(request.label().text()).isEqualTo("ARP who-has 10.0.0.2 tell 10.0.0.1");
        assertThat(request.from()).isZero();
        assertThat(request.to()).containsExactly(1);
        assertThat(request.delivery()).isEqualTo(Ladder.Delivery.BROADCAST);
        assertThat(request.comment()).isEqualTo("step ping-b: ping 10.0.0.2 seq 0");

        Ladder.Arrow reply = arrow(ladder, 4);
        assertThat(reply.label().text()).isEqualTo("ARP 10.0.0.2 is-at 02:00:00:00:00:0b");
        assertThat(reply.from()).isEqualTo(1);
        assertThat(reply.to()).containsExactly(0);
        assertThat(reply.delivery()).isEqualTo(Ladder.Delivery.UNICAST);

        Ladder.Arrow echo = arrow(ladder, 5);
        assertThat(echo.label().text()).isEqualTo("ICMP echo request seq=0");
        assertThat(echo.label().kind()).isEqualTo("ICMP echo request");
        assertThat(echo.from()).isZero();
        assertThat(echo.to()).containsExactly(1);
        assertThat(echo.source()).isEqualTo("02:00:00:00:00:0a");
        assertThat(echo.destination()).isEqualTo("02:00:00:00:00:0b");

        assertThat(arrow(ladder, 6).label().text()).isEqualTo("ICMP echo reply seq=0");
        assertThat(arrow(ladder, 10).label().text()).isEqualTo("ICMP echo reply seq=2");
    }

    @Test
    void broadcastFansOutToEveryOtherNode() {
        List<ScenarioOutcome.Node> nodes = List.of(Goldens.stack("a", "02:00:00:00:00:0a"), Goldens.stack("b", "02:00:00:00:00:0b"),
                Goldens.responder("c", "02:00:00:00:00:0c"));

        Ladder ladder = new LadderBuilder(nodes, Goldens.capture("arp/request-for-other-host")).build(LadderBuilder.FOLD_ABOVE);

        Ladder.Arrow request = arrow(ladder, 3);
        assertThat(request.label().text()).isEqualTo("ARP who-has 10.0.0.3 tell 10.0.0.2");
        assertThat(request.from()).isEqualTo(1);
        assertThat(request.to()).containsExactly(0, 2);
        assertThat(request.delivery()).isEqualTo(Ladder.Delivery.BROADCAST);

        Ladder.Arrow reply = arrow(ladder, 4);
        assertThat(reply.from()).isEqualTo(2);
        assertThat(reply.to()).containsExactly(1);
    }

    @Test
    void lostFramesAreMarkedLost() {
        List<ScenarioOutcome.Node> nodes = List.of(Goldens.stack("a", "02:00:00:00:00:0a"), Goldens.responder("b", "02:00:00:00:00:0b"));

        Ladder ladder = new LadderBuilder(nodes, Goldens.capture("ipv4/lossy-link-seeded")).build(LadderBuilder.FOLD_ABOVE);

        Ladder.Arrow lostRequest = arrow(ladder, 2);
        assertThat(lostRequest.lost()).isTrue();
        assertThat(lostRequest.delivery()).isEqualTo(Ladder.Delivery.BROADCAST);
        assertThat(lostRequest.comment()).contains("lost on link lan");

        Ladder.Arrow lostReply = arrow(ladder, 8);
        assertThat(lostReply.lost()).isTrue();
        assertThat(lostReply.label().text()).isEqualTo("ICMP echo reply seq=0");
        assertThat(lostReply.from()).isEqualTo(1);

        assertThat(arrow(ladder, 9).lost()).isFalse();
        long lost = ladder.rows().stream().filter(row -> row instanceof Ladder.Arrow arrow && arrow.lost()).count();
        assertThat(lost).isEqualTo(6);
    }

    @Test
    void unknownDestinationMacIsFlooded() {
        List<ScenarioOutcome.Node> nodes = List.of(Goldens.stack("host", "02:00:00:00:00:01"),
                Goldens.responder("peer", "02:00:00:00:00:09", "02:00:00:00:00:99"));

        Ladder ladder = new LadderBuilder(nodes, Goldens.capture("arp/gratuitous-moves-entry")).build(LadderBuilder.FOLD_ABOVE);

        Ladder.Arrow announce = arrow(ladder, 6);
        assertThat(announce.label().text()).isEqualTo("gratuitous ARP 10.0.0.9");
        assertThat(announce.from()).as("sent from the peer's announced MAC").isEqualTo(1);

        Ladder.Arrow echo = arrow(ladder, 7);
        assertThat(echo.destination()).isEqualTo("02:00:00:00:00:99");
        assertThat(echo.delivery()).isEqualTo(Ladder.Delivery.FLOODED);
        assertThat(echo.to()).containsExactly(1);

        assertThat(arrow(ladder, 4).delivery()).isEqualTo(Ladder.Delivery.UNICAST);
        assertThat(ladder.columns()).hasSize(2);
    }

    @Test
    void unknownSenderGetsOwnColumn() {
        List<ScenarioOutcome.Node> onlyA = List.of(Goldens.stack("a", "02:00:00:00:00:0a"));

        Ladder ladder = new LadderBuilder(onlyA, Goldens.capture("arp/ping-two-stacks")).build(LadderBuilder.FOLD_ABOVE);

        assertThat(ladder.columns()).extracting(Ladder.Column::name).containsExactly("a", "unknown sender");
        assertThat(arrow(ladder, 4).from()).isEqualTo(1);
        assertThat(arrow(ladder, 4).to()).containsExactly(0);
        assertThat(arrow(ladder, 3).from()).isZero();
        assertThat(arrow(ladder, 3).to()).as("no other node is on the segment").isEmpty();
    }

    @Test
    void segmentWithoutOtherNodesHasNoReceiver() {
        List<ScenarioOutcome.Node> alone = List.of(new ScenarioOutcome.Node("host", "stack", "lan", "52:54:00:12:34:56", List.of()));

        Ladder ladder = new LadderBuilder(alone, Goldens.capture("arp/gratuitous-at-boot")).build(LadderBuilder.FOLD_ABOVE);

        assertThat(ladder.rows()).hasSize(1);
        assertThat(arrow(ladder, 1).to()).isEmpty();
        assertThat(arrow(ladder, 1).label().text()).isEqualTo("gratuitous ARP 192.168.7.20");
    }

    // ---- folding ----

    @Test
    void longEchoRunIsFolded() {
        Capture capture = Goldens.repeatedEchoes(40);

        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), capture).build(LadderBuilder.FOLD_ABOVE);

        assertThat(folds(ladder)).hasSize(1);
        Ladder.Fold fold = folds(ladder).get(0);
        assertThat(fold.text()).isEqualTo("… 37 more echo exchanges …");
        assertThat(fold.frames()).isEqualTo(74);
        assertThat(fold.firstNumber()).isEqualTo(5);
        assertThat(fold.lastNumber()).isEqualTo(78);
        assertThat(arrowCount(ladder)).isEqualTo(6);
        assertThat(ladder.rows()).hasSize(7);
        assertThat(ladder.rows().get(4)).isSameAs(fold);
        assertThat(((Ladder.Arrow) ladder.rows().get(6)).number()).isEqualTo(80);
    }

    @Test
    void longDiagramKeepsStartAndEnd() {
        List<Ladder.Row> rows = new LadderBuilder(Goldens.twoStacks(), Goldens.repeatedEchoes(300)).window(0, 1_000).rows();

        List<Ladder.Row> cut = LadderBuilder.cut(rows, LadderBuilder.MAX_ROWS);

        assertThat(rows).hasSize(600);
        assertThat(cut).hasSize(LadderBuilder.MAX_ROWS);
        assertThat(((Ladder.Arrow) cut.get(338)).number()).isEqualTo(339);
        Ladder.Fold omitted = (Ladder.Fold) cut.get(339);
        assertThat(omitted.firstNumber()).isEqualTo(340);
        assertThat(omitted.lastNumber()).isEqualTo(540);
        assertThat(omitted.frames()).isEqualTo(201);
        assertThat(omitted.text()).isEqualTo("… 201 frames not drawn (#340 to #540): open the capture in Wireshark to see them …");
        assertThat(((Ladder.Arrow) cut.get(340)).number()).isEqualTo(541);
        assertThat(((Ladder.Arrow) cut.get(LadderBuilder.MAX_ROWS - 1)).number()).isEqualTo(600);
    }

    @Test
    void diagramWithinRowLimitIsNotCut() {
        List<Ladder.Row> rows = new LadderBuilder(Goldens.twoStacks(), Goldens.repeatedEchoes(200)).window(0, 1_000).rows();

        assertThat(LadderBuilder.cut(rows, LadderBuilder.MAX_ROWS)).isSameAs(rows);
    }

    @Test
    void lossyTransferLadderIsCut() {
        Capture capture = Goldens.capture("tcp/lossy-10mb-transfer");
        List<ScenarioOutcome.Node> nodes = List.of(Goldens.stack("a", "02:00:00:00:00:0a"), Goldens.stack("b", "02:00:00:00:00:0b"));

        Ladder ladder = new LadderBuilder(nodes, capture).build(LadderBuilder.FOLD_ABOVE);

        assertThat(ladder.rows()).hasSize(LadderBuilder.MAX_ROWS);
        assertThat(folds(ladder)).filteredOn(fold -> fold.text().contains("frames not drawn")).hasSize(1);
        assertThat(((Ladder.Arrow) ladder.rows().get(LadderBuilder.MAX_ROWS - 1)).number()).isEqualTo(capture.frames().size());
    }

    @Test
    void shortCaptureIsNotFolded() {
        Capture capture = Goldens.repeatedEchoes(30);

        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), capture).build(LadderBuilder.FOLD_ABOVE);

        assertThat(capture.frames()).hasSize(LadderBuilder.FOLD_ABOVE);
        assertThat(folds(ladder)).isEmpty();
        assertThat(arrowCount(ladder)).isEqualTo(60);
    }

    @Test
    void lostFrameSplitsFoldedRun() {
        Capture echoes = Goldens.repeatedEchoes(40);
        List<CapturedFrame> frames = new ArrayList<>(echoes.frames());
        CapturedFrame middle = frames.get(39);
        frames.set(39, middle.withComment("lost on link lan (seeded loss 0.25)"));
        Capture capture = new Capture(null, echoes.interfaces(), frames, List.of(), List.of());

        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), capture).build(LadderBuilder.FOLD_ABOVE);

        assertThat(folds(ladder)).hasSize(2);
        Ladder.Arrow lost = arrow(ladder, 40);
        assertThat(lost.lost()).isTrue();
        int foldedFrames = folds(ladder).stream().mapToInt(Ladder.Fold::frames).sum();
        assertThat(arrowCount(ladder) + foldedFrames).isEqualTo(80);
    }

    @Test
    void singleFrameRunNamesItsKind() {
        Capture ping = Goldens.capture("arp/ping-two-stacks");
        CapturedFrame announce = ping.frames().get(0);
        List<CapturedFrame> frames = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            frames.add(new CapturedFrame(0, i * 1_000_000L, announce.data()));
        }
        Capture capture = new Capture(null, ping.interfaces(), frames, List.of(), List.of());

        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), capture).build(LadderBuilder.FOLD_ABOVE);

        assertThat(folds(ladder)).hasSize(1);
        assertThat(folds(ladder).get(0).text()).isEqualTo("… 67 more gratuitous ARP 10.0.0.1 frames …");
        assertThat(arrowCount(ladder)).isEqualTo(3);
    }

    // ---- window ----

    @Test
    void windowMarksCenterFrame() {
        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), Goldens.capture("arp/ping-two-stacks")).window(4, 2);

        assertThat(ladder.rows()).extracting(row -> ((Ladder.Arrow) row).number()).containsExactly(3, 4, 5, 6, 7);
        assertThat(ladder.rows()).extracting(row -> ((Ladder.Arrow) row).marked()).containsExactly(false, false, true, false, false);
    }

    @Test
    void windowPastEndShowsLastFrames() {
        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), Goldens.capture("arp/ping-two-stacks")).window(10, 3);

        assertThat(ladder.rows()).extracting(row -> ((Ladder.Arrow) row).number()).containsExactly(8, 9, 10);
        assertThat(ladder.rows()).noneMatch(row -> ((Ladder.Arrow) row).marked());
    }
}
