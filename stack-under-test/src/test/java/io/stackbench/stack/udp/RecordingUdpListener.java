package io.stackbench.stack.udp;

import io.stackbench.sim.spi.UdpListener;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Records every datagram a bound port receives, in arrival order. */
final class RecordingUdpListener implements UdpListener {

    /** One received datagram with the endpoints the stack reported. */
    record Datagram(InetAddress remoteAddress, int remotePort, InetAddress localAddress, byte[] payload) {
    }

    final List<Datagram> datagrams = new ArrayList<>();

    @Override
    public void onDatagram(InetAddress remoteAddress, int remotePort, InetAddress localAddress, byte[] payload) {
        datagrams.add(new Datagram(remoteAddress, remotePort, localAddress, payload));
    }
}
