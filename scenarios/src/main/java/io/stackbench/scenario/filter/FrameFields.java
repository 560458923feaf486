package io.stackbench.scenario.filter;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The filter fields of one Ethernet II frame, decoded once with pcap4j.
 *
 * <p>A field appears once per occurrence, so {@code ip.addr} has two values and, in an ICMP error
 * that quotes the invoking datagram, {@code ip.src} has one value for the outer and one for the
 * quoted header, as in Wireshark. A field that pcap4j could not decode is absent. Instances are
 * immutable.
 */
public final class FrameFields {

    private final Map<FilterField, List<FieldValue>> values;

    private FrameFields(Map<FilterField, List<FieldValue>> values) {
        this.values = values;
    }

    /**
     * Decodes every supported field of {@code frame}. Never throws for malformed or truncated input:
     * the fields of a header that pcap4j rejects are absent.
     */
    public static FrameFields decode(byte[] frame) {
        Builder builder = new Builder();
        builder.protocol(FilterField.FRAME);
        builder.number(FilterField.FRAME_LEN, frame.length);
        FrameDecoder.decode(frame, builder);
        return builder.build();
    }

    /** Returns whether the frame contains at least one occurrence of {@code field}. */
    public boolean contains(FilterField field) {
        return values.containsKey(field);
    }

    /** Returns every occurrence of {@code field} formatted as a filter literal, in decode order. */
    public List<String> format(FilterField field) {
        List<String> formatted = new ArrayList<>();
        for (FieldValue value : values(field)) {
            formatted.add(value.format(field.type()));
        }
        return formatted;
    }

    List<FieldValue> values(FilterField field) {
        return values.getOrDefault(field, List.of());
    }

    /** Lists every decoded field as {@code name=value}, for failure messages. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<FilterField, List<FieldValue>> entry : values.entrySet()) {
            FilterField field = entry.getKey();
            if (text.length() > 0) {
                text.append(' ');
            }
            if (field.type() == FieldType.PROTOCOL) {
                text.append(field.filterName());
                continue;
            }
            text.append(field.filterName()).append('=').append(String.join(",", format(field)));
        }
        return text.toString();
    }

    /** Collects field occurrences while a frame is decoded. */
    static final class Builder {
        private final EnumMap<FilterField, List<FieldValue>> values = new EnumMap<>(FilterField.class);

        void protocol(FilterField protocol) {
            values.computeIfAbsent(protocol, key -> new ArrayList<>());
        }

        void number(FilterField field, long value) {
            add(field, new FieldValue.Number(value));
        }

        void flag(FilterField field, boolean value) {
            add(field, new FieldValue.Number(value ? 1 : 0));
        }

        void address(FilterField field, byte[] octets) {
            add(field, new FieldValue.Address(octets.clone()));
        }

        private void add(FilterField field, FieldValue value) {
            values.computeIfAbsent(field, key -> new ArrayList<>()).add(value);
        }

        FrameFields build() {
            EnumMap<FilterField, List<FieldValue>> frozen = new EnumMap<>(FilterField.class);
            for (Map.Entry<FilterField, List<FieldValue>> entry : values.entrySet()) {
                frozen.put(entry.getKey(), List.copyOf(entry.getValue()));
            }
            return new FrameFields(frozen);
        }
    }
}
