package io.stackbench.scenario.filter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a classic libpcap file (little-endian, microsecond timestamps, Ethernet link type). */
final class PcapFile {

    private static final int MAGIC = 0xa1b2c3d4;
    private static final int SNAPLEN = 65535;
    private static final int LINKTYPE_ETHERNET = 1;

    private PcapFile() {
    }

    /** Writes the frames as records 1..n, frame i stamped at i-1 seconds. */
    static void write(Path file, List<byte[]> frames) throws IOException {
        int size = 24;
        for (byte[] frame : frames) {
            size += 16 + frame.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC);
        buffer.putShort((short) 2);
        buffer.putShort((short) 4);
        buffer.putInt(0);
        buffer.putInt(0);
        buffer.putInt(SNAPLEN);
        buffer.putInt(LINKTYPE_ETHERNET);
        for (int i = 0; i < frames.size(); i++) {
            byte[] frame = frames.get(i);
            buffer.putInt(i);
            buffer.putInt(0);
            buffer.putInt(frame.length);
            buffer.putInt(frame.length);
            buffer.put(frame);
        }
        Files.write(file, buffer.array());
    }
}
