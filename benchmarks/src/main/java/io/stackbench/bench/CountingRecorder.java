package io.stackbench.bench;

import io.stackbench.sim.net.FrameRecorder;
import io.stackbench.sim.net.Segment;

/** A frame recorder that counts the frames put on the wire and keeps none of them. */
final class CountingRecorder implements FrameRecorder {

    private long frames;

    @Override
    public void record(Segment segment, long time, byte[] frame, String comment) {
        frames++;
    }

    long frames() {
        return frames;
    }
}
