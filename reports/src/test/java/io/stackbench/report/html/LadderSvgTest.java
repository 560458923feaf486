package io.stackbench.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.report.ScenarioOutcome;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG of ladder diagrams: one group per frame or fold, styles by class, and titles. */
class LadderSvgTest {

    private static final Pattern FRAME_GROUP = Pattern.compile("<g class=\"frame[ \"]");

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    private static int count(String needle, String text) {
        return count(Pattern.compile(Pattern.quote(needle)), text);
    }

    @Test
    void oneGroupPerFrame() {
        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), Goldens.capture("arp/ping-two-stacks")).build(LadderBuilder.FOLD_ABOVE);

        String svg = LadderSvg.render(ladder, "ping");

        assertThat(svg).startsWith("<svg class=\"ladder\" xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(svg).endsWith("</svg>");
        assertThat(count(FRAME_GROUP, svg)).isEqualTo(10);
        assertThat(count("<title>", svg)).isEqualTo(10);
        assertThat(count("<text class=\"node\"", svg)).isEqualTo(2);
        assertThat(count("class=\"frame broadcast\"", svg)).isEqualTo(3);
        assertThat(svg).contains(">ARP who-has 10.0.0.2 tell 10.0.0.1</text>");
        assertThat(svg).contains(">ARP 10.0.0.2 is-at 02:00:00:00:00:0b</text>");
        assertThat(svg).doesNotContain("folded");
    }

    @Test
    void titleHasTimeMacsAndComment() {
        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), Goldens.capture("arp/ping-two-stacks")).build(LadderBuilder.FOLD_ABOVE);

        String svg = LadderSvg.render(ladder, "ping");

        assertThat(svg).contains("<title>#3 at 1s on lan, 02:00:00:00:00:0a → ff:ff:ff:ff:ff:ff\nARP who-has 10.0.0.2 tell 10.0.0.1\n"
                + "broadcast to every other node of the segment\ncomment: step ping-b: ping 10.0.0.2 seq 0</title>");
    }

    @Test
    void lostFrameIsDashedWithCross() {
        List<ScenarioOutcome.Node> nodes = List.of(Goldens.stack("a", "02:00:00:00:00:0a"), Goldens.responder("b", "02:00:00:00:00:0b"));
        Ladder ladder = new LadderBuilder(nodes, Goldens.capture("ipv4/lossy-link-seeded")).build(LadderBuilder.FOLD_ABOVE);

        String svg = LadderSvg.render(ladder, "lossy");

        assertThat(count(FRAME_GROUP, svg)).isEqualTo(43);
        assertThat(count(" lost\"", svg)).isEqualTo(6);
        assertThat(count("<path class=\"cross\"", svg)).isEqualTo(6);
        assertThat(svg).contains("class=\"frame broadcast lost\" data-frame=\"2\"");
        assertThat(svg).contains(">ICMP echo reply seq=0 (lost)</text>");
        assertThat(svg).contains("comment: b: echo reply from 10.0.0.2 seq 0; lost on link lan (seeded loss 0.25)</title>");
    }

    @Test
    void floodedFrameIsLabelled() {
        List<ScenarioOutcome.Node> nodes = List.of(Goldens.stack("host", "02:00:00:00:00:01"),
                Goldens.responder("peer", "02:00:00:00:00:09", "02:00:00:00:00:99"));
        Ladder ladder = new LadderBuilder(nodes, Goldens.capture("arp/gratuitous-moves-entry")).build(LadderBuilder.FOLD_ABOVE);

        String svg = LadderSvg.render(ladder, "moves");

        assertThat(svg).contains("class=\"frame flooded\" data-frame=\"7\"");
        assertThat(svg).contains(">ICMP echo request seq=0 (flooded)</text>");
        assertThat(svg).contains("no node owns the destination MAC, so the segment floods the frame");
    }

    @Test
    void foldIsOneGroup() {
        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), Goldens.repeatedEchoes(40)).build(LadderBuilder.FOLD_ABOVE);

        String svg = LadderSvg.render(ladder, "echoes");

        assertThat(count(FRAME_GROUP, svg)).isEqualTo(6);
        assertThat(count("<g class=\"folded\"", svg)).isEqualTo(1);
        assertThat(svg).contains("<g class=\"folded\" data-frames=\"74\">");
        assertThat(svg).contains(">… 37 more echo exchanges …</text>");
        assertThat(svg).contains("frames #5 to #78 (74 frames) from 3s to 39.00005s are folded");
    }

    @Test
    void markedFrameIsHighlighted() {
        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), Goldens.capture("arp/ping-two-stacks")).window(4, 2);

        String svg = LadderSvg.render(ladder, "window");

        assertThat(count(FRAME_GROUP, svg)).isEqualTo(5);
        assertThat(count(" marked\"", svg)).isEqualTo(1);
        assertThat(svg).contains("class=\"frame unicast marked\" data-frame=\"5\"");
        assertThat(count("<rect class=\"mark\"", svg)).isEqualTo(1);
    }

    @Test
    void captionIsEscaped() {
        Ladder ladder = new LadderBuilder(Goldens.twoStacks(), Goldens.capture("arp/ping-two-stacks")).window(0, 0);

        String svg = LadderSvg.render(ladder, "a <b> & \"c\"");

        assertThat(svg).contains("aria-label=\"a &lt;b&gt; &amp; &quot;c&quot;\"");
    }
}
