package io.stackbench.stack;

import io.stackbench.sim.spi.EchoListener;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** An {@link EchoListener} that records every outcome in arrival order. */
public final class RecordingEchoListener implements EchoListener {

    /** One echo reply as the stack reported it. */
    public record Reply(InetAddress from, int sequence, int payloadLength, int ttl) {
    }

    /** One failure as the stack reported it. */
    public record Error(int sequence, String reason) {
    }

    private final List<Reply> replies = new ArrayList<>();
    private final List<Error> errors = new ArrayList<>();

    @Override
    public void onReply(InetAddress from, int sequence, int payloadLength, int ttl) {
        replies.add(new Reply(from, sequence, payloadLength, ttl));
    }

    @Override
    public void onError(int sequence, String reason) {
        errors.add(new Error(sequence, reason));
    }

    public List<Reply> replies() {
        return replies;
    }

    public List<Error> errors() {
        return errors;
    }
}
