package io.stackbench.stack;

import static io.stackbench.stack.StackFixture.OUR_ADDRESS;
import static io.stackbench.stack.StackFixture.OUR_MAC;
import static io.stackbench.stack.StackFixture.PEER_ADDRESS;
import static io.stackbench.stack.StackFixture.PEER_MAC;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.net.MacAddress;
import io.stackbench.stack.wire.Icmpv4Repr;
import io.stackbench.stack.wire.IpProtocol;
import java.util.List;

/**
 * Checks shared by the fuzz and replay tests. They fail when a layer threw behind DualStack's catch,
 * or when the stack no longer replies to a normal ping from {@link StackFixture#PEER_ADDRESS}.
 */
public final class StackHealth {

    /** Simulated time given to timers that the input started, such as ARP retransmissions. */
    public static final long SETTLE_TIME = SimTime.seconds(5);

    private static final byte[] PING_DATA = Frames.counting(24);

    private StackHealth() {
    }

    /**
     * Fails unless {@code drop.internal-error} is 0. DualStack counts that reason when a layer threw
     * and the exception was caught at ingress, so any count is a bug in a layer.
     */
    public static void assertNoInternalError(StackFixture fixture) {
        long internalErrors = fixture.counter("drop.internal-error");
        if (internalErrors != 0) {
            throw new AssertionError("a layer threw on " + internalErrors + " input(s): "
                    + fixture.host().events().stream().filter(event -> event.kind().equals("internal-error")).toList());
        }
    }

    /**
     * Runs the timers for {@link #SETTLE_TIME}, then makes the peer ask for our MAC and ping us, and
     * fails unless an echo reply with the request's identifier, sequence number and data goes to the
     * peer's MAC. The ARP request first refreshes any cache entry that earlier input left for the peer.
     */
    public static void assertAnswersPing(StackFixture fixture) {
        fixture.runUntil(fixture.now() + SETTLE_TIME);
        fixture.takeSent();

        fixture.receive(Frames.arpFrame(MacAddress.BROADCAST, Frames.arpRequest(PEER_MAC, PEER_ADDRESS, OUR_ADDRESS)));
        byte[] echo = Frames.icmpv4(new Icmpv4Repr.EchoRequest(0x5eed, 1, PING_DATA));
        fixture.receive(Frames.ipv4Frame(OUR_MAC, PEER_MAC, Frames.ipv4(PEER_ADDRESS, OUR_ADDRESS, IpProtocol.ICMP, echo)));

        Icmpv4Repr expected = new Icmpv4Repr.EchoReply(0x5eed, 1, PING_DATA);
        List<SentFrame> sent = fixture.takeSent();
        for (SentFrame frame : sent) {
            if (frame.isIpv4() && frame.ethernet().destination().equals(PEER_MAC)
                    && frame.ipv4().protocol().equals(IpProtocol.ICMP) && frame.icmpv4().equals(expected)) {
                return;
            }
        }
        throw new AssertionError("the stack sent no echo reply to a normal ping; it sent " + sent);
    }
}
