package io.stackbench.stack.udp;

import io.stackbench.sim.spi.StackSnapshot;
import io.stackbench.sim.spi.UdpListener;

/** One bound port: its receive callback and what it received and sent over both families. */
final class UdpSocket {

    private final int port;
    private final UdpListener listener;
    private long datagramsReceived;
    private long bytesReceived;
    private long datagramsSent;

    UdpSocket(int port, UdpListener listener) {
        this.port = port;
        this.listener = listener;
    }

    UdpListener listener() {
        return listener;
    }

    void received(int payloadLength) {
        datagramsReceived++;
        bytesReceived += payloadLength;
    }

    void sent() {
        datagramsSent++;
    }

    StackSnapshot.UdpSocket snapshot() {
        return new StackSnapshot.UdpSocket(port, datagramsReceived, bytesReceived, datagramsSent);
    }
}
