/**
 * Capture files: the pcapng and classic pcap formats, read and written in plain Java.
 *
 * <p>Read these first:
 * <ul>
 *   <li>pcapng, IETF draft {@code draft-ietf-opsawg-pcapng}: block layout, options, the
 *       Section Header, Interface Description, Enhanced Packet, Simple Packet, Name Resolution and
 *       Interface Statistics Blocks, and {@code if_tsresol};</li>
 *   <li>classic pcap, IETF draft {@code draft-ietf-opsawg-pcap}: the 24-byte file header, the
 *       16-byte record header and the microsecond and nanosecond magic numbers.</li>
 * </ul>
 *
 * <p>{@link io.stackbench.sim.capture.Capture} and its parts are the in-memory model.
 * {@link io.stackbench.sim.capture.PcapngWriter} writes it byte for byte the same on every run:
 * the Section Header Block carries no host, version or wall-clock data, and every list is written in
 * the model's order, which the model keeps canonical. The readers accept files from other tools too
 * and report a malformed file as one {@link io.stackbench.sim.capture.CaptureFormatException}
 * with the byte offset of the fault.
 */
package io.stackbench.sim.capture;
