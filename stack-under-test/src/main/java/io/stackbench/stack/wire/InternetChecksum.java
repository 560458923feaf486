package io.stackbench.stack.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The Internet checksum of RFC 1071: the ones' complement of the ones' complement sum of 16-bit
 * big-endian words, with an odd final byte padded by a zero byte.
 *
 * <p>An instance accumulates a sum over several ranges, so a pseudo-header and a payload that sit
 * in different buffers can be summed without copying. Ranges may have odd lengths: the next range
 * continues the word where the previous one stopped, as if all ranges were one byte string.
 * Instances are mutable and not thread-safe.
 */
public final class InternetChecksum {

    private static final VarHandle LITTLE_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long sum;
    private boolean odd;

    /**
     * Returns the checksum of one byte range. Zero is a valid result, which IPv4 and ICMPv4
     * transmit as zero.
     */
    public static int compute(byte[] data, int offset, int length) {
        return new InternetChecksum().update(data, offset, length).value();
    }

    /**
     * Checks a range that contains its own checksum field: the range is intact when its sum,
     * checksum included, is 0xffff (RFC 1071 §1, step 3).
     */
    public static boolean verify(byte[] data, int offset, int length) {
        return compute(data, offset, length) == 0;
    }

    /**
     * Updates a checksum after one 16-bit word of the covered data changed from {@code oldWord} to
     * {@code newWord}, without summing the data again (RFC 1624 §3, equation 3). If the change
     * leaves the covered data all zeros, the result is 0x0000 where {@link #compute} gives 0xffff.
     */
    public static int adjust(int checksum, int oldWord, int newWord) {
        long s = (~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
        return ~fold(s) & 0xffff;
    }

    /** Adds the bytes {@code data[offset, offset + length)} to the sum. */
    public InternetChecksum update(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        int i = offset;
        int end = offset + length;

        if (odd && i < end) {
            sum += data[i++] & 0xff;
            odd = false;
        }

        // Sixteen bytes at a time, as four 32-bit words in two independent sums. 2^16 is 1 modulo
        // 0xffff, so a 32-bit word adds the same as its two 16-bit halves once fold() carries the
        // high bits around. The longs are read little-endian, which x86 and ARM do without a byte
        // swap, so each 16-bit half is a byte-swapped word. The sum of byte-swapped words is the
        // byte-swapped sum (RFC 1071 §2 (B)), so the folded result is swapped back. Each step adds
        // less than 2^33 to a sum, so neither long can overflow for any array length.
        long firstSum = 0;
        long secondSum = 0;
        while (i + 15 < end) {
            long first = (long) LITTLE_ENDIAN_LONG.get(data, i);
            long second = (long) LITTLE_ENDIAN_LONG.get(data, i + 8);
            firstSum += (first >>> 32) + (first & 0xffff_ffffL);
            secondSum += (second >>> 32) + (second & 0xffff_ffffL);
            i += 16;
        }
        if (i + 7 < end) {
            long eight = (long) LITTLE_ENDIAN_LONG.get(data, i);
            firstSum += (eight >>> 32) + (eight & 0xffff_ffffL);
            i += 8;
        }
        int swapped = fold(firstSum + secondSum);
        sum += ((swapped & 0xff) << 8) | (swapped >>> 8);

        while (i + 1 < end) {
            sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
            i += 2;
        }

        if (i < end) {
            sum += (data[i] & 0xff) << 8;
            odd = true;
        }
        return this;
    }

    /** Adds one byte. */
    public InternetChecksum updateByte(int value) {
        sum += odd ? (value & 0xff) : (value & 0xff) << 8;
        odd = !odd;
        return this;
    }

    /** Adds a 16-bit big-endian word, for example a length or a port. */
    public InternetChecksum updateShort(int value) {
        updateByte(value >>> 8);
        return updateByte(value);
    }

    /** Adds a 32-bit big-endian value, for example an IPv4 address. */
    public InternetChecksum updateInt(int value) {
        updateShort(value >>> 16);
        return updateShort(value);
    }

    /**
     * Adds the IPv4 pseudo-header that TCP and UDP checksums cover (RFC 793 §3.1, RFC 768):
     * source, destination, a zero byte, protocol, and the transport length in bytes.
     */
    public InternetChecksum updateIpv4PseudoHeader(
            Ipv4Address source, Ipv4Address destination, IpProtocol protocol, int transportLength) {
        updateInt(source.value());
        updateInt(destination.value());
        updateShort(protocol.value());
        return updateShort(transportLength);
    }

    /**
     * Adds the IPv6 pseudo-header that ICMPv6, UDP and TCP checksums cover (RFC 8200 §8.1): source,
     * destination, the upper-layer packet length as 32 bits, three zero bytes and the next header.
     * {@code destination} is the final destination, which differs from the IPv6 destination field
     * when a Routing header has segments left.
     */
    public InternetChecksum updateIpv6PseudoHeader(
            Ipv6Address source, Ipv6Address destination, IpProtocol nextHeader, long upperLayerLength) {
        updateLong(source.high());
        updateLong(source.low());
        updateLong(destination.high());
        updateLong(destination.low());
        updateInt((int) upperLayerLength);
        updateShort(0);
        return updateShort(nextHeader.value());
    }

    private void updateLong(long value) {
        updateInt((int) (value >>> 32));
        updateInt((int) value);
    }

    /** Returns the checksum of everything added so far; the accumulator stays usable. */
    public int value() {
        return ~fold(sum) & 0xffff;
    }

    private static int fold(long s) {
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }
}
