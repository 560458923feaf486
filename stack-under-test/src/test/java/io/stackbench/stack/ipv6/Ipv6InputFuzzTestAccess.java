package io.stackbench.stack.ipv6;

import io.stackbench.stack.Ipv6Fixture;

/** Opens the fuzz test's IPv6 ping check to tests in other packages. */
public final class Ipv6InputFuzzTestAccess {

    private Ipv6InputFuzzTestAccess() {
    }

    /** Fails unless the stack still replies to a normal IPv6 ping; see {@link Ipv6InputFuzzTest}. */
    public static void assertAnswersPing(Ipv6Fixture fixture) {
        Ipv6InputFuzzTest.assertAnswersPing(fixture);
    }
}
