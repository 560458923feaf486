package io.stackbench.scenario.peer;

import io.stackbench.scenario.model.NodeSpec;
import io.stackbench.sim.capture.Capture;
import io.stackbench.sim.capture.CapturedFrame;
import io.stackbench.sim.capture.PcapReader;
import io.stackbench.sim.capture.PcapngReader;
import io.stackbench.sim.net.MacAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code raw} peer: sends given frames at given times, as hex or taken from a pcap or pcapng
 * file, which is how real captures are replayed. Retargeting rewrites unicast destination MACs to
 * a stack's MAC and unicast IPv4 or IPv6 destinations to a given address, and then repairs the IPv4
 * header checksum and, by the incremental update of RFC 1624, the ICMPv6, UDP or TCP checksum that
 * covers the address. A frame whose checksum was wrong before stays wrong by the same amount.
 */
public final class RawPeer implements ScriptedPeer {

    private final PeerHost host;
    private final NodeSpec.Raw spec;
    private final MacAddress retargetMac;

    /**
     * @param retargetMac the MAC that replaces unicast destination MACs, or null to keep them
     */
    public RawPeer(PeerHost host, NodeSpec.Raw spec, MacAddress retargetMac) {
        this.host = host;
        this.spec = spec;
        this.retargetMac = retargetMac;
    }

    @Override
    public void start() {
        for (NodeSpec.RawFrame raw : spec.frames()) {
            if (raw.hex() != null) {
                byte[] frame = raw.hex().clone();
                host.simulator().scheduleAt(raw.atNanos(), () -> send(frame, raw.comment() != null ? raw.comment() : "raw frame"));
                continue;
            }
            Capture capture = read(raw.capture());
            for (int i = 0; i < capture.frames().size(); i++) {
                CapturedFrame captured = capture.frames().get(i);
                String comment = (raw.comment() != null ? raw.comment() + ": " : "") + "frame " + (i + 1) + " of " + raw.capture().getFileName();
                host.simulator().scheduleAt(raw.atNanos() + i * raw.intervalNanos(), () -> send(captured.data(), comment));
            }
        }
    }

    private void send(byte[] original, String comment) {
        byte[] frame = retarget(original.clone());
        // Frames go out as captured: short, unpadded frames are part of what replays test.
        host.send(frame, comment);
    }

    @Override
    public void receive(byte[] frame) {
        // A raw peer only sends.
    }

    private byte[] retarget(byte[] frame) {
        if (frame.length < 14) {
            return frame;
        }
        if (retargetMac != null && (frame[0] & 1) == 0) {
            retargetMac.write(frame, 0);
        }
        int etherType = ((frame[12] & 0xff) << 8) | (frame[13] & 0xff);
        if (etherType == 0x0800 && spec.retargetIpv4() != null && frame.length >= 14 + 20) {
            retargetIpv4(frame);
        } else if (etherType == 0x86dd && spec.retargetIpv6() != null && frame.length >= 14 + 40) {
            retargetIpv6(frame);
        }
        return frame;
    }

    private void retargetIpv4(byte[] frame) {
        int ip = 14;
        int headerLength = (frame[ip] & 0x0f) * 4;
        int destination = ip + 16;
        if ((frame[destination] & 0xf0) >= 0xe0 || headerLength < 20 || frame.length < ip + headerLength) {
            return;
        }
        byte[] old = java.util.Arrays.copyOfRange(frame, destination, destination + 4);
        System.arraycopy(spec.retargetIpv4().getAddress(), 0, frame, destination, 4);
        adjust(frame, ip + 10, old, spec.retargetIpv4().getAddress());
        int protocol = frame[ip + 9] & 0xff;
        boolean firstFragment = (((frame[ip + 6] & 0x1f) << 8) | (frame[ip + 7] & 0xff)) == 0;
        if (firstFragment) {
            adjustTransport(frame, protocol, ip + headerLength, old, spec.retargetIpv4().getAddress());
        }
    }

    private void retargetIpv6(byte[] frame) {
        int ip = 14;
        int destination = ip + 24;
        if ((frame[destination] & 0xff) == 0xff) {
            return;
        }
        byte[] old = java.util.Arrays.copyOfRange(frame, destination, destination + 16);
        System.arraycopy(spec.retargetIpv6().getAddress(), 0, frame, destination, 16);
        adjustTransport(frame, frame[ip + 6] & 0xff, ip + 40, old, spec.retargetIpv6().getAddress());
    }

    /** Updates the checksum of an upper layer whose pseudo-header contains the rewritten address. */
    private static void adjustTransport(byte[] frame, int protocol, int offset, byte[] oldAddress, byte[] newAddress) {
        int checksumOffset = switch (protocol) {
            case 58 -> offset + 2;
            case 17 -> offset + 6;
            case 6 -> offset + 16;
            default -> -1;
        };
        if (checksumOffset < 0 || checksumOffset + 2 > frame.length) {
            return;
        }
        if (protocol == 17 && frame[checksumOffset] == 0 && frame[checksumOffset + 1] == 0 && oldAddress.length == 4) {
            return; // UDP over IPv4 without a checksum stays without one.
        }
        adjust(frame, checksumOffset, oldAddress, newAddress);
    }

    /** RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'), applied for each 16-bit word that changed. */
    private static void adjust(byte[] frame, int checksumOffset, byte[] oldBytes, byte[] newBytes) {
        long sum = ~(((frame[checksumOffset] & 0xff) << 8) | (frame[checksumOffset + 1] & 0xff)) & 0xffff;
        for (int i = 0; i < oldBytes.length; i += 2) {
            int oldWord = ((oldBytes[i] & 0xff) << 8) | (oldBytes[i + 1] & 0xff);
            int newWord = ((newBytes[i] & 0xff) << 8) | (newBytes[i + 1] & 0xff);
            sum += (~oldWord & 0xffff) + newWord;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        int checksum = (int) (~sum & 0xffff);
        frame[checksumOffset] = (byte) (checksum >>> 8);
        frame[checksumOffset + 1] = (byte) checksum;
    }

    private static Capture read(Path file) {
        try {
            byte[] head = new byte[4];
            try (var in = Files.newInputStream(file)) {
                in.readNBytes(head, 0, 4);
            }
            boolean pcapng = head[0] == 0x0a && head[1] == 0x0d && head[2] == 0x0d && head[3] == 0x0a;
            return pcapng ? PcapngReader.read(file) : PcapReader.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read capture " + file + " for a raw peer: " + e.getMessage(), e);
        }
    }
}
