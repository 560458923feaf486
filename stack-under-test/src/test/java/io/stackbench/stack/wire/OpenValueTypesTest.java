package io.stackbench.stack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class OpenValueTypesTest {

    @Test
    void etherTypePrintsNameOrHex() {
        assertThat(EtherType.IPV4).hasToString("IPV4");
        assertThat(EtherType.ARP).hasToString("ARP");
        assertThat(EtherType.IPV6).hasToString("IPV6");
        assertThat(EtherType.VLAN).hasToString("VLAN");
        assertThat(EtherType.QINQ).hasToString("QINQ");
        assertThat(new EtherType(0x88b5)).hasToString("0x88b5");
        assertThat(new EtherType(0x0042)).hasToString("0x0042");
    }

    @Test
    void knownValuesEqualTheirConstants() {
        assertThat(new EtherType(0x86dd)).isEqualTo(EtherType.IPV6);
        assertThat(new IpProtocol(6)).isEqualTo(IpProtocol.TCP);
        assertThat(new ArpOperation(2)).isEqualTo(ArpOperation.REPLY);
        assertThat(new Icmpv4Type(8)).isEqualTo(Icmpv4Type.ECHO_REQUEST);
        assertThat(new Icmpv6Type(135)).isEqualTo(Icmpv6Type.NEIGHBOR_SOLICITATION);
        assertThat(new NdpOptionType(3)).isEqualTo(NdpOptionType.PREFIX_INFORMATION);
        assertThat(new Ipv6OptionType(0xc2)).isEqualTo(Ipv6OptionType.JUMBO_PAYLOAD);
    }

    @Test
    void icmpv6TypesPrintNameOrNumber() {
        assertThat(Icmpv6Type.ROUTER_ADVERTISEMENT).hasToString("ROUTER_ADVERTISEMENT");
        assertThat(Icmpv6Type.MULTICAST_LISTENER_REPORT_V2).hasToString("MULTICAST_LISTENER_REPORT_V2");
        assertThat(new Icmpv6Type(200)).hasToString("200");
        assertThat(Icmpv6Type.PARAMETER_PROBLEM.isError()).isTrue();
        assertThat(new Icmpv6Type(127).isError()).isTrue();
        assertThat(Icmpv6Type.ECHO_REQUEST.isError()).isFalse();
    }

    @Test
    void ndpOptionTypesPrintNameOrNumber() {
        assertThat(NdpOptionType.SOURCE_LINK_LAYER_ADDRESS).hasToString("SOURCE_LINK_LAYER_ADDRESS");
        assertThat(NdpOptionType.MTU).hasToString("MTU");
        assertThat(new NdpOptionType(31)).hasToString("31");
    }

    @Test
    void ipv6OptionTypesPrintNameOrHex() {
        assertThat(Ipv6OptionType.PAD1).hasToString("PAD1");
        assertThat(Ipv6OptionType.ROUTER_ALERT).hasToString("ROUTER_ALERT");
        assertThat(new Ipv6OptionType(0x1e)).hasToString("0x1e");
    }

    @Test
    void ipProtocolPrintsNameOrNumber() {
        assertThat(IpProtocol.ICMP).hasToString("ICMP");
        assertThat(IpProtocol.UDP).hasToString("UDP");
        assertThat(IpProtocol.ICMPV6).hasToString("ICMPV6");
        assertThat(new IpProtocol(253)).hasToString("253");
    }

    @Test
    void arpOperationPrintsNameOrNumber() {
        assertThat(ArpOperation.REQUEST).hasToString("REQUEST");
        assertThat(new ArpOperation(9)).hasToString("9");
    }

    @Test
    void icmpv4TypesPrintNameOrNumber() {
        assertThat(Icmpv4Type.TIME_EXCEEDED).hasToString("TIME_EXCEEDED");
        assertThat(new Icmpv4Type(42)).hasToString("42");
        assertThat(Icmpv4UnreachableCode.PORT_UNREACHABLE).hasToString("PORT_UNREACHABLE");
        assertThat(Icmpv4UnreachableCode.PRECEDENCE_CUTOFF).hasToString("PRECEDENCE_CUTOFF");
        assertThat(new Icmpv4UnreachableCode(16)).hasToString("16");
    }

    @Test
    void valuesOutsideFieldWidthRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EtherType(0x10000));
        assertThatIllegalArgumentException().isThrownBy(() -> new EtherType(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> new IpProtocol(256));
        assertThatIllegalArgumentException().isThrownBy(() -> new ArpOperation(0x10000));
        assertThatIllegalArgumentException().isThrownBy(() -> new Icmpv4Type(256));
        assertThatIllegalArgumentException().isThrownBy(() -> new Icmpv4UnreachableCode(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Icmpv6Type(256));
        assertThatIllegalArgumentException().isThrownBy(() -> new NdpOptionType(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Ipv6OptionType(0x100));
    }
}
