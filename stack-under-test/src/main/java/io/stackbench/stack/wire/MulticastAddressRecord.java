package io.stackbench.stack.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One Multicast Address Record of an MLDv2 report (RFC 3810 §5.2.4): the record type, the group,
 * its source addresses and auxiliary data. The Aux Data Len field is the length of
 * {@code auxiliaryData} in 32-bit words, so that array is a multiple of 4 bytes long.
 */
public record MulticastAddressRecord(
        int recordType, Ipv6Address multicastAddress, List<Ipv6Address> sources, byte[] auxiliaryData) {

    /** Current-state record: the listener includes the listed sources (RFC 3810 §5.2.12). */
    public static final int MODE_IS_INCLUDE = 1;
    /** Current-state record: the listener excludes the listed sources. */
    public static final int MODE_IS_EXCLUDE = 2;
    /** Filter-mode-change record: the listener switched to INCLUDE mode. */
    public static final int CHANGE_TO_INCLUDE_MODE = 3;
    /** Filter-mode-change record: the listener switched to EXCLUDE mode, as when it joins a group. */
    public static final int CHANGE_TO_EXCLUDE_MODE = 4;
    /** Source-list-change record: the listed sources were added. */
    public static final int ALLOW_NEW_SOURCES = 5;
    /** Source-list-change record: the listed sources were removed. */
    public static final int BLOCK_OLD_SOURCES = 6;

    /** Length of record type, aux data length, number of sources and the multicast address. */
    static final int HEADER_LENGTH = 20;

    private static final int RECORD_TYPE = 0;
    private static final int AUX_DATA_LEN = 1;
    private static final int NUMBER_OF_SOURCES = 2;
    private static final int MULTICAST_ADDRESS = 4;

    public MulticastAddressRecord {
        if (recordType < 0 || recordType > 0xff) {
            throw new IllegalArgumentException("MLDv2 record type " + recordType + " does not fit in 8 bits");
        }
        Objects.requireNonNull(multicastAddress, "multicastAddress");
        sources = List.copyOf(sources);
        if (sources.size() > 0xffff) {
            throw new IllegalArgumentException("MLDv2 record has " + sources.size() + " sources, more than 65535");
        }
        if (auxiliaryData.length % 4 != 0 || auxiliaryData.length > 0xff * 4) {
            throw new IllegalArgumentException("MLDv2 auxiliary data of " + auxiliaryData.length
                    + " bytes is not a multiple of 4 bytes up to 1020");
        }
        auxiliaryData = auxiliaryData.clone();
    }

    /** Creates a record without auxiliary data, the only form RFC 3810 defines. */
    public MulticastAddressRecord(int recordType, Ipv6Address multicastAddress, List<Ipv6Address> sources) {
        this(recordType, multicastAddress, sources, new byte[0]);
    }

    /**
     * Reads the record at {@code buffer[position]}, which must not reach past {@code end}.
     *
     * @throws MalformedPacketException {@code icmpv6.truncated} if the record runs past {@code end}
     */
    static MulticastAddressRecord read(byte[] buffer, int position, int end) throws MalformedPacketException {
        if (end - position < HEADER_LENGTH) {
            throw truncated("record header needs " + HEADER_LENGTH + " bytes, but " + (end - position) + " remain");
        }
        int auxiliaryLength = Bytes.readU8(buffer, position + AUX_DATA_LEN) * 4;
        int sourceCount = Bytes.readU16(buffer, position + NUMBER_OF_SOURCES);
        int length = HEADER_LENGTH + sourceCount * Ipv6Address.LENGTH + auxiliaryLength;
        if (end - position < length) {
            throw truncated("record with " + sourceCount + " sources and " + auxiliaryLength
                    + " bytes of auxiliary data needs " + length + " bytes, but " + (end - position) + " remain");
        }

        Ipv6Address[] sources = new Ipv6Address[sourceCount];
        int sourcePosition = position + HEADER_LENGTH;
        for (int i = 0; i < sourceCount; i++) {
            sources[i] = Ipv6Address.read(buffer, sourcePosition);
            sourcePosition += Ipv6Address.LENGTH;
        }
        byte[] auxiliaryData = Arrays.copyOfRange(buffer, sourcePosition, sourcePosition + auxiliaryLength);
        return new MulticastAddressRecord(Bytes.readU8(buffer, position + RECORD_TYPE),
                Ipv6Address.read(buffer, position + MULTICAST_ADDRESS), List.of(sources), auxiliaryData);
    }

    private static MalformedPacketException truncated(String detail) {
        return new MalformedPacketException(Icmpv6Packet.PROTOCOL, MalformedPacketException.Reason.TRUNCATED,
                "MLDv2 " + detail);
    }

    @Override
    public byte[] auxiliaryData() {
        return auxiliaryData.clone();
    }

    /** Returns the record length in bytes. */
    public int bufferLength() {
        return HEADER_LENGTH + sources.size() * Ipv6Address.LENGTH + auxiliaryData.length;
    }

    /** Writes the record at {@code buffer[offset]}. */
    public void emit(byte[] buffer, int offset) {
        buffer[offset + RECORD_TYPE] = (byte) recordType;
        buffer[offset + AUX_DATA_LEN] = (byte) (auxiliaryData.length / 4);
        Bytes.writeU16(buffer, offset + NUMBER_OF_SOURCES, sources.size());
        multicastAddress.write(buffer, offset + MULTICAST_ADDRESS);
        int position = offset + HEADER_LENGTH;
        for (Ipv6Address source : sources) {
            source.write(buffer, position);
            position += Ipv6Address.LENGTH;
        }
        System.arraycopy(auxiliaryData, 0, buffer, position, auxiliaryData.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MulticastAddressRecord other && recordType == other.recordType
                && multicastAddress.equals(other.multicastAddress) && sources.equals(other.sources)
                && Arrays.equals(auxiliaryData, other.auxiliaryData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordType, multicastAddress, sources, Arrays.hashCode(auxiliaryData));
    }

    @Override
    public String toString() {
        return "MulticastAddressRecord[recordType=" + recordType + ", multicastAddress=" + multicastAddress
                + ", sources=" + sources + ", auxiliaryData=" + HexFormat.of().formatHex(auxiliaryData) + "]";
    }
}
