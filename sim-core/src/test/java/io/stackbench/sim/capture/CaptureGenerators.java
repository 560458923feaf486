package io.stackbench.sim.capture;

import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/** QuickTheories generators of valid captures. */
final class CaptureGenerators {

    private CaptureGenerators() {
    }

    /** Text of 0 to 40 code points up to U+07FF, without NUL, so it survives UTF-8 both ways. */
    static Gen<String> text() {
        return strings().betweenCodePoints(0x20, 0x7ff).ofLengthBetween(0, 40);
    }

    static Gen<byte[]> frameBytes() {
        return arrays().ofIntegers(integers().between(0, 255)).withLengthBetween(0, 200).map(values -> {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) (int) values[i];
            }
            return bytes;
        });
    }

    /** Frames on {@code interfaceCount} interfaces, up to 4 hours of nanoseconds, with comments and flags. */
    static Gen<CapturedFrame> frames(int interfaceCount) {
        Gen<Integer> interfaceIds = integers().between(0, interfaceCount - 1);
        Gen<Long> timestamps = longs().between(0, 4L * 3600 * 1_000_000_000L);
        Gen<Integer> extraLength = integers().between(0, 1500);
        Gen<Integer> flags = integers().between(0, 3).map(direction -> direction == 3 ? 0x0100_0001 : direction);
        return in -> {
            byte[] data = frameBytes().generate(in);
            return new CapturedFrame(interfaceIds.generate(in), timestamps.generate(in), data,
                    data.length + extraLength.generate(in), text().generate(in), flags.generate(in));
        };
    }

    static Gen<NameRecord> names() {
        Gen<Boolean> ipv4 = integers().between(0, 1).map(bit -> bit == 0);
        Gen<Integer> octets = integers().between(0, 255);
        Gen<List<String>> nameLists = lists().of(strings().betweenCodePoints(0x21, 0x7ff).ofLengthBetween(1, 20))
                .ofSizeBetween(1, 3);
        return in -> {
            byte[] address = new byte[ipv4.generate(in) ? 4 : 16];
            for (int i = 0; i < address.length; i++) {
                address[i] = (byte) (int) octets.generate(in);
            }
            if (address.length == 16) {
                // 2001:db8::/32 keeps clear of IPv4-mapped addresses, which read back as IPv4.
                address[0] = 0x20;
                address[1] = 0x01;
                address[2] = 0x0d;
                address[3] = (byte) 0xb8;
            }
            try {
                return new NameRecord(InetAddress.getByAddress(address), nameLists.generate(in));
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static Gen<Capture> captures() {
        Gen<Integer> interfaceCounts = integers().between(1, 4);
        Gen<Integer> snapLengths = integers().between(0, 1).map(choice -> choice == 0 ? 0 : 262_144);
        Gen<Integer> frameCounts = integers().between(0, 30);
        Gen<Integer> nameCounts = integers().between(0, 6);
        Gen<Long> counters = longs().between(-1, 1_000_000);
        return in -> {
            int interfaceCount = interfaceCounts.generate(in);
            List<CaptureInterface> interfaces = new ArrayList<>();
            for (int i = 0; i < interfaceCount; i++) {
                interfaces.add(new CaptureInterface("seg" + i, text().generate(in), 1, snapLengths.generate(in)));
            }
            List<CapturedFrame> frames = new ArrayList<>();
            int frameCount = frameCounts.generate(in);
            for (int i = 0; i < frameCount; i++) {
                frames.add(frames(interfaceCount).generate(in));
            }
            List<NameRecord> names = new ArrayList<>();
            int nameCount = nameCounts.generate(in);
            for (int i = 0; i < nameCount; i++) {
                names.add(names().generate(in));
            }
            List<InterfaceStatistics> statistics = new ArrayList<>();
            for (int i = 0; i < interfaceCount; i++) {
                statistics.add(new InterfaceStatistics(i, 1000L * i, counters.generate(in), counters.generate(in),
                        counters.generate(in), counters.generate(in)));
            }
            return new Capture(text().generate(in), interfaces, frames, names, statistics);
        };
    }
}
