package io.stackbench.sim.net;

import java.util.Set;
import java.util.TreeSet;

/**
 * One network interface of a node: a MAC address attached to one segment, with a state (up or
 * down) and the set of multicast groups it has joined.
 */
public final class Nic {

    private final Segment segment;
    private final int attachmentIndex;
    private final String nodeName;
    private final String name;
    private final MacAddress mac;
    private final FrameReceiver receiver;
    private final Set<MacAddress> joinedGroups = new TreeSet<>();
    private boolean up = true;
    private boolean promiscuous;
    long transmitFreeAt;
    /** Arrival time of the latest frame from this interface that the link did not hold back. */
    long lastArrival;
    long transmitDrops;
    long framesSent;
    long framesReceived;

    Nic(Segment segment, int attachmentIndex, String nodeName, String name, MacAddress mac, FrameReceiver receiver) {
        this.segment = segment;
        this.attachmentIndex = attachmentIndex;
        this.nodeName = nodeName;
        this.name = name;
        this.mac = mac;
        this.receiver = receiver;
    }

    /** Returns the position of this interface among those attached to its segment, from 0. */
    public int attachmentIndex() {
        return attachmentIndex;
    }

    public Segment segment() {
        return segment;
    }

    public String nodeName() {
        return nodeName;
    }

    /** Returns the interface name within its node, such as {@code eth0}. */
    public String name() {
        return name;
    }

    public MacAddress mac() {
        return mac;
    }

    public int mtu() {
        return segment.profile().mtu();
    }

    public boolean isUp() {
        return up;
    }

    /** Brings the interface up or down; a down interface neither sends nor receives. */
    public void setUp(boolean up) {
        this.up = up;
    }

    /** Sends a frame on the segment, with an optional capture comment saying why it was sent. */
    public void transmit(byte[] frame, String comment) {
        segment.transmit(this, frame, comment);
    }

    public void transmit(byte[] frame) {
        transmit(frame, null);
    }

    /** Returns true when the segment delivers every multicast frame here, joined or not. */
    public boolean isPromiscuous() {
        return promiscuous;
    }

    /** Receives every multicast frame on the segment, as a scripted peer watching for DAD probes must. */
    public void setPromiscuous(boolean promiscuous) {
        if (this.promiscuous != promiscuous) {
            this.promiscuous = promiscuous;
            segment.promiscuousChanged(this);
        }
    }

    /** Joins a multicast group so the segment delivers frames sent to it here. */
    public void joinMulticast(MacAddress group) {
        if (joinedGroups.add(group)) {
            segment.join(this, group);
        }
    }

    public void leaveMulticast(MacAddress group) {
        if (joinedGroups.remove(group)) {
            segment.leave(this, group);
        }
    }

    public boolean hasJoined(MacAddress group) {
        return joinedGroups.contains(group);
    }

    /** Returns frames dropped because the interface was down or its transmit queue was full. */
    public long transmitDrops() {
        return transmitDrops;
    }

    public long framesSent() {
        return framesSent;
    }

    public long framesReceived() {
        return framesReceived;
    }

    void deliver(byte[] frame) {
        if (!up) {
            return;
        }
        framesReceived++;
        receiver.receive(this, frame);
    }

    @Override
    public String toString() {
        return nodeName + "/" + name + " (" + mac + ")";
    }
}
