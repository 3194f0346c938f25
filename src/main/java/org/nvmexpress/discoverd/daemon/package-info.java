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
 * <p><b>The decision side</b> (pure, shared with {@code --dry-run}):
 * <ul>
 * <li>{@link org.nvmexpress.discoverd.daemon.DesiredSetBuilder} makes the
 *     {@link org.nvmexpress.discoverd.daemon.DesiredSet} (one {@link org.nvmexpress.discoverd.daemon.Candidate}
 *     per unit, in action order, plus unusable input and {@link org.nvmexpress.discoverd.daemon.PendingName
 *     unresolved host names}) from the fabrics configuration and the boot controllers; host names are
 *     resolved before, off the loop, by a {@link org.nvmexpress.discoverd.daemon.HostResolver};</li>
 * <li>{@link org.nvmexpress.discoverd.daemon.HostSurvey} reads a
 *     {@link org.nvmexpress.discoverd.daemon.HostSnapshot} off the loop: live controllers, registry
 *     owners, the {@link org.nvmexpress.discoverd.daemon.RuntimeState}, an
 *     {@link org.nvmexpress.discoverd.daemon.ExclusionView};</li>
 * <li>{@link org.nvmexpress.discoverd.daemon.ConnectGate} decides one candidate;
 *     {@link org.nvmexpress.discoverd.daemon.Reconciler} plans the first reconciliation (adoption
 *     from the runtime state, then the gate for every candidate, then the unusable input) as a list
 *     of {@link org.nvmexpress.discoverd.daemon.Decision}s that the loop carries out and
 *     {@code --dry-run} prints.</li>
 * </ul>
 *
 * <p><b>May import:</b> systemd, kernel (and its sub-packages), dlp, nbft, config, registry,
 * exclusion, ini, tid, fs. Never cli or varlink.
 *
 * <p><b>Threading:</b> one loop thread owns all mutable state; every state method asserts it runs
 * there. Adapters and workers post immutable events; blocking work (sysfs, registry, exclusion
 * reads, name resolution, D-Bus) runs off the loop and posts its result back. Decision code is pure
 * and takes {@code now} or snapshots as parameters: the desired set, snapshots, decisions and the
 * gate and reconciler are immutable or stateless; the survey, the runtime-state reader and the
 * system resolver block and are called from workers.
 */
package org.nvmexpress.discoverd.daemon;
