package io.stackbench.stack.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.stackbench.stack.tcp.CongestionControl.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 5681 and RFC 6582 on the congestion control alone, with SMSS 1000 and ISS 0. */
class CongestionControlTest {

    private static final long SMSS = 1_000;
    private static final long ISS = 0;

    private static CongestionControl started() {
        CongestionControl cc = new CongestionControl();
        cc.initialize(SMSS, false, ISS);
        return cc;
    }

    /** Puts the sender into fast recovery with 10 segments outstanding from sequence 1 to 10,001. */
    private static CongestionControl inRecovery() {
        CongestionControl cc = started();
        for (int i = 0; i < 3; i++) {
            cc.onDuplicateAck(1, 10 * SMSS, 10_001);
        }
        assertThat(cc.inRecovery()).isTrue();
        return cc;
    }

    @ParameterizedTest(name = "SMSS {0} gives IW {1}")
    @CsvSource({"536, 2144", "1095, 4380", "1096, 3288", "1460, 4380", "2190, 6570", "2191, 4382", "8960, 17920"})
    void initialWindowFollowsEquationOne(long smss, long initialWindow) {
        assertThat(CongestionControl.initialWindow(smss)).isEqualTo(initialWindow);
    }

    @Test
    void lostSynLeavesOneSegment() {
        CongestionControl cc = new CongestionControl();

        cc.initialize(SMSS, true, ISS);

        assertThat(cc.cwnd()).isEqualTo(SMSS);
    }

    @Test
    void initialSsthreshIsTheLargestWindow() {
        assertThat(started().ssthresh()).isEqualTo(65_535L << 14);
    }

    @Test
    void slowStartAddsAtMostOneSegmentPerAck() {
        CongestionControl cc = started();

        cc.onNewAck(1_001, SMSS, 3 * SMSS);
        assertThat(cc.cwnd()).isEqualTo(5 * SMSS);
        cc.onNewAck(3_001, 2 * SMSS, SMSS);
        assertThat(cc.cwnd()).isEqualTo(6 * SMSS);
        cc.onNewAck(3_101, 100, SMSS);
        assertThat(cc.cwnd()).isEqualTo(6 * SMSS + 100);
    }

    @Test
    void congestionAvoidanceAddsOneSegmentPerWindowAcknowledged() {
        CongestionControl cc = started();
        cc.onRetransmissionTimeout(8 * SMSS, 8_001, true);
        // ssthresh 4000, cwnd 1000: slow start up to 4000.
        for (int i = 0; i < 3; i++) {
            cc.onNewAck(1_001 + i * SMSS, SMSS, 0);
        }
        assertThat(cc.cwnd()).isEqualTo(4 * SMSS);
        assertThat(cc.inSlowStart()).isFalse();

        for (int i = 0; i < 3; i++) {
            cc.onNewAck(4_001 + i * SMSS, SMSS, 0);
            assertThat(cc.cwnd()).isEqualTo(4 * SMSS);
        }
        cc.onNewAck(8_001, SMSS, 0);

        assertThat(cc.cwnd()).isEqualTo(5 * SMSS);
    }

    @Test
    void firstTwoDuplicatesAllowLimitedTransmit() {
        CongestionControl cc = started();

        assertThat(cc.onDuplicateAck(1, 4 * SMSS, 4_001)).isEqualTo(Response.NONE);
        assertThat(cc.sendWindow()).isEqualTo(5 * SMSS);
        assertThat(cc.onDuplicateAck(1, 4 * SMSS, 4_001)).isEqualTo(Response.NONE);
        assertThat(cc.sendWindow()).isEqualTo(6 * SMSS);
        assertThat(cc.cwnd()).isEqualTo(4 * SMSS);
    }

    @Test
    void thirdDuplicateStartsFastRetransmit() {
        CongestionControl cc = started();
        cc.onDuplicateAck(1, 10 * SMSS, 10_001);
        cc.onDuplicateAck(1, 10 * SMSS, 10_001);

        Response response = cc.onDuplicateAck(1, 10 * SMSS, 10_001);

        assertThat(response).isEqualTo(Response.FAST_RETRANSMIT);
        assertThat(cc.ssthresh()).isEqualTo(5 * SMSS);
        assertThat(cc.cwnd()).isEqualTo(8 * SMSS);
        assertThat(cc.recover()).isEqualTo(10_000);
    }

    @Test
    void limitedTransmitDataStaysOutOfSsthresh() {
        CongestionControl cc = started();
        cc.onDuplicateAck(1, 8 * SMSS, 8_001);
        cc.onNewDataSent(SMSS);
        cc.onDuplicateAck(1, 9 * SMSS, 9_001);
        cc.onNewDataSent(SMSS);

        cc.onDuplicateAck(1, 10 * SMSS, 10_001);

        assertThat(cc.ssthresh()).isEqualTo(4 * SMSS);
    }

    @Test
    void ssthreshIsAtLeastTwoSegments() {
        CongestionControl cc = started();
        for (int i = 0; i < 3; i++) {
            cc.onDuplicateAck(1, 2 * SMSS, 2_001);
        }

        assertThat(cc.ssthresh()).isEqualTo(2 * SMSS);
    }

    @Test
    void duplicatesNotBeyondRecoverStartNothing() {
        CongestionControl cc = started();
        cc.onRetransmissionTimeout(10 * SMSS, 10_001, true);

        for (int i = 0; i < 3; i++) {
            assertThat(cc.onDuplicateAck(5_001, 5 * SMSS, 10_001)).isEqualTo(Response.NONE);
        }

        assertThat(cc.inRecovery()).isFalse();
        assertThat(cc.ssthresh()).isEqualTo(5 * SMSS);
        assertThat(cc.cwnd()).isEqualTo(SMSS);
    }

    @Test
    void recoveryDuplicatesInflateByOneSegment() {
        CongestionControl cc = inRecovery();

        cc.onDuplicateAck(1, 10 * SMSS, 10_001);

        assertThat(cc.cwnd()).isEqualTo(9 * SMSS);
    }

    @Test
    void partialAckDeflatesAndAddsBackOneSegment() {
        CongestionControl cc = inRecovery();

        Response first = cc.onNewAck(3_001, 3 * SMSS, 7 * SMSS);
        assertThat(first).isEqualTo(Response.FIRST_PARTIAL_ACK);
        assertThat(cc.cwnd()).isEqualTo(8 * SMSS - 3 * SMSS + SMSS);

        Response second = cc.onNewAck(3_501, 500, 6 * SMSS + 500);
        assertThat(second).isEqualTo(Response.PARTIAL_ACK);
        assertThat(cc.cwnd()).isEqualTo(6 * SMSS - 500);
        assertThat(cc.inRecovery()).isTrue();
    }

    @Test
    void fullAckDeflatesToSsthreshAtMost() {
        CongestionControl cc = inRecovery();

        Response response = cc.onNewAck(10_001, 10 * SMSS, 0);

        assertThat(response).isEqualTo(Response.RECOVERY_ENDED);
        assertThat(cc.inRecovery()).isFalse();
        // min(ssthresh, max(FlightSize, SMSS) + SMSS) with nothing outstanding.
        assertThat(cc.cwnd()).isEqualTo(2 * SMSS);
    }

    @Test
    void fullAckWithDataOutstandingDeflatesToSsthresh() {
        CongestionControl cc = inRecovery();

        cc.onNewAck(12_001, 10 * SMSS, 6 * SMSS);

        assertThat(cc.cwnd()).isEqualTo(5 * SMSS);
    }

    @Test
    void retransmissionTimeoutKeepsSsthreshOfFirstTimeout() {
        CongestionControl cc = started();

        cc.onRetransmissionTimeout(10 * SMSS, 10_001, true);
        assertThat(cc.ssthresh()).isEqualTo(5 * SMSS);
        assertThat(cc.cwnd()).isEqualTo(SMSS);
        assertThat(cc.recover()).isEqualTo(10_000);

        cc.onRetransmissionTimeout(10 * SMSS, 10_001, false);
        assertThat(cc.ssthresh()).isEqualTo(5 * SMSS);
        assertThat(cc.cwnd()).isEqualTo(SMSS);
    }

    @Test
    void retransmissionTimeoutEndsRecovery() {
        CongestionControl cc = inRecovery();

        cc.onRetransmissionTimeout(10 * SMSS, 12_001, true);

        assertThat(cc.inRecovery()).isFalse();
        assertThat(cc.recover()).isEqualTo(12_000);
    }

    @Test
    void idleRestartReturnsToInitialWindow() {
        CongestionControl cc = started();
        for (int i = 0; i < 6; i++) {
            cc.onNewAck(1_001 + i * SMSS, SMSS, 0);
        }
        assertThat(cc.cwnd()).isEqualTo(10 * SMSS);

        cc.restartAfterIdle();

        assertThat(cc.cwnd()).isEqualTo(4 * SMSS);
    }
}
