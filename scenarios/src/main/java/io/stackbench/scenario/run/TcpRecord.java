package io.stackbench.scenario.run;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.sim.spi.TcpConnection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the bench saw of TCP through one handler: the connections a listening port accepted, or
 * the one connection of a tcp-connect step. Received bytes are counted and hashed as they arrive,
 * not kept, so a gigabyte transfer costs no memory.
 */
final class TcpRecord {

    private final MessageDigest received = newSha256();
    private long receivedBytes;
    private final Set<String> remotes = new LinkedHashSet<>();
    /** The connection of a tcp-connect step or the first one a listening port accepted, or null before either exists. */
    TcpConnection connection;
    /** Per connection, the data the bench wrote that its send buffer has not taken yet; only looked up, never iterated. */
    private final Map<TcpConnection, TcpOutbox> outboxes = new IdentityHashMap<>();

    void connected(TcpConnection accepted) {
        remotes.add(Addresses.format(accepted.remoteAddress()));
    }

    void received(byte[] data) {
        received.update(data);
        receivedBytes += data.length;
    }

    long receivedBytes() {
        return receivedBytes;
    }

    /** Returns the SHA-256 of all bytes received so far, in lower-case hex; receiving may go on. */
    String receivedSha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) received.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
    }

    TcpOutbox outbox(TcpConnection connection) {
        return outboxes.computeIfAbsent(connection, key -> new TcpOutbox());
    }

    /** Drops the outbox of a connection that ended. */
    void forget(TcpConnection connection) {
        outboxes.remove(connection);
    }

    /** Returns the distinct remote addresses in the order they connected. */
    Set<String> remotes() {
        return remotes;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java platform must provide SHA-256", e);
        }
    }
}
