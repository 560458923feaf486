package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TcpFlagsTest {

    @ParameterizedTest(name = "0x{0} prints as {1}")
    @CsvSource(delimiter = '|', value = {
        "00 | NONE",
        "02 | SYN",
        "12 | SYN,ACK",
        "18 | PSH,ACK",
        "11 | FIN,ACK",
        "14 | RST,ACK",
        "c2 | SYN,ECE,CWR",
        "ff | FIN,SYN,RST,PSH,ACK,URG,ECE,CWR",
    })
    void printsSetBitsInOrder(String bitsHex, String expected) {
        assertThat(new TcpFlags(Integer.parseInt(bitsHex, 16))).hasToString(expected);
    }

    @Test
    void ofJoinsFlags() {
        assertThat(TcpFlags.of(TcpFlags.SYN, TcpFlags.ACK)).isEqualTo(new TcpFlags(0x12));
        assertThat(TcpFlags.of()).isEqualTo(TcpFlags.NONE);
    }

    @Test
    void containsNeedsEveryBit() {
        TcpFlags synAck = TcpFlags.of(TcpFlags.SYN, TcpFlags.ACK);

        assertThat(synAck.contains(TcpFlags.SYN)).isTrue();
        assertThat(synAck.contains(TcpFlags.ACK)).isTrue();
        assertThat(synAck.contains(TcpFlags.of(TcpFlags.SYN, TcpFlags.FIN))).isFalse();
        assertThat(synAck.contains(TcpFlags.NONE)).isTrue();
    }

    @Test
    void withAndWithoutChangeOnlyGivenBits() {
        TcpFlags synAck = TcpFlags.of(TcpFlags.SYN, TcpFlags.ACK);

        assertThat(synAck.without(TcpFlags.SYN)).isEqualTo(TcpFlags.ACK);
        assertThat(TcpFlags.ACK.with(TcpFlags.FIN)).hasToString("FIN,ACK");
        assertThat(TcpFlags.NONE.isEmpty()).isTrue();
        assertThat(TcpFlags.RST.isEmpty()).isFalse();
    }

    @Test
    void valuesOutsideEightBitsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpFlags(0x100));
        assertThatIllegalArgumentException().isThrownBy(() -> new TcpFlags(-1));
    }
}
