package io.stackbench.sim.net;

/** Receives every frame a segment puts on the wire, for the run's capture. */
@FunctionalInterface
public interface FrameRecorder {

    FrameRecorder NONE = (segment, time, frame, comment) -> { };

    /**
     * Records one frame as seen on {@code segment} at simulated time {@code time}.
     *
     * @param comment why the frame exists or what the link did to it, or null
     */
    void record(Segment segment, long time, byte[] frame, String comment);
}
