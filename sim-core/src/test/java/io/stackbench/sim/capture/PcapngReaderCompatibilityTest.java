package io.stackbench.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files as other tools write them: big-endian, several sections, other timestamp units, old block types. */
class PcapngReaderCompatibilityTest {

    private static final byte[] DATA = Hex.bytes("0102030405060708");

    @Test
    void bigEndianMicrosecondsByDefault() throws Exception {
        byte[] file = new Blocks(ByteOrder.BIG_ENDIAN)
                .sectionHeader("made elsewhere")
                .interfaceDescription("eth0", 65535, null, null)
                .enhancedPacket(0, 1_500_000L, DATA, "first")
                .toByteArray();

        Capture capture = PcapngReader.read(file);

        assertThat(capture.sectionComment()).isEqualTo("made elsewhere");
        assertThat(capture.interfaces()).containsExactly(new CaptureInterface("eth0", "", 1, 65535));
        assertThat(capture.frames()).containsExactly(new CapturedFrame(0, 1_500_000_000L, DATA, DATA.length, "first", 0));
    }

    @Test
    void powerOfTwoResolution() throws Exception {
        // if_tsresol 0x8a: units of 2^-10 s, so 1536 units are 1.5 s.
        byte[] file = new Blocks(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader(null)
                .interfaceDescription("eth0", 0, 0x8a, null)
                .enhancedPacket(0, 1536, DATA)
                .toByteArray();

        assertThat(PcapngReader.read(file).frames().get(0).timestampNanos()).isEqualTo(1_500_000_000L);
    }

    @Test
    void picosecondsRoundDown() throws Exception {
        byte[] file = new Blocks(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader(null)
                .interfaceDescription("eth0", 0, 12, null)
                .enhancedPacket(0, 1_234_567L, DATA)
                .toByteArray();

        assertThat(PcapngReader.read(file).frames().get(0).timestampNanos()).isEqualTo(1_234L);
    }

    @Test
    void tsoffsetAddsSeconds() throws Exception {
        byte[] file = new Blocks(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader(null)
                .interfaceDescription("eth0", 0, 9, 100L)
                .enhancedPacket(0, 7, DATA)
                .toByteArray();

        assertThat(PcapngReader.read(file).frames().get(0).timestampNanos()).isEqualTo(100_000_000_007L);
    }

    @Test
    void sectionsNumberInterfacesInFileOrder() throws Exception {
        byte[] first = new Blocks(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader("one")
                .interfaceDescription("a", 0, 9, null)
                .interfaceDescription("b", 0, 9, null)
                .enhancedPacket(1, 10, DATA)
                .toByteArray();
        byte[] second = new Blocks(ByteOrder.BIG_ENDIAN)
                .sectionHeader("two")
                .interfaceDescription("c", 0, 9, null)
                .enhancedPacket(0, 20, DATA)
                .toByteArray();

        Capture capture = PcapngReader.read(PcapngBlockFixtureTest.concat(first, second));

        assertThat(capture.sectionComment()).isEqualTo("one\ntwo");
        assertThat(capture.interfaces()).extracting(CaptureInterface::name).containsExactly("a", "b", "c");
        assertThat(capture.frames()).extracting(CapturedFrame::interfaceId).containsExactly(1, 2);
        assertThat(capture.frames()).extracting(CapturedFrame::timestampNanos).containsExactly(10L, 20L);
    }

    @Test
    void simplePacketCutToSnapLength() throws Exception {
        byte[] file = new Blocks(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader(null)
                .interfaceDescription("eth0", 6, null, null)
                .simplePacket(100, Hex.bytes("010203040506"))
                .toByteArray();

        CapturedFrame frame = PcapngReader.read(file).frames().get(0);

        assertThat(frame.data()).isEqualTo(Hex.bytes("010203040506"));
        assertThat(frame.originalLength()).isEqualTo(100);
        assertThat(frame.timestampNanos()).isZero();
    }

    @Test
    void simplePacketDropsPadding() throws Exception {
        byte[] file = new Blocks(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader(null)
                .interfaceDescription("eth0", 0, null, null)
                .simplePacket(5, Hex.bytes("0102030405"))
                .toByteArray();

        assertThat(PcapngReader.read(file).frames().get(0).data()).isEqualTo(Hex.bytes("0102030405"));
    }

    @Test
    void obsoletePacketBlock() throws Exception {
        byte[] file = new Blocks(ByteOrder.BIG_ENDIAN)
                .sectionHeader(null)
                .interfaceDescription("eth0", 0, 9, null)
                .packet(0, 42, DATA, "old style")
                .toByteArray();

        assertThat(PcapngReader.read(file).frames())
                .containsExactly(new CapturedFrame(0, 42, DATA, DATA.length, "old style", 0));
    }

    @Test
    void unknownBlocksSkipped() throws Exception {
        byte[] file = new Blocks(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader(null)
                .raw(0x00000BAD, Hex.bytes("0000a0be", "0102030405")) // custom block with a private enterprise number
                .interfaceDescription("eth0", 0, 9, null)
                .raw(0x0000000A, Hex.bytes("4b53544c", "00000000")) // Decryption Secrets Block, empty secrets
                .enhancedPacket(0, 1, DATA)
                .toByteArray();

        Capture capture = PcapngReader.read(file);

        assertThat(capture.interfaces()).hasSize(1);
        assertThat(capture.frames()).hasSize(1);
    }

    @Test
    void severalCommentsJoined() throws Exception {
        byte[] file = new Blocks(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader(null)
                .interfaceDescription("eth0", 0, 9, null)
                .enhancedPacket(0, 1, DATA, "step 3", "peer rogue-ra")
                .toByteArray();

        assertThat(PcapngReader.read(file).frames().get(0).comment()).isEqualTo("step 3\npeer rogue-ra");
    }

    @Test
    void nameRecordsOfOtherTypesSkipped() throws Exception {
        byte[] file = new Blocks(ByteOrder.LITTLE_ENDIAN)
                .sectionHeader(null)
                .raw(4, Hex.bytes(
                        "0300 0900", "020000000001", "6d6163", "000000",   // EUI-48 record, not in the model
                        "0100 0800", "c0000201", "686f7374",               // 192.0.2.1 "host", final NUL missing
                        "0000 0000"))
                .toByteArray();

        List<NameRecord> names = PcapngReader.read(file).names();

        assertThat(names).containsExactly(new NameRecord(TestFrames.address("192.0.2.1"), "host"));
    }
}
