package io.stackbench.scenario.peer;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.scenario.model.NodeSpec;
import java.net.Inet6Address;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV6NeighborSolicitationPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV6Packet;

/**
 * The {@code dad-attacker} peer: watches every multicast frame and answers each Duplicate Address
 * Detection probe (a Neighbour Solicitation from {@code ::}, RFC 4862 §5.4.2) for an address it
 * targets. In {@code na} mode it claims the address with an advertisement to all nodes; in
 * {@code ns} mode it sends a competing probe of its own, as a second host forming the same
 * address would.
 */
public final class DadAttackerPeer implements ScriptedPeer {

    private final PeerHost host;
    private final NodeSpec.DadAttacker spec;

    public DadAttackerPeer(PeerHost host, NodeSpec.DadAttacker spec) {
        this.host = host;
        this.spec = spec;
    }

    @Override
    public void start() {
        host.nic().setPromiscuous(true);
    }

    @Override
    public void receive(byte[] frame) {
        EthernetPacket ethernet;
        try {
            ethernet = EthernetPacket.newPacket(frame, 0, frame.length);
        } catch (IllegalRawDataException e) {
            return;
        }
        IpV6Packet ip = ethernet.get(IpV6Packet.class);
        IcmpV6NeighborSolicitationPacket ns = ethernet.get(IcmpV6NeighborSolicitationPacket.class);
        if (ip == null || ns == null || !ip.getHeader().getSrcAddr().equals(Ipv6Frames.UNSPECIFIED)) {
            return;
        }
        Inet6Address target = ns.getHeader().getTargetAddress();
        if (!spec.targets().isEmpty() && !spec.targets().contains(target)) {
            return;
        }
        if (spec.mode().equals("na")) {
            byte[] na = Ipv6Frames.neighborAdvertisement(spec.mac(), Ipv6Frames.multicastMac(Ipv6Frames.ALL_NODES), target,
                    Ipv6Frames.ALL_NODES, target, false, false, true, spec.mac());
            host.send(na, "DAD attack: NA claims " + Addresses.format(target));
        } else {
            Inet6Address group = Ipv6Frames.solicitedNode(target);
            byte[] probe = Ipv6Frames.neighborSolicitation(spec.mac(), Ipv6Frames.multicastMac(group), Ipv6Frames.UNSPECIFIED, group, target,
                    null);
            host.send(probe, "DAD attack: competing probe for " + Addresses.format(target));
        }
    }
}
