package io.stackbench.sim.capture;

/** Block types and option codes of pcapng, named as in {@code draft-ietf-opsawg-pcapng}. */
final class Pcapng {

    static final int SECTION_HEADER_BLOCK = 0x0A0D0D0A;
    static final int INTERFACE_DESCRIPTION_BLOCK = 0x00000001;
    /** The obsolete Packet Block, which Enhanced Packet Blocks replaced. */
    static final int PACKET_BLOCK = 0x00000002;
    static final int SIMPLE_PACKET_BLOCK = 0x00000003;
    static final int NAME_RESOLUTION_BLOCK = 0x00000004;
    static final int INTERFACE_STATISTICS_BLOCK = 0x00000005;
    static final int ENHANCED_PACKET_BLOCK = 0x00000006;

    /** The Section Header Block's byte-order magic, read in the section's byte order. */
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int MAJOR_VERSION = 1;
    static final int MINOR_VERSION = 0;

    static final int OPT_ENDOFOPT = 0;
    static final int OPT_COMMENT = 1;

    static final int IF_NAME = 2;
    static final int IF_DESCRIPTION = 3;
    static final int IF_TSRESOL = 9;
    static final int IF_TSOFFSET = 14;

    static final int EPB_FLAGS = 2;
    /** The obsolete Packet Block's flags option, coded as {@code epb_flags} is. */
    static final int PACK_FLAGS = 2;

    static final int ISB_STARTTIME = 2;
    static final int ISB_ENDTIME = 3;
    static final int ISB_IFRECV = 4;
    static final int ISB_IFDROP = 5;

    static final int NRB_RECORD_END = 0;
    static final int NRB_RECORD_IPV4 = 1;
    static final int NRB_RECORD_IPV6 = 2;

    /** {@code if_tsresol} = 9: timestamps count 10^-9 seconds. */
    static final int TSRESOL_NANOSECONDS = 9;
    /** The timestamp resolution of an interface without {@code if_tsresol}: 10^-6 seconds. */
    static final int TSRESOL_DEFAULT = 6;

    /** The largest option value, because an option's length field is 16 bits wide. */
    static final int MAX_OPTION_LENGTH = 0xffff;

    private Pcapng() {
    }

    /** Rounds {@code length} up to the next multiple of 4, the alignment of every pcapng field. */
    static int padded(int length) {
        return (length + 3) & ~3;
    }
}
