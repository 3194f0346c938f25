/**
 * The daemon: the event loop and everything that decides what to connect (ARCHITECTURE §3-§5).
 *
 * <p><b>Owns:</b> the desired set (every controller the host should have, with all of its
 * {@link org.nvmexpress.discoverd.daemon.Source sources}), the connect gate (exclusion lists, then
 * the registry owner of the live controller the identity matcher finds), the reconciliation that
 * turns desired set and host snapshot into {@link org.nvmexpress.discoverd.daemon.Decision
 * decisions} (shared with {@code --dry-run}), the controller tracker, retry and backoff, adoption at
 * start-up, reload, and the daemon's life cycle towards systemd.
 *
 * <p><b>May import:</b> systemd, kernel (and its sub-packages), dlp, nbft, config, registry,
 * exclusion, ini, tid, fs. Never cli or varlink.
 *
 * <p><b>Threading:</b> one loop thread owns all mutable state; every state method asserts it runs
 * there. Adapters and workers post immutable events; blocking work (sysfs, registry, exclusion
 * reads, name resolution, D-Bus) runs off the loop and posts its result back. Decision code is pure
 * and takes {@code now} or snapshots as parameters.
 */
package org.nvmexpress.discoverd.daemon;
