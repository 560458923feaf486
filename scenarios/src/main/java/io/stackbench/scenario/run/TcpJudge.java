package io.stackbench.scenario.run;

import io.stackbench.scenario.model.ExpectationSpec;
import io.stackbench.sim.spi.StackSnapshot;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/** Judges a tcp expectation against what the bench's handler saw and the stack's snapshot. */
final class TcpJudge {

    private static final String EMPTY_SHA256 = HexFormat.of().formatHex(TcpRecord.newSha256().digest());

    private TcpJudge() {
    }

    /**
     * @param snapshot the stack at the expectation's time, or null when it was not running; only read
     *     when the expectation checks a state
     */
    static ExpectationResult judge(ExpectationSpec.Tcp expectation, TcpRecord record, StackSnapshot snapshot) {
        long bytes = record == null ? 0 : record.receivedBytes();
        String sha256 = record == null ? EMPTY_SHA256 : record.receivedSha256();
        List<String> remotes = record == null ? List.of() : new ArrayList<>(record.remotes());
        List<String> states = states(expectation, record, snapshot);

        boolean passed = expectation.bytes() < 0 || bytes == expectation.bytes();
        passed &= expectation.sha256() == null || expectation.sha256().equals(sha256);
        passed &= expectation.remote() == null || new TreeSet<>(expectation.remote()).equals(new TreeSet<>(remotes));
        passed &= expectation.state() == null || states.contains(expectation.state());

        String actual = (expectation.state() == null ? "" : "state " + String.join(", ", states) + "; ") + bytes
                + " byte(s), SHA-256 " + sha256 + (remotes.isEmpty() ? "" : ", from " + String.join(", ", remotes));
        return new ExpectationResult(expectation.path(), expectation.describe(), passed, actual);
    }

    /** Returns the states of the matching listener and connections, or CLOSED when none exists. */
    private static List<String> states(ExpectationSpec.Tcp expectation, TcpRecord record, StackSnapshot snapshot) {
        List<String> states = new ArrayList<>();
        if (expectation.state() == null || snapshot == null) {
            return states;
        }
        for (StackSnapshot.TcpSocket socket : snapshot.tcpConnections()) {
            if (expectation.connection() != null) {
                if (record != null && record.connection != null && socket.localPort() == record.connection.localPort()
                        && record.connection.remoteAddress().equals(socket.remoteAddress())
                        && socket.remotePort() == record.connection.remotePort()) {
                    states.add(socket.state());
                }
            } else if (socket.localPort() == expectation.port()) {
                states.add(socket.state());
            }
        }
        boolean onlyListener = states.size() == 1 && states.get(0).equals("LISTEN") && expectation.connection() == null;
        if (states.isEmpty() || (onlyListener && !expectation.state().equals("LISTEN"))) {
            states.add("CLOSED");
        }
        return states;
    }
}
