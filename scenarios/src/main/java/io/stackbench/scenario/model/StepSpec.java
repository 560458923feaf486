package io.stackbench.scenario.model;

import java.net.InetAddress;
import java.util.List;

/** One action of the scenario's timeline. */
public sealed interface StepSpec {

    /** Returns the simulated time at which the step starts. */
    long atNanos();

    /** Returns the step's id, given in the file or made from its position, such as {@code step-2}. */
    String id();

    /**
     * Sends {@code count} echo requests, one every {@code intervalNanos}; a request with no reply
     * within {@code timeoutNanos} counts as lost.
     */
    record Ping(String id, long atNanos, String node, InetAddress target, int count, long intervalNanos, int size, long timeoutNanos)
            implements StepSpec {
    }

    /** Brings a node's interface down or up. */
    record Link(String id, long atNanos, String node, boolean up) implements StepSpec {
    }

    /** Changes the link profile of a segment from this time on. Frames already in flight keep their timing. */
    record LinkProfileStep(String id, long atNanos, String segment, LinkProfileChange change) implements StepSpec {
    }

    /** Stops a stack and boots it again with new arguments, as a unikernel restarted with a new command line. */
    record Restart(String id, long atNanos, String node, List<String> boot) implements StepSpec {
    }

    /**
     * Changes a router's advertisement for all later ones, and sends one now when {@code send}.
     *
     * @param changes the fields to change, as written in the scenario
     */
    record RouterChange(String id, long atNanos, String node, NodeSpec.Advertisement advertisement, boolean send) implements StepSpec {
    }

    /**
     * Makes a router send one advertisement now, possibly a deliberately invalid variant.
     *
     * @param variant null for a valid advertisement, or one of {@link #VARIANTS}
     */
    record RouterSend(String id, long atNanos, String node, String variant) implements StepSpec {
        /** Invalid advertisements a router can send on purpose, each breaking one RFC 4861 §6.1.2 rule. */
        public static final List<String> VARIANTS = List.of("hop-limit-64", "global-source", "code-1", "option-length-0", "short");
    }

    /** Binds a UDP port of a stack for both families, recording every datagram it receives. */
    record UdpBind(String id, long atNanos, String node, int port) implements StepSpec {
    }

    /**
     * Sends {@code count} UDP datagrams with {@code payload} from the bound port {@code fromPort}
     * of a stack to {@code target} and {@code port}, one every {@code intervalNanos}.
     */
    record UdpSend(String id, long atNanos, String node, int fromPort, InetAddress target, int port, byte[] payload, int count,
            long intervalNanos) implements StepSpec {
    }

    /**
     * Opens a TCP port of a stack for both families.
     *
     * @param handler what the bench does with each accepted connection: {@code echo} writes back
     *     what it receives, {@code sink} only counts it, {@code log} also records "new tcp connection
     *     from IP X on port N" as an event
     */
    record TcpListen(String id, long atNanos, String node, int port, String handler) implements StepSpec {
        /** The handlers a tcp-listen step can name. */
        public static final List<String> HANDLERS = List.of("echo", "sink", "log");
    }

    /** Opens a TCP connection from a stack; {@code id} names the connection in later steps and expectations. */
    record TcpConnect(String id, long atNanos, String node, InetAddress target, int port) implements StepSpec {
    }

    /**
     * Writes data on the connection opened by the tcp-connect step {@code connection}, or on the
     * first connection accepted by the port of the tcp-listen step {@code connection}: {@code text}
     * when it is not null, else {@code length} bytes of the counting pattern (byte i is i mod 256),
     * streamed as the send buffer frees up.
     */
    record TcpSend(String id, long atNanos, String connection, byte[] text, long length) implements StepSpec {
    }

    /** Closes ({@code abort} false) or resets ({@code abort} true) the connection that {@code connection} names, as in {@link TcpSend}. */
    record TcpClose(String id, long atNanos, String connection, boolean abort) implements StepSpec {
    }
}
