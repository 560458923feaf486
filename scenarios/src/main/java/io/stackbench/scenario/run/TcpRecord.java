package io.stackbench.scenario.run;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.sim.spi.TcpConnection;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the bench saw of TCP through one handler: the connections a listening port accepted, or
 * the one connection of a tcp-connect step.
 */
final class TcpRecord {

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Set<String> remotes = new LinkedHashSet<>();
    /** The connection of a tcp-connect step or the first one a listening port accepted, or null before either exists. */
    TcpConnection connection;

    void connected(TcpConnection accepted) {
        remotes.add(Addresses.format(accepted.remoteAddress()));
    }

    void received(byte[] data) {
        received.writeBytes(data);
    }

    byte[] bytes() {
        return received.toByteArray();
    }

    /** Returns the distinct remote addresses in the order they connected. */
    Set<String> remotes() {
        return remotes;
    }
}
