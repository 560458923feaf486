package io.stackbench.report;

import java.util.ArrayList;
import java.util.List;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IllegalRawDataException;

/** Decodes an Ethernet frame into pcap4j's field-per-line text, one line per header field. */
public final class PacketDecoder {

    private PacketDecoder() {
    }

    /** Returns the decoded fields of {@code frame}, or a hex dump when pcap4j cannot decode it. */
    public static List<String> decode(byte[] frame) {
        List<String> lines = new ArrayList<>();
        try {
            String text = EthernetPacket.newPacket(frame, 0, frame.length).toString();
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.stripTrailing());
                }
            }
        } catch (IllegalRawDataException | RuntimeException e) {
            lines.add("[undecodable frame: " + e.getMessage() + "]");
            lines.add(hex(frame));
        }
        return lines;
    }

    /** Formats bytes as lowercase hex pairs separated by spaces. */
    public static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        return text.toString();
    }
}
