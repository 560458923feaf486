package io.stackbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaleRunTest {

    @Test
    void ringOfThreeGetsEveryReply() {
        ScaleRun.Result result = ScaleRun.run(3);

        assertThat(result.echoErrors()).as("echo errors, first: %s", result.firstEchoError()).isZero();
        assertThat(result.echoReplies()).isEqualTo(30);
        assertThat(result.allRepliesReceived()).isTrue();
    }

    @Test
    void ringOfThreeCountsTheWire() {
        ScaleRun.Result result = ScaleRun.run(3);

        // Per node: one ARP announcement, one ARP request, one ARP reply, ten echo requests and ten replies.
        assertThat(result.framesOnWire()).isEqualTo(3 * 23);
        // Broadcasts (announcement and request) reach two receivers, unicasts one.
        assertThat(result.framesDelivered()).isEqualTo(3 * (2 * 2 + 21));
        assertThat(result.eventsRun()).isPositive();
    }

    @Test
    void sizesRejectOneNode() {
        assertThatThrownBy(() -> ScaleRun.parseSizes(new String[] {"1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid N 1");
    }

    @Test
    void sizesDefaultToThreeRuns() {
        assertThat(ScaleRun.parseSizes(new String[0])).containsExactly(10, 100, 1000);
    }
}
