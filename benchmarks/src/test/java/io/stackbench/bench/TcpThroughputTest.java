package io.stackbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TcpThroughputTest {

    @Test
    void losslessFlowDeliversEveryByte() {
        TcpThroughput.Result result = TcpThroughput.run(3_000_000, 0.0);

        assertThat(result.received()).isEqualTo(3_000_000);
        assertThat(result.firstMismatch()).as("offset of the first byte that differs from the pattern").isEqualTo(-1);
        assertThat(result.stalled()).isFalse();
        assertThat(result.retransmissions()).isZero();
        assertThat(result.delivered()).isTrue();
    }

    @Test
    void lossyFlowRetransmitsAndDelivers() {
        TcpThroughput.Result result = TcpThroughput.run(200_000, TcpThroughput.LOSSY_LOSS);

        assertThat(result.received()).isEqualTo(200_000);
        assertThat(result.firstMismatch()).isEqualTo(-1);
        assertThat(result.retransmissions()).as("retransmissions over a link that loses 1%").isPositive();
        assertThat(result.delivered()).isTrue();
    }

    @Test
    void losslessFlowNearsLinkRate() {
        TcpThroughput.Result result = TcpThroughput.run(3_000_000, 0.0);

        // 1440 payload bytes travel in 1514-byte frames plus 20 bytes of preamble and gap that the
        // link does not model, so payload cannot exceed 1440/1514 of 10 Gbit/s.
        assertThat(result.simulatedBitsPerSecond()).isBetween(8e9, 10e9 * 1440 / 1514);
    }

    @Test
    void sizeSuffixesArePowersOfThousand() {
        assertThat(TcpThroughput.parseSize("1G")).isEqualTo(1_000_000_000L);
        assertThat(TcpThroughput.parseSize("100M")).isEqualTo(100_000_000L);
        assertThat(TcpThroughput.parseSize("5k")).isEqualTo(5_000L);
        assertThat(TcpThroughput.parseSize("123")).isEqualTo(123L);
    }

    @Test
    void sizeRejectsText() {
        assertThatThrownBy(() -> TcpThroughput.parseSize("lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid size 'lots'");
    }
}
