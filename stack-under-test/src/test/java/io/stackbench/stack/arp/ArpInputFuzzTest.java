package io.stackbench.stack.arp;

import static io.stackbench.stack.StackFixture.OTHER_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.PEER_NEW_MAC;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.Frames;
import io.stackbench.stack.StackFixture;
import io.stackbench.stack.StackHealth;
import io.stackbench.stack.wire.EtherType;

/**
 * Any bytes as the payload of an ARP frame, sent once to the broadcast MAC and once to ours. The
 * stack starts with a resolved peer and an INCOMPLETE entry, so fuzzed packets can reach the merge,
 * reply and resolution paths.
 */
class ArpInputFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void arpPayload(byte[] payload) {
        StackFixture fixture = StackFixture.started();
        fixture.learnPeer();
        fixture.ping(OTHER_ADDRESS, 1, 1, 8);

        fixture.receive(Frames.ethernet(MacAddress.BROADCAST, PEER_NEW_MAC, EtherType.ARP, payload));
        fixture.receive(Frames.ethernet(OUR_MAC, PEER_NEW_MAC, EtherType.ARP, payload));

        StackHealth.assertNoInternalError(fixture);
        StackHealth.assertAnswersPing(fixture);
        StackHealth.assertNoInternalError(fixture);
    }
}
