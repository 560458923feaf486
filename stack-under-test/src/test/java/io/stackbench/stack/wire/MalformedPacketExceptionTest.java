package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MalformedPacketExceptionTest {

    @ParameterizedTest(name = "{0} {1} counts as {2}")
    @CsvSource({
        "ethernet, TRUNCATED,                 ethernet.truncated",
        "ipv4,     BAD_CHECKSUM,              ipv4.bad-checksum",
        "ipv4,     BAD_HEADER_LENGTH,         ipv4.bad-header-length",
        "arp,      UNSUPPORTED_HARDWARE_TYPE, arp.unsupported-hardware-type",
        "arp,      UNSUPPORTED_OPERATION,     arp.unsupported-operation",
        "icmpv6,   BAD_OPTION_LENGTH,         icmpv6.bad-option-length",
        "ipv6,     BAD_LENGTH,                ipv6.bad-length",
        "udp,      ZERO_CHECKSUM,             udp.zero-checksum",
    })
    void counterNameJoinsProtocolAndReason(String protocol, MalformedPacketException.Reason reason, String counter) {
        MalformedPacketException e = new MalformedPacketException(protocol, reason, "detail");

        assertThat(e.counterName()).isEqualTo(counter);
    }

    @Test
    void messageNamesProtocolReasonAndDetail() {
        MalformedPacketException e = new MalformedPacketException("ipv4",
                MalformedPacketException.Reason.BAD_VERSION, "version 6 is not 4");

        assertThat(e.protocol()).isEqualTo("ipv4");
        assertThat(e.reason()).isEqualTo(MalformedPacketException.Reason.BAD_VERSION);
        assertThat(e).hasMessage("ipv4 bad-version: version 6 is not 4");
    }
}
