package org.nvmexpress.discoverd.kernel.uevent;

/**
 * What a uevent monitor has seen since it started; a snapshot. Every datagram counts once in
 * {@code received} and once in exactly one of {@code delivered}, {@code ignored}, {@code rejected},
 * {@code malformed} and {@code invalid}.
 *
 * @param received  datagrams read from the socket
 * @param delivered uevents handed to the consumer as a {@link KernelEvent}
 * @param ignored   trusted, well-formed uevents the daemon has no use for (other subsystems, …)
 * @param rejected  datagrams from a sender the {@link SenderPolicy} does not trust
 * @param malformed datagrams from a trusted sender that are not a uevent
 * @param invalid   uevents of interest whose content could not be used (a bad FC address, …)
 * @param overflows times the kernel reported dropped uevents ({@code ENOBUFS})
 */
public record UeventCounters(long received, long delivered, long ignored, long rejected, long malformed, long invalid,
        long overflows) {
}
