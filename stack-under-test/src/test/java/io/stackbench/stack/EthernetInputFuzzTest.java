package io.stackbench.stack;

import static io.stackbench.stack.StackFixture.OTHER_ADDRESS;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes as an Ethernet frame: DualStack never throws, no layer throws behind its catch, and the
 * stack still answers a ping afterwards. The seeds in {@code EthernetInputFuzzTestInputs} run as
 * regression tests in every build; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class EthernetInputFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyFrame(byte[] frame) {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        // An INCOMPLETE entry, so that fuzzed ARP can also reach the resolution path.
        fixture.ping(OTHER_ADDRESS, 1, 1, 8);

        fixture.receive(frame);

        StackHealth.assertNoInternalError(fixture);
        StackHealth.assertAnswersPing(fixture);
        StackHealth.assertNoInternalError(fixture);
    }
}
