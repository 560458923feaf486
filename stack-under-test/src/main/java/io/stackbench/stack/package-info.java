/**
 * The stack under test: a dual-stack host in the image of the MirageOS 3.10 TCP/IP stack. The
 * {@code wire} package holds the byte formats; each protocol's behaviour has its own package.
 * Nothing here reads a clock, starts a thread or draws unseeded randomness: time, timers and
 * random numbers come from the {@link io.stackbench.sim.spi.StackHost}.
 */
package io.stackbench.stack;
