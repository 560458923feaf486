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
        assertThat(result.delivered()).isTrue();
    }

    @Test
    void losslessFlowRepairsQueueDropsFast() {
        TcpThroughput.Result result = TcpThroughput.run(3_000_000, 0.0);

        // The link loses nothing, but slow start outgrows the 256 KiB transmit queue, which drops
        // frames. Fast retransmit must repair them, with no retransmission timeout.
        assertThat(result.transmitDrops()).as("frames dropped by the sender's transmit queue").isPositive();
        assertThat(result.retransmissions()).as("segments sent again after transmit queue drops").isPositive();
        assertThat(result.fastRetransmits()).isPositive();
        assertThat(result.timeoutEpisodes()).as("retransmission timeouts").isZero();
    }

    @Test
    void lossyFlowRetransmitsAndDelivers() {
        TcpThroughput.Result result = TcpThroughput.run(200_000, TcpThroughput.LOSSY_LOSS);

        assertThat(result.received()).isEqualTo(200_000);
        assertThat(result.firstMismatch()).isEqualTo(-1);
        assertThat(result.retransmissions()).as("retransmissions over a link that loses 1%").isPositive();
        assertThat(result.fastRetransmits() + result.timeoutEpisodes()).as("fast retransmits and timeouts that started them").isPositive();
        assertThat(result.delivered()).isTrue();
    }

    @Test
    void losslessFlowNearsLinkRate() {
        // A shorter flow spends too much of its time in slow start and in repairing the drops of
        // the transmit queue: 3 MB reach only about 5.6 Gbit/s.
        TcpThroughput.Result result = TcpThroughput.run(30_000_000, 0.0);

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
