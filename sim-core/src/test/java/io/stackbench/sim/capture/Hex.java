package io.stackbench.sim.capture;

import java.util.HexFormat;

/** Hex fixtures for tests: the parts are joined and spaces dropped, so each part can carry one field. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts).replace(" ", ""));
    }

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
