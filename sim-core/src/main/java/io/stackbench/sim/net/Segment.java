package io.stackbench.sim.net;

import io.stackbench.sim.engine.SimTime;
import io.stackbench.sim.engine.Simulator;
import io.stackbench.sim.random.DeterministicRandom;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Every frame put on the wire is recorded, with the link's verdict as a comment when an
 * impairment touched it: lost, duplicated, held back, corrupted or delayed by jitter. Receivers are always served in attachment order, which keeps runs deterministic; the
 * hash maps here are only looked up, never iterated.
 */
public final class Segment {

    /** Time between a frame and the copy the link makes of it, on the wire and on arrival. */
    public static final long DUPLICATE_GAP_NANOS = 1;
    /** Maximum number of bytes the link flips in one corrupted frame. */
    public static final int MAX_CORRUPTED_BYTES = 3;

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
    private long framesDuplicated;
    private long framesReordered;
    private long framesCorrupted;
    private long framesJittered;

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

    /** Returns the frames recorded on the wire: every frame sent, lost ones and duplicate copies included. */
    public long framesOnWire() {
        return framesOnWire;
    }

    public long framesLost() {
        return framesLost;
    }

    public long framesOversize() {
        return framesOversize;
    }

    /** Returns the number of (frame, receiver) deliveries made, copies made by duplication included. */
    public long framesDelivered() {
        return framesDelivered;
    }

    /** Returns the frames the link sent twice. */
    public long framesDuplicated() {
        return framesDuplicated;
    }

    /** Returns the frames the link held back so that later frames could overtake them. */
    public long framesReordered() {
        return framesReordered;
    }

    /** Returns the frames the link delivered with flipped bytes. */
    public long framesCorrupted() {
        return framesCorrupted;
    }

    /** Returns the frames the link delayed by a non-zero jitter. */
    public long framesJittered() {
        return framesJittered;
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

    /**
     * Applies the link's impairments to a frame whose transmission starts now. The draws come in a
     * fixed order: loss, duplication, reordering, corruption (count, then offset and mask of each
     * byte), jitter. An impairment set to 0 draws nothing, so a link with loss alone draws as before.
     */
    private void putOnWire(Nic sender, byte[] frame, String comment, long serialization) {
        LinkProfile link = profile;
        long now = simulator.now();
        if (link.loss() > 0 && random.nextDouble() < link.loss()) {
            framesLost++;
            record(now, frame, join(comment, "lost on link " + name + " (seeded loss " + link.loss() + ")"));
            return;
        }

        boolean duplicate = link.duplication() > 0 && random.nextDouble() < link.duplication();
        boolean reorder = link.reordering() > 0 && random.nextDouble() < link.reordering();
        byte[] wireFrame = frame;
        String wireComment = comment;
        if (link.corruption() > 0 && random.nextDouble() < link.corruption() && frame.length > LinkProfile.ETHERNET_HEADER_LENGTH) {
            wireFrame = frame.clone();
            int[] offsets = corrupt(wireFrame);
            framesCorrupted++;
            wireComment = join(wireComment, "corrupted by link " + name + " (seeded corruption " + link.corruption()
                    + "): flipped bytes at offsets " + joinOffsets(offsets));
        }
        long jitter = link.jitterNanos() > 0 ? random.nextLong(link.jitterNanos()) : 0;
        long wireTime = now;
        long arrival = now + serialization + link.latencyNanos() + jitter;
        if (reorder) {
            // A held frame neither waits for earlier frames nor makes later ones wait for it, so
            // they overtake it. The capture shows it when it goes on the wire, after the hold.
            framesReordered++;
            wireTime = now + link.reorderDelayNanos();
            arrival += link.reorderDelayNanos();
            wireComment = join(wireComment, "held back " + SimTime.format(link.reorderDelayNanos()) + " by link " + name
                    + " (seeded reordering " + link.reordering() + ")");
        } else {
            // Jitter never reorders the frames of one interface: a frame arrives no earlier than
            // the frame its interface sent before it.
            arrival = Math.max(arrival, sender.lastArrival);
            sender.lastArrival = arrival;
        }
        if (jitter > 0) {
            framesJittered++;
            long late = arrival - (wireTime + serialization + link.latencyNanos());
            wireComment = join(wireComment, "arrives " + SimTime.format(late) + " late by seeded jitter on link " + name);
        }

        byte[] sentFrame = wireFrame;
        String sentComment = wireComment;
        long sentArrival = arrival;
        if (reorder) {
            simulator.scheduleAt(wireTime, () -> emit(sender, sentFrame, sentComment, sentArrival));
        } else {
            emit(sender, sentFrame, sentComment, sentArrival);
        }
        if (duplicate) {
            framesDuplicated++;
            String copyComment = join(wireComment, "duplicate made by link " + name + " (seeded duplication " + link.duplication() + ")");
            simulator.scheduleAt(wireTime + DUPLICATE_GAP_NANOS,
                    () -> emit(sender, sentFrame, copyComment, sentArrival + DUPLICATE_GAP_NANOS));
        }
    }

    /** Records a frame as on the wire now and delivers it to its receivers at {@code arrival}. */
    private void emit(Nic sender, byte[] frame, String comment, long arrival) {
        record(simulator.now(), frame, comment);

        List<Nic> receivers = receiversOf(sender, frame);
        if (receivers.isEmpty()) {
            return;
        }
        simulator.scheduleAt(arrival, () -> {
            for (Nic receiver : receivers) {
                framesDelivered++;
                receiver.deliver(frame);
            }
        });
    }

    private void record(long time, byte[] frame, String comment) {
        framesOnWire++;
        recorder.record(this, time, frame, comment);
    }

    /**
     * Flips 1 to {@link #MAX_CORRUPTED_BYTES} distinct bytes after the Ethernet header, each with a
     * non-zero XOR mask, so every chosen byte changes.
     *
     * <p>NOTE: the segment does not parse the frame, so a flip can land in Ethernet padding after
     * the IP packet, and several flips can cancel out in a 16-bit ones' complement checksum. In
     * both cases the receiver accepts the corrupted frame.
     *
     * @return the flipped offsets from the start of the frame, ascending
     */
    private int[] corrupt(byte[] frame) {
        int payloadLength = frame.length - LinkProfile.ETHERNET_HEADER_LENGTH;
        int count = 1 + random.nextInt(Math.min(MAX_CORRUPTED_BYTES, payloadLength));
        int[] offsets = new int[count];
        for (int i = 0; i < count; i++) {
            int offset;
            do {
                offset = LinkProfile.ETHERNET_HEADER_LENGTH + random.nextInt(payloadLength);
            } while (contains(offsets, i, offset));
            offsets[i] = offset;
            frame[offset] ^= (byte) (1 + random.nextInt(255));
        }
        Arrays.sort(offsets);
        return offsets;
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static String joinOffsets(int[] offsets) {
        StringBuilder text = new StringBuilder();
        for (int offset : offsets) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(offset);
        }
        return text.toString();
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
