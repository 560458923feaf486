package io.stackbench.sim.spi;

/** Raised by {@link HostedStack#start} when the stack cannot boot with the arguments it was given. */
public class StackConfigurationException extends RuntimeException {

    public StackConfigurationException(String message) {
        super(message);
    }

    public StackConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
