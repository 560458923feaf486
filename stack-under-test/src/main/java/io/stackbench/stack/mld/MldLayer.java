package io.stackbench.stack.mld;

import io.stackbench.sim.engine.Timer;
import io.stackbench.stack.StackContext;
import io.stackbench.stack.ipv6.Ipv6Layer;
import io.stackbench.stack.wire.Icmpv6Repr;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.Ipv6Repr;
import io.stackbench.stack.wire.MulticastAddressRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * MLDv2 for a host (RFC 3810): an unsolicited report when a group is joined or left, and a
 * current-state report after a random delay when a query arrives. Reports go to ff02::16 with hop
 * limit 1 and a Router Alert option, from the link-local address or from {@code ::} while it is
 * still tentative (RFC 3810 §5.2.13). The all-nodes group is never reported (§6).
 */
public final class MldLayer {

    private final StackContext context;
    private final Ipv6Layer ip;
    private Timer queryResponse;

    public MldLayer(StackContext context, Ipv6Layer ip) {
        this.context = context;
        this.ip = ip;
    }

    /** Sends a report that the interface now listens to {@code group} (CHANGE_TO_EXCLUDE_MODE, no sources). */
    public void joined(Ipv6Address group) {
        if (group.equals(Ipv6Address.ALL_NODES)) {
            return;
        }
        report(List.of(record(MulticastAddressRecord.CHANGE_TO_EXCLUDE_MODE, group)), "join " + group);
    }

    /** Sends a report that the interface left {@code group} (CHANGE_TO_INCLUDE_MODE, no sources). */
    public void left(Ipv6Address group) {
        if (group.equals(Ipv6Address.ALL_NODES)) {
            return;
        }
        report(List.of(record(MulticastAddressRecord.CHANGE_TO_INCLUDE_MODE, group)), "leave " + group);
    }

    /** Answers a query after a random delay within its Maximum Response Delay (RFC 3810 §6.2). */
    public void onQuery(Ipv6Repr header, Icmpv6Repr query) {
        if (!header.source().isLinkLocal()) {
            // RFC 3810 §5.1.14: a query from a non-link-local source is ignored.
            context.counters().drop("mld.query-source-not-link-local");
            return;
        }
        context.counters().increment("mld.queries");
        long maxDelayMillis;
        Ipv6Address group;
        if (query instanceof Icmpv6Repr.Mldv2Query v2) {
            maxDelayMillis = v2.maximumResponseDelay();
            group = v2.multicastAddress();
        } else {
            Icmpv6Repr.MldQuery v1 = (Icmpv6Repr.MldQuery) query;
            maxDelayMillis = v1.maximumResponseDelay();
            group = v1.multicastAddress();
        }
        if (queryResponse != null && queryResponse.isPending()) {
            return;
        }
        long delay = maxDelayMillis <= 0 ? 0 : context.host().random().nextLong(maxDelayMillis * 1_000_000L);
        queryResponse = context.schedule(delay, () -> answer(group));
    }

    private void answer(Ipv6Address group) {
        List<MulticastAddressRecord> records = new ArrayList<>();
        for (Ipv6Address joined : ip.groups()) {
            if (!joined.equals(Ipv6Address.ALL_NODES) && (group.isUnspecified() || group.equals(joined))) {
                records.add(record(MulticastAddressRecord.MODE_IS_EXCLUDE, joined));
            }
        }
        if (!records.isEmpty()) {
            report(records, "answer to query");
        }
    }

    private static MulticastAddressRecord record(int type, Ipv6Address group) {
        return new MulticastAddressRecord(type, group, List.of(), new byte[0]);
    }

    private void report(List<MulticastAddressRecord> records, String purpose) {
        Ipv6Address source = ip.ndp().addresses().linkLocal();
        context.counters().increment("mld.reports-sent");
        ip.sendIcmp(source == null ? Ipv6Address.UNSPECIFIED : source, Ipv6Address.ALL_MLDV2_ROUTERS, new Icmpv6Repr.Mldv2Report(records), 1,
                null, true, reason -> {
                    context.counters().drop("mld.send-failed");
                    context.event("mld.send-failed", "report (" + purpose + ") not sent: " + reason);
                });
    }

    public void stop() {
        if (queryResponse != null) {
            queryResponse.cancel();
        }
    }
}
