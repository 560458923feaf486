package io.stackbench.scenario.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest(name = "{0} is {1} ns")
    @CsvSource(delimiter = '|', value = {
        "0s        | 0",
        "100ns     | 100",
        "10us      | 10000",
        "10µs      | 10000",
        "10µS      | 10000",
        "250ms     | 250000000",
        "1.5s      | 1500000000",
        "0.000000001s | 1",
        "2min      | 120000000000",
        "' 3 s '   | 3000000000",
        "5S        | 5000000000",
        "9223372036854775807ns | 9223372036854775807",
    })
    void durationParsesExactly(String text, long nanos) {
        assertThat(Units.parseDuration(text)).isEqualTo(nanos);
    }

    @ParameterizedTest(name = "{0} is rejected")
    @CsvSource(delimiter = '|', value = {
        "''        | invalid duration \"\"",
        "s         | invalid duration \"s\"",
        "-1s       | invalid duration \"-1s\"",
        "1e3ms     | invalid duration \"1e3ms\"",
        "5         | invalid duration unit \"\" in \"5\"",
        "5h        | invalid duration unit \"h\"",
        ".5s       | invalid duration \".5s\"",
        "1.5ns     | is not a whole number of nanosecond",
        "0.1ns     | is not a whole number of nanosecond",
        "9223372036854775808ns | is not a whole number of nanosecond or is too large",
        "200000000min | or is too large",
    })
    void durationRejectsWithReason(String text, String reason) {
        assertThatThrownBy(() -> Units.parseDuration(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0} lists the accepted units")
    @CsvSource({"5h", "5", "10 parsecs"})
    void durationErrorNamesUnits(String text) {
        assertThatThrownBy(() -> Units.parseDuration(text))
                .hasMessageContaining("ns")
                .hasMessageContaining("ms");
    }

    @ParameterizedTest(name = "{0} is {1} bit/s")
    @CsvSource(delimiter = '|', value = {
        "1000       | 1000",
        "64bit/s    | 64",
        "64bps      | 64",
        "64kbit/s   | 64000",
        "100Mbit/s  | 100000000",
        "100mbps    | 100000000",
        "1Gbit/s    | 1000000000",
        "2.5Gbit/s  | 2500000000",
        "1.5kbit/s  | 1500",
        "0.001kbit/s | 1",
    })
    void bandwidthParsesExactly(String text, long bitsPerSecond) {
        assertThat(Units.parseBandwidth(text)).isEqualTo(bitsPerSecond);
    }

    @ParameterizedTest(name = "{0} is rejected")
    @CsvSource(delimiter = '|', value = {
        "fast          | invalid bandwidth \"fast\"",
        "''            | invalid bandwidth \"\"",
        "10MB/s        | invalid bandwidth unit \"MB/s\"",
        "10Tbit/s      | invalid bandwidth unit \"Tbit/s\"",
        "1.5bit/s      | is not a whole number of bit/s",
        "0.0001kbit/s  | is not a whole number of bit/s",
        "10000000000Gbit/s | or is too large",
    })
    void bandwidthRejectsWithReason(String text, String reason) {
        assertThatThrownBy(() -> Units.parseBandwidth(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
