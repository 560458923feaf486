package io.stackbench.scenario.run;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.scenario.model.ExpectationSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Judges a udp expectation against the datagrams that a bound port received. */
final class UdpJudge {

    private UdpJudge() {
    }

    static ExpectationResult judge(ExpectationSpec.Udp expectation, List<UdpDelivery> received) {
        long bytes = received.stream().mapToLong(d -> d.payload().length).sum();
        String sha256 = sha256(received);
        // Senders in arrival order for the report, compared as sets because "from" lists them in any order.
        Set<String> senders = new LinkedHashSet<>();
        for (UdpDelivery delivery : received) {
            senders.add(Addresses.format(delivery.remoteAddress()) + " " + delivery.remotePort());
        }

        boolean passed = expectation.datagrams() < 0 || received.size() == expectation.datagrams();
        passed &= expectation.bytes() < 0 || bytes == expectation.bytes();
        passed &= expectation.sha256() == null || expectation.sha256().equals(sha256);
        passed &= expectation.from() == null || new TreeSet<>(expectation.from()).equals(new TreeSet<>(senders));

        String actual = received.size() + " datagram(s), " + bytes + " byte(s), SHA-256 " + sha256
                + (senders.isEmpty() ? "" : ", from " + String.join(", ", senders));
        return new ExpectationResult(expectation.path(), expectation.describe(), passed, actual);
    }

    /** Returns the lower-case hex SHA-256 of all payloads concatenated in arrival order. */
    static String sha256(List<UdpDelivery> received) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java platform must provide SHA-256", e);
        }
        for (UdpDelivery delivery : received) {
            digest.update(delivery.payload());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
