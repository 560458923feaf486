package io.stackbench.scenario.peer;

import io.stackbench.scenario.load.Addresses;
import io.stackbench.scenario.model.NodeSpec;
import io.stackbench.sim.net.MacAddress;
import java.net.Inet6Address;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV6NeighborSolicitationPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV6Packet;

/**
 * The {@code na-spoofer} peer: answers address-resolution solicitations for an address it does
 * not own with a solicited advertisement carrying its own MAC, as an on-link attacker would.
 */
public final class NaSpooferPeer implements ScriptedPeer {

    private final PeerHost host;
    private final NodeSpec.NaSpoofer spec;

    public NaSpooferPeer(PeerHost host, NodeSpec.NaSpoofer spec) {
        this.host = host;
        this.spec = spec;
    }

    @Override
    public void start() {
        host.nic().joinMulticast(Ipv6Frames.multicastMac(Ipv6Frames.solicitedNode(spec.target())));
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
        if (ip == null || ns == null || ip.getHeader().getSrcAddr().equals(Ipv6Frames.UNSPECIFIED)
                || !ns.getHeader().getTargetAddress().equals(spec.target())) {
            return;
        }
        Inet6Address target = (Inet6Address) spec.target();
        MacAddress toMac = MacAddress.read(ethernet.getHeader().getSrcAddr().getAddress(), 0);
        byte[] na = Ipv6Frames.neighborAdvertisement(spec.mac(), toMac, target, ip.getHeader().getSrcAddr(), target, false, true, true,
                spec.mac());
        host.send(na, "spoofed NA " + Addresses.format(target) + " is-at " + spec.mac());
    }
}
