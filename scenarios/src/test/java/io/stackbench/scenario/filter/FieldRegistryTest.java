package io.stackbench.scenario.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldRegistryTest {

    @Test
    void namesAreUnique() {
        Set<String> names = new HashSet<>();
        for (FilterField field : FieldRegistry.all()) {
            assertThat(names.add(field.filterName())).as(field.filterName()).isTrue();
        }
    }

    @Test
    void parentNameSuggestsItsFieldsFirst() {
        assertThat(FieldRegistry.closestNames("tcp.options.wscale", 3))
                .startsWith("tcp.options.wscale.shift", "tcp.options.wscale.multiplier");
        assertThat(FieldRegistry.closestNames("tcp.options.timestamp", 2))
                .containsExactly("tcp.options.timestamp.tsval", "tcp.options.timestamp.tsecr");
    }

    @Test
    void lookupIsExactAndCaseSensitive() {
        assertThat(FieldRegistry.lookup("ip.src")).contains(FilterField.IP_SRC);
        assertThat(FieldRegistry.lookup("IP.SRC")).isEmpty();
        assertThat(FieldRegistry.lookup("ip.src ")).isEmpty();
    }

    @Test
    void protocolsHaveNoWidthAndFieldsDo() {
        for (FilterField field : FieldRegistry.all()) {
            if (field.type() == FieldType.PROTOCOL) {
                assertThat(field.bits()).as(field.filterName()).isZero();
                // Wireshark names an extension header protocol after its parent, as in ipv6.hopopts.
                assertThat(FieldRegistry.lookup(field.protocol())).as(field.filterName()).isPresent();
            } else {
                assertThat(field.bits()).as(field.filterName()).isPositive();
                assertThat(FieldRegistry.lookup(field.protocol())).as(field.filterName()).isPresent();
            }
        }
    }

    @Test
    void maxValueFollowsWiresharkWidth() {
        assertThat(FilterField.IP_TTL.maxValue()).isEqualTo(255);
        assertThat(FilterField.IPV6_FLOW.maxValue()).isEqualTo(0xffffff);
        assertThat(FilterField.TCP_SEQ.maxValue()).isEqualTo(0xffffffffL);
    }

    @Test
    void closestNamesRanksTyposFirst() {
        assertThat(FieldRegistry.closestNames("ip.source", 3)).startsWith("ip.src");
        assertThat(FieldRegistry.closestNames("udp.prot", 3)).startsWith("udp.port");
        assertThat(FieldRegistry.closestNames("tcp.flags.rst", 3)).startsWith("tcp.flags.reset");
        assertThat(FieldRegistry.closestNames("arp.src.ip", 3)).containsExactly("arp.src.hw_mac", "arp.src.proto_ipv4");
        assertThat(FieldRegistry.closestNames("icmpv6.nd.target", 2))
                .containsExactly("icmpv6.nd.ns.target_address", "icmpv6.nd.na.target_address");
        assertThat(FieldRegistry.closestNames("zzzz", 3)).isEmpty();
    }

    @Test
    void filtersPageListsEveryField() throws IOException {
        String page = Files.readString(Path.of("FILTERS.md"));

        for (FilterField field : FieldRegistry.all()) {
            assertThat(page).as(field.filterName()).contains("| `" + field.filterName() + "` |");
        }
    }

    @Test
    void editDistanceCountsSingleEdits() {
        assertThat(FieldRegistry.editDistance("ip.src", "ip.src")).isZero();
        assertThat(FieldRegistry.editDistance("ip.src", "ip.dst")).isEqualTo(3);
        assertThat(FieldRegistry.editDistance("udp.prot", "udp.port")).isEqualTo(2);
        assertThat(FieldRegistry.editDistance("", "arp")).isEqualTo(3);
    }
}
