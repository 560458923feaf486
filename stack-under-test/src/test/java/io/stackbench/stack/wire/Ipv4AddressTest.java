package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Ipv4AddressTest {

    @Test
    void parseDottedQuad() {
        assertThat(Ipv4Address.parse("192.0.2.1").value()).isEqualTo(0xc000_0201);
        assertThat(Ipv4Address.parse("0.0.0.0")).isEqualTo(Ipv4Address.UNSPECIFIED);
        assertThat(Ipv4Address.parse("255.255.255.255")).isEqualTo(Ipv4Address.BROADCAST);
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {
        "", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "1..2.3", "256.0.0.1", "01.2.3.4", "1.2.3.04",
        "1.2.3.-4", "+1.2.3.4", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4\n", "0x1.2.3.4", "1.2.3.a", "1234.1.1.1",
        "localhost", "example.com", "\u0661.2.3.4",
    })
    void parseRejectsNonDottedQuad(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Ipv4Address.parse(text))
                .withMessageContaining("invalid IPv4 address");
    }

    @Test
    void parseOfToStringIsIdentity() {
        qt().withFixedSeed(791L).forAll(WireGenerators.ipv4Addresses())
                .checkAssert(address -> assertThat(Ipv4Address.parse(address.toString())).isEqualTo(address));
    }

    @Test
    void toStringIsDottedQuad() {
        assertThat(new Ipv4Address(0xc0a8_00ff)).hasToString("192.168.0.255");
        assertThat(Ipv4Address.BROADCAST).hasToString("255.255.255.255");
    }

    @Test
    void readAndWriteAreBigEndian() {
        byte[] bytes = {0, 10, 0, 0, 1, 0};

        Ipv4Address address = Ipv4Address.read(bytes, 1);
        byte[] written = new byte[4];
        address.write(written, 0);

        assertThat(address).isEqualTo(Ipv4Address.parse("10.0.0.1"));
        assertThat(written).containsExactly(10, 0, 0, 1);
    }

    @Test
    void inetAddressRoundTrip() throws Exception {
        Ipv4Address address = Ipv4Address.parse("198.51.100.7");

        Inet4Address inet = address.toInetAddress();

        assertThat(inet.getAddress()).containsExactly(198, 51, 100, 7);
        assertThat(Ipv4Address.of(inet)).isEqualTo(address);
        assertThat(Ipv4Address.of((Inet4Address) InetAddress.getByAddress(new byte[] {127, 0, 0, 1})))
                .isEqualTo(Ipv4Address.LOOPBACK);
    }

    @Test
    void classifiesSpecialAddresses() {
        assertThat(Ipv4Address.BROADCAST.isBroadcast()).isTrue();
        assertThat(Ipv4Address.parse("192.0.2.255").isBroadcast()).isFalse();
        assertThat(Ipv4Address.parse("224.0.0.1").isMulticast()).isTrue();
        assertThat(Ipv4Address.parse("239.255.255.255").isMulticast()).isTrue();
        assertThat(Ipv4Address.parse("240.0.0.0").isMulticast()).isFalse();
        assertThat(Ipv4Address.parse("223.255.255.255").isMulticast()).isFalse();
        assertThat(Ipv4Address.UNSPECIFIED.isUnspecified()).isTrue();
        assertThat(Ipv4Address.parse("127.255.0.9").isLoopback()).isTrue();
        assertThat(Ipv4Address.parse("128.0.0.1").isLoopback()).isFalse();
        assertThat(Ipv4Address.parse("169.254.3.4").isLinkLocal()).isTrue();
        assertThat(Ipv4Address.parse("169.255.3.4").isLinkLocal()).isFalse();
    }

    @ParameterizedTest(name = "{0}/{1}: network {2}, broadcast {3}")
    @CsvSource({
        "192.0.2.77,    24, 192.0.2.0,     192.0.2.255",
        "10.1.2.3,      8,  10.0.0.0,      10.255.255.255",
        "172.16.5.4,    20, 172.16.0.0,    172.16.15.255",
        "192.0.2.77,    32, 192.0.2.77,    192.0.2.77",
        "192.0.2.77,    0,  0.0.0.0,       255.255.255.255",
    })
    void prefixHelpers(String address, int prefixLength, String network, String broadcast) {
        Ipv4Address a = Ipv4Address.parse(address);

        assertThat(a.networkAddress(prefixLength)).isEqualTo(Ipv4Address.parse(network));
        assertThat(a.subnetBroadcast(prefixLength)).isEqualTo(Ipv4Address.parse(broadcast));
        assertThat(a.inSubnet(Ipv4Address.parse(network), prefixLength)).isTrue();
    }

    @Test
    void inSubnetComparesPrefixBitsOnly() {
        Ipv4Address network = Ipv4Address.parse("192.0.2.0");

        assertThat(Ipv4Address.parse("192.0.2.200").inSubnet(network, 24)).isTrue();
        assertThat(Ipv4Address.parse("192.0.3.1").inSubnet(network, 24)).isFalse();
        assertThat(Ipv4Address.parse("192.0.3.1").inSubnet(network, 23)).isTrue();
        assertThat(Ipv4Address.parse("8.8.8.8").inSubnet(network, 0)).isTrue();
    }

    @ParameterizedTest(name = "prefix length {0}")
    @ValueSource(ints = {-1, 33})
    void netmaskRejectsBadPrefixLength(int prefixLength) {
        assertThatIllegalArgumentException().isThrownBy(() -> Ipv4Address.netmask(prefixLength))
                .withMessageContaining("prefix length " + prefixLength);
    }

    @Test
    void netmaskValues() {
        assertThat(Ipv4Address.netmask(0)).isZero();
        assertThat(Ipv4Address.netmask(24)).isEqualTo(0xffff_ff00);
        assertThat(Ipv4Address.netmask(32)).isEqualTo(0xffff_ffff);
    }

    @Test
    void comparesAsUnsigned() {
        assertThat(Ipv4Address.parse("10.0.0.1")).isLessThan(Ipv4Address.parse("192.0.2.1"));
    }
}
