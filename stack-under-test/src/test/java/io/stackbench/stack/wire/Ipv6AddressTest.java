package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.quicktheories.QuickTheory.qt;

import io.stackbench.sim.net.MacAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6AddressTest {

    @ParameterizedTest(name = "{0} is {1}:{2}")
    @CsvSource({
        "::,                                      0000000000000000, 0000000000000000",
        "::1,                                     0000000000000000, 0000000000000001",
        "fe80::1,                                 fe80000000000000, 0000000000000001",
        "FE80::AbCd,                              fe80000000000000, 000000000000abcd",
        "2001:db8:0:0:1:0:0:1,                    20010db800000000, 0001000000000001",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 20010db800000000, 0000000000000001",
        "1:2:3:4:5:6:7:8,                         0001000200030004, 0005000600070008",
        "1:2:3:4:5:6:7::,                         0001000200030004, 0005000600070000",
        "::2:3:4:5:6:7:8,                         0000000200030004, 0005000600070008",
        "ff02::1:ff12:3456,                       ff02000000000000, 00000001ff123456",
        "::ffff:192.0.2.1,                        0000000000000000, 0000ffffc0000201",
        "64:ff9b::198.51.100.7,                   0064ff9b00000000, 00000000c6336407",
        "1:2:3:4:5:6:192.0.2.1,                   0001000200030004, 00050006c0000201",
    })
    void parsesTextForms(String text, String high, String low) {
        Ipv6Address address = Ipv6Address.parse(text);

        assertThat(address.high()).isEqualTo(Long.parseUnsignedLong(high, 16));
        assertThat(address.low()).isEqualTo(Long.parseUnsignedLong(low, 16));
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {
        "", ":", ":::", "1:::2", "1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::",
        "::1:2:3:4:5:6:7:8", "12345::", "g::1", "fe80::1%eth0", "[::1]", "::1/128", " ::1", "::1 ", ":1::",
        "1::2:", "1:2:3:4:5:6:7:8:", "::ffff:1.2.3", "::ffff:01.2.3.4", "::1.2.3.4:5", "1.2.3.4::",
        "1:2:3:4:5:6:7:1.2.3.4", "localhost", "example.com", "::+1", "::-1", "::0x1", "\u0661::1",
    })
    void parseRejectsNonLiteral(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Ipv6Address.parse(text))
                .withMessageContaining("invalid IPv6 address");
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
        "0:0:0:0:0:0:0:0,         ::",
        "0:0:0:0:0:0:0:1,         ::1",
        "2001:db8:0:0:0:0:2:1,    2001:db8::2:1",
        "2001:db8:0:1:1:1:1:1,    2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1,      2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1,    2001:db8::1:0:0:1",
        "FE80:0:0:0:5054:FF:FE12:3456, fe80::5054:ff:fe12:3456",
        "1:0:0:0:0:0:0:0,         1::",
        "0:0:0:0:0:ffff:c000:201, ::ffff:192.0.2.1",
        "0:0:0:0:ffff:0:c000:201, ::ffff:0:192.0.2.1",
        "0:0:0:0:0:0:c000:201,    ::c000:201",
    })
    void toStringIsRfc5952(String text, String canonical) {
        assertThat(Ipv6Address.parse(text)).hasToString(canonical);
    }

    @Test
    void parseOfToStringIsIdentity() {
        qt().withFixedSeed(5952L).forAll(WireGenerators.ipv6Addresses())
                .checkAssert(address -> assertThat(Ipv6Address.parse(address.toString())).isEqualTo(address));
    }

    @Test
    void readAndWriteAreBigEndian() {
        byte[] bytes = Fixtures.hex("ee fe800000000000000000000000000001 ee");

        Ipv6Address address = Ipv6Address.read(bytes, 1);
        byte[] written = new byte[18];
        address.write(written, 1);

        assertThat(address).isEqualTo(Ipv6Address.parse("fe80::1"));
        assertThat(written).containsExactly(Fixtures.hex("00 fe800000000000000000000000000001 00"));
        assertThat(address.toBytes()).containsExactly(Fixtures.hex("fe800000000000000000000000000001"));
    }

    @Test
    void inetAddressRoundTrip() throws Exception {
        Ipv6Address address = Ipv6Address.parse("2001:db8::7");

        Inet6Address inet = address.toInetAddress();

        assertThat(inet.getAddress()).containsExactly(address.toBytes());
        assertThat(inet.getScopeId()).isZero();
        assertThat(Ipv6Address.of(inet)).isEqualTo(address);
    }

    @Test
    void mappedAddressStaysInet6Address() {
        Ipv6Address mapped = Ipv6Address.parse("::ffff:192.0.2.1");

        assertThat(mapped.toInetAddress()).isInstanceOf(Inet6Address.class);
        assertThat(mapped.toInetAddress().getAddress()).containsExactly(mapped.toBytes());
    }

    @Test
    void ofDropsScopeId() throws Exception {
        Inet6Address scoped = Inet6Address.getByAddress(null, Ipv6Address.parse("fe80::1").toBytes(), 3);

        assertThat(Ipv6Address.of(scoped)).isEqualTo(Ipv6Address.parse("fe80::1"));
    }

    @Test
    void ofAcceptsLoopbackFromJdk() throws Exception {
        InetAddress loopback = InetAddress.getByAddress(Ipv6Address.LOOPBACK.toBytes());

        assertThat(Ipv6Address.of((Inet6Address) loopback)).isEqualTo(Ipv6Address.LOOPBACK);
    }

    @Test
    void constantsHaveRfcValues() {
        assertThat(Ipv6Address.UNSPECIFIED).hasToString("::");
        assertThat(Ipv6Address.LOOPBACK).hasToString("::1");
        assertThat(Ipv6Address.ALL_NODES).hasToString("ff02::1");
        assertThat(Ipv6Address.ALL_ROUTERS).hasToString("ff02::2");
        assertThat(Ipv6Address.ALL_MLDV2_ROUTERS).hasToString("ff02::16");
        assertThat(Ipv6Address.LINK_LOCAL_PREFIX).hasToString("fe80::");
    }

    @ParameterizedTest(name = "{0}: unspecified {1}, loopback {2}, multicast {3}, link-local {4}, mapped {5}")
    @CsvSource({
        "::,                  true,  false, false, false, false",
        "::1,                 false, true,  false, false, false",
        "::2,                 false, false, false, false, false",
        "ff02::1,             false, false, true,  false, false",
        "ff0e::101,           false, false, true,  false, false",
        "feff::1,             false, false, false, false, false",
        "fe80::1,             false, false, false, true,  false",
        "febf:ffff::1,        false, false, false, true,  false",
        "fec0::1,             false, false, false, false, false",
        "fe7f::1,             false, false, false, false, false",
        "::ffff:192.0.2.1,    false, false, false, false, true",
        "::fffe:192.0.2.1,    false, false, false, false, false",
        "1::ffff:192.0.2.1,   false, false, false, false, false",
        "2001:db8::1,         false, false, false, false, false",
    })
    void classifiesAddresses(String text, boolean unspecified, boolean loopback, boolean multicast,
            boolean linkLocal, boolean mapped) {
        Ipv6Address address = Ipv6Address.parse(text);

        assertThat(address.isUnspecified()).as("unspecified").isEqualTo(unspecified);
        assertThat(address.isLoopback()).as("loopback").isEqualTo(loopback);
        assertThat(address.isMulticast()).as("multicast").isEqualTo(multicast);
        assertThat(address.isLinkLocal()).as("link-local").isEqualTo(linkLocal);
        assertThat(address.isIpv4Mapped()).as("IPv4-mapped").isEqualTo(mapped);
    }

    @Test
    void embeddedIpv4OfMappedAddress() {
        assertThat(Ipv6Address.parse("::ffff:198.51.100.7").embeddedIpv4()).isEqualTo(Ipv4Address.parse("198.51.100.7"));
    }

    @ParameterizedTest(name = "{0} solicits {1}")
    @CsvSource({
        "fe80::5054:ff:fe12:3456, ff02::1:ff12:3456",
        "2001:db8::1,             ff02::1:ff00:1",
        "2001:db8::abcd:ef01:2345, ff02::1:ff01:2345",
        "::,                      ff02::1:ff00:0",
    })
    void solicitedNodeMulticastKeepsLow24Bits(String address, String group) {
        Ipv6Address solicited = Ipv6Address.parse(address).solicitedNodeMulticast();

        assertThat(solicited).isEqualTo(Ipv6Address.parse(group));
        assertThat(solicited.isSolicitedNodeMulticast()).isTrue();
        assertThat(solicited.isMulticast()).isTrue();
    }

    @Test
    void solicitedNodePredicateChecksPrefix() {
        assertThat(Ipv6Address.ALL_NODES.isSolicitedNodeMulticast()).isFalse();
        assertThat(Ipv6Address.parse("ff02::1:fe12:3456").isSolicitedNodeMulticast()).isFalse();
        assertThat(Ipv6Address.parse("ff05::1:ff12:3456").isSolicitedNodeMulticast()).isFalse();
    }

    @ParameterizedTest(name = "{0} maps to {1}")
    @CsvSource({
        "ff02::1,           33:33:00:00:00:01",
        "ff02::1:ff12:3456, 33:33:ff:12:34:56",
        "ff02::16,          33:33:00:00:00:16",
        "ff0e::1234:5678,   33:33:12:34:56:78",
    })
    void multicastMacIs3333AndLow32Bits(String group, String mac) {
        assertThat(Ipv6Address.parse(group).multicastMac()).isEqualTo(MacAddress.parse(mac));
    }

    @Test
    void multicastMacRejectsUnicast() {
        Ipv6Address unicast = Ipv6Address.parse("fe80::1");

        assertThatIllegalStateException().isThrownBy(unicast::multicastMac)
                .withMessageContaining("fe80::1 is not a multicast address");
    }

    @ParameterizedTest(name = "{0} under {1} gives {2}")
    @CsvSource({
        "52:54:00:12:34:56, fe80::,        fe80::5054:ff:fe12:3456",
        "02:00:00:00:00:01, fe80::,        fe80::ff:fe00:1",
        "00:00:5e:00:53:01, 2001:db8:1:2::, 2001:db8:1:2:200:5eff:fe00:5301",
        "ff:ff:ff:ff:ff:ff, 2001:db8::,    2001:db8::fdff:ffff:feff:ffff",
        "52:54:00:12:34:56, 2001:db8::99,  2001:db8::5054:ff:fe12:3456",
    })
    void fromEui64FlipsUniversalLocalBit(String mac, String prefix, String expected) {
        Ipv6Address address = Ipv6Address.fromEui64(Ipv6Address.parse(prefix), MacAddress.parse(mac));

        assertThat(address).isEqualTo(Ipv6Address.parse(expected));
    }

    @ParameterizedTest(name = "{0}/{1} is {2}")
    @CsvSource({
        "2001:db8:1:2:3:4:5:6, 64,  2001:db8:1:2::",
        "2001:db8:1:2:3:4:5:6, 48,  2001:db8:1::",
        "2001:db8:1:2:3:4:5:6, 0,   ::",
        "2001:db8:1:2:3:4:5:6, 128, 2001:db8:1:2:3:4:5:6",
        "2001:db8:1:2:3:4:5:6, 96,  2001:db8:1:2:3:4::",
        "fe80::1,              10,  fe80::",
        "febf::1,              10,  fe80::",
        "2001:db8:1:2:ffff::,  65,  2001:db8:1:2:8000::",
    })
    void prefixClearsHostBits(String address, int prefixLength, String prefix) {
        Ipv6Address a = Ipv6Address.parse(address);

        assertThat(a.prefix(prefixLength)).isEqualTo(Ipv6Address.parse(prefix));
        assertThat(a.inPrefix(Ipv6Address.parse(prefix), prefixLength)).isTrue();
    }

    @Test
    void inPrefixComparesPrefixBitsOnly() {
        Ipv6Address prefix = Ipv6Address.parse("2001:db8:1:2::");

        assertThat(Ipv6Address.parse("2001:db8:1:2::99").inPrefix(prefix, 64)).isTrue();
        assertThat(Ipv6Address.parse("2001:db8:1:3::99").inPrefix(prefix, 64)).isFalse();
        assertThat(Ipv6Address.parse("2001:db8:1:3::99").inPrefix(prefix, 62)).isTrue();
        assertThat(Ipv6Address.parse("fe80::1").inPrefix(Ipv6Address.LINK_LOCAL_PREFIX, 10)).isTrue();
        assertThat(Ipv6Address.parse("2001:db8:1:2::99").inPrefix(prefix, 128)).isFalse();
    }

    @Test
    void prefixLengthOutsideRangeRejected() {
        Ipv6Address address = Ipv6Address.parse("2001:db8::1");

        assertThatIllegalArgumentException().isThrownBy(() -> address.prefix(129))
                .withMessageContaining("129 is not between 0 and 128");
        assertThatIllegalArgumentException().isThrownBy(() -> address.prefix(-1));
    }

    @Test
    void ordersAsUnsignedNumbers() {
        assertThat(Ipv6Address.parse("2001:db8::1")).isLessThan(Ipv6Address.parse("fe80::1"));
        assertThat(Ipv6Address.parse("::1")).isLessThan(Ipv6Address.parse("::8000:0:0:0"));
        assertThat(Ipv6Address.parse("fe80::1")).isEqualByComparingTo(Ipv6Address.parse("fe80:0::1"));
    }
}
