/**
 * JMH benchmarks of the engine, a segment and the stack's receive path, and {@link
 * io.stackbench.bench.ScaleRun}, which pings around a ring of N stacks on one segment.
 *
 * <p>Only the harness reads the wall clock ({@code System.nanoTime()} in {@code ScaleRun}, and JMH
 * itself). Simulation callbacks see simulated time only, and every random draw comes from a seeded
 * {@link io.stackbench.sim.random.DeterministicRandom}, so each run executes the same events.
 */
package io.stackbench.bench;
