package io.stackbench.sim.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds pcapng blocks in either byte order, as other tools write them, for reader tests. The
 * block total length is computed here, so tests state only the fields they care about.
 */
final class Blocks {

    private final ByteOrder order;
    private final ByteArrayOutputStream file = new ByteArrayOutputStream();

    Blocks(ByteOrder order) {
        this.order = order;
    }

    /** Returns a new body buffer in this file's byte order. */
    ByteBuffer body(int capacity) {
        return ByteBuffer.allocate(capacity).order(order);
    }

    Blocks sectionHeader(String comment) {
        ByteBuffer body = body(256);
        body.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        if (comment != null) {
            option(body, 1, comment.getBytes(StandardCharsets.UTF_8));
            endOfOptions(body);
        }
        return block(0x0A0D0D0A, body);
    }

    /** Appends an Interface Description Block, leaving out {@code tsresol} and {@code tsoffset} when null. */
    Blocks interfaceDescription(String name, int snapLength, Integer tsresol, Long tsoffset) {
        ByteBuffer body = body(256);
        body.putShort((short) 1).putShort((short) 0).putInt(snapLength);
        option(body, 2, name.getBytes(StandardCharsets.UTF_8));
        if (tsresol != null) {
            option(body, 9, new byte[] {(byte) (int) tsresol});
        }
        if (tsoffset != null) {
            option(body, 14, body(8).putLong(tsoffset).array());
        }
        endOfOptions(body);
        return block(1, body);
    }

    Blocks enhancedPacket(int interfaceId, long timestamp, byte[] data, String... comments) {
        ByteBuffer body = body(256 + data.length);
        body.putInt(interfaceId).putInt((int) (timestamp >>> 32)).putInt((int) timestamp);
        body.putInt(data.length).putInt(data.length).put(data);
        pad(body);
        for (String comment : comments) {
            option(body, 1, comment.getBytes(StandardCharsets.UTF_8));
        }
        if (comments.length > 0) {
            endOfOptions(body);
        }
        return block(6, body);
    }

    Blocks simplePacket(int originalLength, byte[] data) {
        ByteBuffer body = body(8 + data.length);
        body.putInt(originalLength).put(data);
        pad(body);
        return block(3, body);
    }

    /** Appends an obsolete Packet Block (type 2) with a comment. */
    Blocks packet(int interfaceId, long timestamp, byte[] data, String comment) {
        ByteBuffer body = body(256 + data.length);
        body.putShort((short) interfaceId).putShort((short) 0);
        body.putInt((int) (timestamp >>> 32)).putInt((int) timestamp);
        body.putInt(data.length).putInt(data.length).put(data);
        pad(body);
        option(body, 1, comment.getBytes(StandardCharsets.UTF_8));
        endOfOptions(body);
        return block(2, body);
    }

    /** Appends a block of any type with the given raw body. */
    Blocks raw(int type, byte[] bodyBytes) {
        ByteBuffer body = body(bodyBytes.length + 3);
        body.put(bodyBytes);
        pad(body);
        return block(type, body);
    }

    byte[] toByteArray() {
        return file.toByteArray();
    }

    private Blocks block(int type, ByteBuffer body) {
        int bodyLength = body.position();
        int total = 12 + bodyLength;
        ByteBuffer block = body(total);
        block.putInt(type).putInt(total).put(body.array(), 0, bodyLength).putInt(total);
        file.writeBytes(block.array());
        return this;
    }

    private static void option(ByteBuffer body, int code, byte[] value) {
        body.putShort((short) code).putShort((short) value.length).put(value);
        pad(body);
    }

    private static void endOfOptions(ByteBuffer body) {
        body.putInt(0);
    }

    private static void pad(ByteBuffer body) {
        while (body.position() % 4 != 0) {
            body.put((byte) 0);
        }
    }
}
