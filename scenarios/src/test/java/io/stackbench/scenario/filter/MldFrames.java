package io.stackbench.scenario.filter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * MLD frames written byte by byte, because pcap4j 1.8.2 has no MLD builders and misreads a
 * Hop-by-Hop header. Each has a correct ICMPv6 checksum over the IPv6 pseudo-header, and all but
 * one carry the Hop-by-Hop header that hosts send: a Router Alert option with value 0 (MLD) and a
 * 2-byte PadN, as in RFC 3810 §5.
 */
final class MldFrames {

    private static final int ICMPV6 = 58;
    private static final int HOP_BY_HOP = 0;

    /** MLDv2 report: change to exclude ff02::1:ff00:1 and include ff05::2 from two sources. */
    static final byte[] MLD2_REPORT = frame("33:33:00:00:00:16", "fe80::1", "ff02::16", true,
            icmpv6(143, new Body()
                    .uint16(0).uint16(2)
                    .uint8(4).uint8(0).uint16(0).address("ff02::1:ff00:1")
                    .uint8(1).uint8(0).uint16(2).address("ff05::2").address("2001:db8::9").address("2001:db8::a")));

    /** The report a host sends before it has an address: unspecified source, one record. */
    static final byte[] MLD2_REPORT_UNSPECIFIED_SOURCE = frame("33:33:00:00:00:16", "::", "ff02::16", true,
            icmpv6(143, new Body()
                    .uint16(0).uint16(1)
                    .uint8(4).uint8(0).uint16(0).address("ff02::1:ff12:3456")));

    /** MLDv2 report with no Hop-by-Hop header, so pcap4j's own ICMPv6 parsing is used. */
    static final byte[] MLD2_REPORT_NO_HOP_BY_HOP = frame("33:33:00:00:00:16", "fe80::1", "ff02::16", false,
            icmpv6(143, new Body()
                    .uint16(0).uint16(1)
                    .uint8(3).uint8(0).uint16(0).address("ff02::fb")));

    /** MLDv2 report whose record claims two sources and carries one, with 1 word of auxiliary data claimed. */
    static final byte[] MLD2_REPORT_TRUNCATED_RECORD = frame("33:33:00:00:00:16", "fe80::1", "ff02::16", true,
            icmpv6(143, new Body()
                    .uint16(0).uint16(1)
                    .uint8(2).uint8(1).uint16(2).address("ff05::3").address("2001:db8::b")));

    /** MLDv1 general query: 24 bytes, maximum response delay 10000 ms. */
    static final byte[] MLD1_QUERY_GENERAL = frame("33:33:00:00:00:01", "fe80::2", "ff02::1", true,
            icmpv6(130, new Body().uint16(10000).uint16(0).address("::")));

    /**
     * MLDv2 multicast-address-and-source-specific query. Maximum response code 0x8123 is 35096 ms,
     * flags 0x0a set S and QRV 2, and QQIC 125 is 125 s.
     */
    static final byte[] MLD2_QUERY_SPECIFIC = frame("33:33:00:00:00:01", "fe80::2", "ff02::1", true,
            icmpv6(130, new Body()
                    .uint16(0x8123).uint16(0).address("ff05::2")
                    .uint8(0x0a).uint8(125).uint16(1).address("2001:db8::9")));

    /** MLDv2 general query: 28 bytes, maximum response code 1000 ms, QRV 2, QQIC 0x8f (248 s). */
    static final byte[] MLD2_QUERY_GENERAL = frame("33:33:00:00:00:01", "fe80::2", "ff02::1", true,
            icmpv6(130, new Body()
                    .uint16(1000).uint16(0).address("::")
                    .uint8(0x02).uint8(0x8f).uint16(0)));

    static final byte[] MLD1_REPORT = frame("33:33:00:00:00:02", "fe80::1", "ff05::2", true,
            icmpv6(131, new Body().uint16(0).uint16(0).address("ff05::2")));

    static final byte[] MLD1_DONE = frame("33:33:00:00:00:02", "fe80::1", "ff02::2", true,
            icmpv6(132, new Body().uint16(0).uint16(0).address("ff05::2")));

    private MldFrames() {
    }

    /** Builds the ICMPv6 message with a zero checksum, which {@link #frame} fills in. */
    private static byte[] icmpv6(int type, Body body) {
        return new Body().uint8(type).uint8(0).uint16(0).bytes(body.toByteArray()).toByteArray();
    }

    private static byte[] frame(String destinationMac, String source, String destination, boolean hopByHop,
            byte[] message) {
        byte[] sourceAddress = TestFrames.inet6(source).getAddress();
        byte[] destinationAddress = TestFrames.inet6(destination).getAddress();
        message[2] = 0;
        message[3] = 0;
        int checksum = checksum(sourceAddress, destinationAddress, message);
        message[2] = (byte) (checksum >> 8);
        message[3] = (byte) checksum;

        Body extension = new Body();
        if (hopByHop) {
            // Next header, Hdr Ext Len 0 (8 bytes), Router Alert (type 5, length 2, value 0), PadN of 2 bytes.
            extension.uint8(ICMPV6).uint8(0).uint8(5).uint8(2).uint16(0).uint8(1).uint8(0);
        }
        byte[] extensionBytes = extension.toByteArray();
        return new Body()
                .bytes(TestFrames.mac(destinationMac).getAddress())
                .bytes(TestFrames.MAC_A.getAddress())
                .uint16(0x86dd)
                .uint16(0x6000).uint16(0)
                .uint16(extensionBytes.length + message.length)
                .uint8(hopByHop ? HOP_BY_HOP : ICMPV6)
                .uint8(1)
                .bytes(sourceAddress)
                .bytes(destinationAddress)
                .bytes(extensionBytes)
                .bytes(message)
                .toByteArray();
    }

    /** The ICMPv6 checksum: one's complement sum over the pseudo-header of RFC 8200 §8.1 and the message. */
    static int checksum(byte[] source, byte[] destination, byte[] message) {
        ByteBuffer pseudoHeader = ByteBuffer.allocate(40)
                .put(source)
                .put(destination)
                .putInt(message.length)
                .putInt(ICMPV6);
        long sum = sum(pseudoHeader.array()) + sum(message);
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static long sum(byte[] bytes) {
        long sum = 0;
        for (int i = 0; i < bytes.length; i += 2) {
            int high = bytes[i] & 0xff;
            int low = i + 1 < bytes.length ? bytes[i + 1] & 0xff : 0;
            sum += (high << 8) | low;
        }
        return sum;
    }

    /** Appends big-endian fields. */
    private static final class Body {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body uint8(int value) {
            out.write(value);
            return this;
        }

        Body uint16(int value) {
            out.write(value >> 8);
            out.write(value);
            return this;
        }

        Body address(String text) {
            return bytes(TestFrames.inet6(text).getAddress());
        }

        Body bytes(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
