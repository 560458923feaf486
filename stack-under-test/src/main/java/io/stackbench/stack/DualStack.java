package io.stackbench.stack;

import io.stackbench.sim.net.MacAddress;
import io.stackbench.sim.spi.EchoListener;
import io.stackbench.sim.spi.HostedStack;
import io.stackbench.sim.spi.SendListener;
import io.stackbench.sim.spi.StackConfigurationException;
import io.stackbench.sim.spi.StackHost;
import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.sim.spi.TcpConnection;
import io.stackbench.sim.spi.TcpHandler;
import io.stackbench.sim.spi.UdpListener;
import io.stackbench.stack.arp.ArpLayer;
import io.stackbench.stack.config.BootArgumentException;
import io.stackbench.stack.config.BootArguments;
import io.stackbench.stack.config.StackConfig;
import io.stackbench.stack.icmpv4.Icmpv4Layer;
import io.stackbench.stack.ipv4.Ipv4Layer;
import io.stackbench.stack.ipv6.Ipv6Layer;
import io.stackbench.stack.tcp.TcpLayer;
import io.stackbench.stack.udp.UdpLayer;
import io.stackbench.stack.wire.EtherType;
import io.stackbench.stack.wire.EthernetFrame;
import io.stackbench.stack.wire.EthernetHeader;
import io.stackbench.stack.wire.Ipv4Address;
import io.stackbench.stack.wire.Ipv6Address;
import io.stackbench.stack.wire.MalformedPacketException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The dual-stack host that the bench tests, configured like a MirageOS 3.10 unikernel from boot
 * arguments. Ethernet input is dispatched by EtherType to ARP, IPv4 and IPv6; every frame that is
 * not processed is counted under a {@code drop.*} or {@code filter.*} reason, and no exception
 * leaves {@link #receive}. A bound UDP port and a TCP listener each receive over both families.
 */
public final class DualStack implements HostedStack {

    private final Counters counters = new Counters();
    private final Counters.Counter rxFrames = counters.counter("rx.frames");
    private StackContext context;
    private StackConfig config;
    private ArpLayer arp;
    private Ipv4Layer ipv4;
    private Icmpv4Layer icmpv4;
    private Ipv6Layer ipv6;
    private UdpLayer udp;
    private TcpLayer tcp;
    private boolean running;

    @Override
    public void start(StackHost host) {
        if (running) {
            throw new IllegalStateException("stack already started; stop it first");
        }
        StackConfig parsed;
        try {
            parsed = BootArguments.parse(host.bootArguments());
        } catch (BootArgumentException e) {
            throw new StackConfigurationException(e.getMessage(), e);
        }
        config = parsed;
        counters.clear();
        context = new StackContext(host, counters);
        running = true;
        udp = new UdpLayer(context);
        tcp = new TcpLayer(context);
        host.event("boot", "booted with " + (host.bootArguments().isEmpty() ? "default arguments" : String.join(" ", host.bootArguments()))
                + " on " + host.macAddress(StackContext.INTERFACE));

        if (!config.ipv6Only()) {
            startIpv4();
        } else {
            host.event("ipv4.disabled", "IPv4 and ARP are off (--ipv6-only=true)");
        }
        if (!config.ipv4Only()) {
            startIpv6();
        } else {
            host.event("ipv6.disabled", "IPv6 is off (--ipv4-only=true)");
        }
    }

    private void startIpv4() {
        Ipv4Address address = Ipv4Address.of(config.ipv4().address());
        int prefixLength = config.ipv4().prefixLength();
        Ipv4Address gateway = config.ipv4Gateway().map(Ipv4Address::of).orElse(null);
        arp = new ArpLayer(context, address);
        ipv4 = new Ipv4Layer(context, address, prefixLength, gateway, arp);
        icmpv4 = new Icmpv4Layer(context, ipv4);
        ipv4.setIcmp(icmpv4);
        ipv4.setUdp(udp);
        udp.setIpv4(ipv4);
        ipv4.setTcp(tcp);
        tcp.setIpv4(ipv4);
        context.event("ipv4.address", address + "/" + prefixLength + " PREFERRED"
                + (gateway == null ? ", no default gateway" : ", default gateway " + gateway));
        arp.announce();
    }

    private void startIpv6() {
        ipv6 = new Ipv6Layer(context, config.acceptRouterAdvertisements());
        ipv6.setUdp(udp);
        udp.setIpv6(ipv6);
        ipv6.setTcp(tcp);
        tcp.setIpv6(ipv6);
        Ipv6Address staticAddress = config.ipv6().map(i -> Ipv6Address.of(i.address())).orElse(null);
        int staticPrefixLength = config.ipv6().map(i -> i.prefixLength()).orElse(0);
        Ipv6Address staticRouter = config.ipv6Gateway().map(Ipv6Address::of).orElse(null);
        if (!config.acceptRouterAdvertisements()) {
            context.event("ipv6.ra-disabled", "router advertisements are ignored (--accept-router-advertisements=false)");
        }
        ipv6.start(staticAddress, staticPrefixLength, staticRouter);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.invalidate();
        }
        running = false;
        if (ipv6 != null) {
            ipv6.stop();
        }
        ipv6 = null;
        udp = null;
        tcp = null;
        arp = null;
        ipv4 = null;
        icmpv4 = null;
    }

    @Override
    public void receive(int interfaceIndex, byte[] frame) {
        if (!running) {
            return;
        }
        try {
            dispatch(interfaceIndex, frame);
        } catch (RuntimeException e) {
            // A bug in a layer must not take the simulation down, so it becomes a counted drop like any
            // other, and the event makes it visible to the scenario.
            counters.drop("internal-error");
            context.event("internal-error", e.toString());
        }
    }

    private void dispatch(int interfaceIndex, byte[] frame) {
        rxFrames.increment();
        if (interfaceIndex != StackContext.INTERFACE) {
            counters.drop("ethernet.unconfigured-interface");
            return;
        }
        EthernetFrame view = new EthernetFrame(frame);
        EthernetHeader header;
        try {
            header = EthernetHeader.parse(view);
        } catch (MalformedPacketException e) {
            counters.drop(e.counterName());
            return;
        }
        MacAddress destination = header.destination();
        if (destination.isMulticast() && !destination.isBroadcast() && (ipv6 == null || !ipv6.acceptsMulticast(destination))) {
            counters.increment("filter.multicast-not-joined");
            return;
        }
        if (!destination.isMulticast() && !destination.equals(context.mac())) {
            counters.increment("filter.other-unicast");
            return;
        }
        // A frame from our own MAC is our own looped back for IPv4 and ARP. For IPv6 it may be a
        // second host with the same MAC, which DAD must see; our own probes are told apart by nonce.
        if (header.source().equals(context.mac()) && !header.etherType().equals(EtherType.IPV6)) {
            counters.drop("ethernet.own-source");
            return;
        }

        EtherType type = header.etherType();
        int offset = view.payloadOffset();
        int length = view.payloadLength();
        if (type.equals(EtherType.ARP)) {
            if (arp == null) {
                counters.drop("arp.disabled");
                return;
            }
            arp.receive(frame, offset, length);
        } else if (type.equals(EtherType.IPV4)) {
            if (ipv4 == null) {
                counters.drop("ipv4.disabled");
                return;
            }
            if (length < 1 || (frame[offset] & 0xf0) >> 4 != 4) {
                counters.drop("ethernet.ip-version-mismatch");
                return;
            }
            ipv4.receive(frame, offset, length);
        } else if (type.equals(EtherType.IPV6)) {
            if (ipv6 == null) {
                counters.drop("ipv6.disabled");
                return;
            }
            if (length < 1 || (frame[offset] & 0xf0) >> 4 != 6) {
                counters.drop("ethernet.ip-version-mismatch");
                return;
            }
            ipv6.receive(frame, offset, length, header.source());
        } else {
            counters.drop("ethernet.unknown-ethertype");
        }
    }

    @Override
    public void linkStateChanged(int interfaceIndex, boolean up) {
        if (running) {
            context.event("link", "interface " + interfaceIndex + (up ? " up" : " down"));
        }
    }

    @Override
    public void sendEchoRequest(InetAddress destination, int identifier, int sequence, int payloadLength, EchoListener listener) {
        if (!running) {
            listener.onError(sequence, "stack is not running");
            return;
        }
        if (destination instanceof Inet6Address v6) {
            if (ipv6 == null) {
                listener.onError(sequence, "IPv6 is disabled (--ipv4-only=true)");
                return;
            }
            ipv6.icmp().sendEchoRequest(Ipv6Address.of(v6), identifier, sequence, payloadLength, listener);
            return;
        }
        if (icmpv4 == null) {
            listener.onError(sequence, "IPv4 is disabled (--ipv6-only=true)");
            return;
        }
        icmpv4.sendEchoRequest(Ipv4Address.of((Inet4Address) destination), identifier, sequence, payloadLength, listener);
    }

    @Override
    public void udpBind(int port, UdpListener listener) {
        if (!running) {
            throw new IllegalStateException("cannot bind UDP port " + port + ": the stack is not running");
        }
        udp.bind(port, listener);
    }

    @Override
    public void udpSend(int localPort, InetAddress destination, int port, byte[] payload, SendListener listener) {
        if (!running) {
            listener.onError("stack is not running");
            return;
        }
        udp.send(localPort, destination, port, payload, listener);
    }

    @Override
    public void tcpListen(int port, TcpHandler handler) {
        if (!running) {
            throw new IllegalStateException("cannot listen on TCP port " + port + ": the stack is not running");
        }
        tcp.listen(port, handler);
    }

    @Override
    public TcpConnection tcpConnect(InetAddress destination, int port, TcpHandler handler) {
        if (!running) {
            throw new IllegalStateException("cannot connect to TCP port " + port + ": the stack is not running");
        }
        return tcp.connect(destination, port, handler);
    }

    @Override
    public StackSnapshot snapshot() {
        List<StackSnapshot.Address> addresses = new ArrayList<>();
        List<StackSnapshot.Neighbor> neighbors = new ArrayList<>();
        List<StackSnapshot.Route> routes = new ArrayList<>();
        if (ipv4 != null) {
            addresses.add(new StackSnapshot.Address(StackContext.INTERFACE, ipv4.address().toInetAddress(), config.ipv4().prefixLength(),
                    "PREFERRED", "static"));
            neighbors.addAll(arp.entries());
            routes.addAll(ipv4.routes());
        }
        List<StackSnapshot.UdpSocket> sockets = udp == null ? List.of() : udp.snapshot();
        List<StackSnapshot.TcpSocket> tcpSockets = tcp == null ? List.of() : tcp.snapshot();
        if (ipv6 == null) {
            return new StackSnapshot(addresses, neighbors, routes, new TreeMap<>(counters.snapshot()), ipv4 != null, false, List.of(),
                    List.of(), 0, 0, sockets, tcpSockets);
        }
        addresses.addAll(ipv6.ndp().addressSnapshot());
        neighbors.addAll(ipv6.ndp().neighborSnapshot());
        return new StackSnapshot(addresses, neighbors, routes, new TreeMap<>(counters.snapshot()), ipv4 != null, ipv6.isEnabled(),
                ipv6.ndp().routerSnapshot(), ipv6.ndp().prefixSnapshot(), ipv6.ndp().hopLimit(), ipv6.ndp().linkMtu(), sockets, tcpSockets);
    }
}
