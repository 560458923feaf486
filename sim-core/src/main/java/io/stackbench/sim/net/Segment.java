package io.stackbench.sim.net;

import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.random.DeterministicRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Ethernet broadcast domain, behaving like a learning-free switch: unicast goes to the
 * interfaces that own the destination MAC (flooded when no interface does), broadcast to everyone, and
 * multicast only to the interfaces that joined the group, so a large segment does not make every
 * host parse every DAD probe.
 *
 * <p>Every frame put on the wire is recorded, with the link's verdict as a comment when the frame
 * was lost. Receivers are always served in attachment order, which keeps runs deterministic; the
 * hash maps here are only looked up, never iterated.
 */
public final class Segment {

    private final Simulator simulator;
    private final String name;
    private final int index;
    private final DeterministicRandom random;
    private final FrameRecorder recorder;
    private LinkProfile profile;

    private final List<Nic> nics = new ArrayList<>();
    private final Map<MacAddress, List<Nic>> owners = new HashMap<>();
    private final Map<MacAddress, List<Nic>> groups = new HashMap<>();
    private final List<Nic> promiscuous = new ArrayList<>();

    private long framesOnWire;
    private long framesLost;
    private long framesOversize;
    private long framesDelivered;

    public Segment(Simulator simulator, String name, int index, LinkProfile profile, DeterministicRandom random, FrameRecorder recorder) {
        this.simulator = simulator;
        this.name = name;
        this.index = index;
        this.profile = profile;
        this.random = random;
        this.recorder = recorder;
    }

    public String name() {
        return name;
    }

    /** Returns the segment's position in its network, which is also its capture interface id. */
    public int index() {
        return index;
    }

    public LinkProfile profile() {
        return profile;
    }

    /** Changes the link profile; frames already in flight keep their timing. */
    public void setProfile(LinkProfile profile) {
        this.profile = profile;
    }

    /** Attaches a new interface to this segment. */
    public Nic attach(String nodeName, String nicName, MacAddress mac, FrameReceiver receiver) {
        Nic nic = new Nic(this, nics.size(), nodeName, nicName, mac, receiver);
        nics.add(nic);
        owners.computeIfAbsent(mac, m -> new ArrayList<>(1)).add(nic);
        return nic;
    }

    public List<Nic> nics() {
        return Collections.unmodifiableList(nics);
    }

    public long framesOnWire() {
        return framesOnWire;
    }

    public long framesLost() {
        return framesLost;
    }

    public long framesOversize() {
        return framesOversize;
    }

    /** Returns the number of (frame, receiver) deliveries made. */
    public long framesDelivered() {
        return framesDelivered;
    }

    void join(Nic nic, MacAddress group) {
        insertInAttachmentOrder(groups.computeIfAbsent(group, g -> new ArrayList<>()), nic);
    }

    void promiscuousChanged(Nic nic) {
        if (nic.isPromiscuous()) {
            insertInAttachmentOrder(promiscuous, nic);
        } else {
            promiscuous.remove(nic);
        }
    }

    /** Keeps {@code list} in attachment order, so delivery order does not depend on join order. */
    private static void insertInAttachmentOrder(List<Nic> list, Nic nic) {
        int low = 0;
        int high = list.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (list.get(middle).attachmentIndex() < nic.attachmentIndex()) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        list.add(low, nic);
    }

    void leave(Nic nic, MacAddress group) {
        List<Nic> members = groups.get(group);
        if (members != null) {
            members.remove(nic);
        }
    }

    void transmit(Nic sender, byte[] frame, String comment) {
        if (!sender.isUp()) {
            sender.transmitDrops++;
            return;
        }
        if (frame.length - LinkProfile.ETHERNET_HEADER_LENGTH > profile.mtu()) {
            framesOversize++;
            sender.transmitDrops++;
            return;
        }

        long now = simulator.now();
        long start = Math.max(now, sender.transmitFreeAt);
        long serialization = profile.serializationNanos(frame.length);
        if (profile.bandwidthBitsPerSecond() > 0) {
            long backlogBytes = (start - now) * profile.bandwidthBitsPerSecond() / 8_000_000_000L;
            if (backlogBytes + frame.length > profile.queueLimitBytes()) {
                sender.transmitDrops++;
                return;
            }
        }
        sender.transmitFreeAt = start + serialization;
        sender.framesSent++;

        if (start == now) {
            putOnWire(sender, frame, comment, serialization);
        } else {
            simulator.scheduleAt(start, () -> putOnWire(sender, frame, comment, serialization));
        }
    }

    private void putOnWire(Nic sender, byte[] frame, String comment, long serialization) {
        framesOnWire++;
        LinkProfile link = profile;
        if (link.loss() > 0 && random.nextDouble() < link.loss()) {
            framesLost++;
            recorder.record(this, simulator.now(), frame, join(comment, "lost on link " + name + " (seeded loss " + link.loss() + ")"));
            return;
        }
        recorder.record(this, simulator.now(), frame, comment);

        List<Nic> receivers = receiversOf(sender, frame);
        if (receivers.isEmpty()) {
            return;
        }
        simulator.scheduleAfter(serialization + link.latencyNanos(), () -> {
            for (Nic receiver : receivers) {
                framesDelivered++;
                receiver.deliver(frame);
            }
        });
    }

    private List<Nic> receiversOf(Nic sender, byte[] frame) {
        if (frame.length < 6) {
            return List.of();
        }
        MacAddress destination = MacAddress.read(frame, 0);
        List<Nic> candidates;
        if (destination.isBroadcast()) {
            candidates = nics;
        } else if (destination.isMulticast()) {
            candidates = groups.getOrDefault(destination, List.of());
            if (!promiscuous.isEmpty()) {
                candidates = withPromiscuous(candidates);
            }
        } else {
            candidates = owners.get(destination);
            if (candidates == null) {
                candidates = nics;
            }
        }
        List<Nic> receivers = new ArrayList<>(candidates.size());
        for (Nic nic : candidates) {
            if (nic != sender) {
                receivers.add(nic);
            }
        }
        return receivers;
    }

    /** Returns the members plus the promiscuous interfaces, once each, in attachment order. */
    private List<Nic> withPromiscuous(List<Nic> members) {
        List<Nic> merged = new ArrayList<>(members.size() + promiscuous.size());
        int m = 0;
        int p = 0;
        while (m < members.size() || p < promiscuous.size()) {
            Nic next;
            if (p >= promiscuous.size() || (m < members.size() && members.get(m).attachmentIndex() <= promiscuous.get(p).attachmentIndex())) {
                next = members.get(m++);
            } else {
                next = promiscuous.get(p++);
            }
            if (merged.isEmpty() || merged.get(merged.size() - 1) != next) {
                merged.add(next);
            }
        }
        return merged;
    }

    private static String join(String first, String second) {
        return first == null ? second : first + "; " + second;
    }

    @Override
    public String toString() {
        return "segment " + name;
    }
}
