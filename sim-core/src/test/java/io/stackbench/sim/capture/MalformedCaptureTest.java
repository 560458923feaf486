package io.stackbench.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed files raise one CaptureFormatException naming the offset, never another exception or a hang. */
class MalformedCaptureTest {

    /** Length of the Section Header Block that {@link Blocks#sectionHeader} writes without a comment. */
    private static final int SHB_LENGTH = 28;
    /** Length of the Interface Description Block that {@link #withInterface} writes. */
    private static final int IDB_LENGTH = 40;

    private static Blocks withInterface() {
        return new Blocks(ByteOrder.LITTLE_ENDIAN).sectionHeader(null).interfaceDescription("eth0", 0, 9, null);
    }

    private static byte[] append(byte[] file, String hex) {
        return PcapngBlockFixtureTest.concat(file, Hex.bytes(hex));
    }

    static Stream<Arguments> malformedPcapng() {
        byte[] section = new Blocks(ByteOrder.LITTLE_ENDIAN).sectionHeader(null).toByteArray();
        byte[] valid = withInterface().enhancedPacket(0, 1, Hex.bytes("0102030405")).toByteArray();
        byte[] badTrailer = valid.clone();
        badTrailer[badTrailer.length - 1] = 0x7f;

        ByteBuffer overrun = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        overrun.putInt(0).putInt(0).putInt(1).putInt(100).putInt(100).putInt(0x0403_0201).putInt(0x0807_0605);
        ByteBuffer unknownInterface = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        unknownInterface.putInt(3).putInt(0).putInt(1).putInt(0).putInt(0);
        ByteBuffer longOption = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        longOption.putShort((short) 1).putShort((short) 0).putInt(0).putShort((short) 2).putShort((short) 200).putInt(0);
        ByteBuffer wideTsresol = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        wideTsresol.putShort((short) 1).putShort((short) 0).putInt(0).putShort((short) 9).putShort((short) 2).putInt(6).putInt(0);

        return Stream.of(
                Arguments.of("empty file", new byte[0], 0, "file is empty"),
                Arguments.of("classic pcap", Hex.bytes("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 01000000"), 0,
                        "not a pcapng file"),
                Arguments.of("cut inside header", Hex.bytes("0a0d0d0a"), 4, "file ends inside a block"),
                Arguments.of("zero block length", append(section, "06000000 00000000"), SHB_LENGTH + 4,
                        "less than the minimum 12"),
                Arguments.of("unaligned block length", append(section, "06000000 0d000000 00000000 0d000000"),
                        SHB_LENGTH + 4, "not a multiple of 4"),
                Arguments.of("cut inside block", Arrays.copyOf(valid, valid.length - 6), valid.length - 6,
                        "file ends inside a block"),
                Arguments.of("trailer differs", badTrailer, valid.length - 4, "differs from the one at the start"),
                Arguments.of("bad byte-order magic", Hex.bytes("0a0d0d0a 1c000000 01020304 0100 0000 ffffffffffffffff 1c000000"),
                        8, "invalid byte-order magic"),
                Arguments.of("unsupported version", Hex.bytes("0a0d0d0a 1c000000 4d3c2b1a 0200 0000 ffffffffffffffff 1c000000"),
                        12, "unsupported pcapng version 2.0"),
                Arguments.of("captured length overrun", withInterface().raw(6, overrun.array()).toByteArray(),
                        SHB_LENGTH + IDB_LENGTH + 8 + 12, "captured length 100 runs past the end of the block"),
                Arguments.of("packet before interface", withInterface().raw(6, unknownInterface.array()).toByteArray(),
                        SHB_LENGTH + IDB_LENGTH + 8, "interface id 3 has no Interface Description Block"),
                Arguments.of("option overrun", new Blocks(ByteOrder.LITTLE_ENDIAN).sectionHeader(null)
                        .raw(1, longOption.array()).toByteArray(), SHB_LENGTH + 8 + 8 + 2, "has length 200"),
                Arguments.of("two-byte if_tsresol", new Blocks(ByteOrder.LITTLE_ENDIAN).sectionHeader(null)
                        .raw(1, wideTsresol.array()).toByteArray(), SHB_LENGTH + 8 + 8 + 2,
                        "if_tsresol option of the Interface Description Block has length 2, expected 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPcapng")
    void pcapngFault(String name, byte[] file, long offset, String reason) {
        assertThatThrownBy(() -> PcapngReader.read(file))
                .isInstanceOfSatisfying(CaptureFormatException.class, e -> {
                    assertThat(e.getMessage()).contains(reason);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.getMessage()).contains("offset " + offset);
                });
    }

    static Stream<Arguments> malformedPcap() {
        byte[] header = Hex.bytes("4d3cb2a1 0200 0400 00000000 00000000 ffff0000 01000000");
        return Stream.of(
                Arguments.of("cut inside file header", Arrays.copyOf(header, 10), 10, "inside the 24-byte pcap file header"),
                Arguments.of("unknown magic", Hex.bytes("0a0d0d0a 0200 0400 00000000 00000000 ffff0000 01000000"), 0,
                        "not a pcap file"),
                Arguments.of("unsupported version", Hex.bytes("4d3cb2a1 0100 0000 00000000 00000000 ffff0000 01000000"), 4,
                        "unsupported pcap version 1.0"),
                Arguments.of("cut inside record header", append(header, "00000000 00000000"), 24,
                        "inside a record header"),
                Arguments.of("cut inside record", append(header, "00000000 00000000 10000000 10000000 0102"), 42,
                        "captured length 16"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedPcap")
    void pcapFault(String name, byte[] file, long offset, String reason) {
        assertThatThrownBy(() -> PcapReader.read(file))
                .isInstanceOfSatisfying(CaptureFormatException.class, e -> {
                    assertThat(e.getMessage()).contains(reason);
                    assertThat(e.offset()).isEqualTo(offset);
                });
    }

    @Test
    void damagedPcapngRaisesOnlyFormatErrors() {
        byte[] valid = PcapngWriter.toBytes(CaptureRoundTripTest.sampleCapture());
        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                qt().withFixedSeed(7L).withExamples(3000)
                        .forAll(integers().between(0, valid.length - 1), integers().between(0, 255), integers().between(0, 2))
                        .checkAssert((position, value, kind) -> readDamaged(valid, position, value, kind, true)));
    }

    @Test
    void damagedPcapRaisesOnlyFormatErrors() {
        byte[] valid = PcapWriter.toBytes(CaptureRoundTripTest.sampleCapture(), 0, TimestampResolution.NANOSECOND);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                qt().withFixedSeed(7L).withExamples(2000)
                        .forAll(integers().between(0, valid.length - 1), integers().between(0, 255), integers().between(0, 2))
                        .checkAssert((position, value, kind) -> readDamaged(valid, position, value, kind, false)));
    }

    /** Damages one byte (kind 0), zeroes a 32-bit word (kind 1) or cuts the file (kind 2), then reads it. */
    private static void readDamaged(byte[] valid, int position, int value, int kind, boolean pcapng) {
        byte[] damaged;
        if (kind == 2) {
            damaged = Arrays.copyOf(valid, position);
        } else {
            damaged = valid.clone();
            if (kind == 0) {
                damaged[position] = (byte) value;
            } else {
                int word = position & ~3;
                Arrays.fill(damaged, word, Math.min(word + 4, damaged.length), (byte) 0);
            }
        }
        try {
            if (pcapng) {
                PcapngReader.read(damaged);
            } else {
                PcapReader.read(damaged);
            }
        } catch (CaptureFormatException expected) {
            assertThat(expected.offset()).isBetween(0L, (long) damaged.length);
        }
    }
}
