/**
 * The daemon: the event loop and everything that decides what to connect (ARCHITECTURE §3-§5).
 *
 * <p><b>Owns:</b> the desired set (every controller the host should have, with all of its
 * {@link org.nvmexpress.discoverd.daemon.Source sources}, what discovery controllers list among them), the connect gate (exclusion lists, then
 * the registry owner of the live controller the identity matcher finds), the reconciliation that
 * turns desired set and host snapshot into {@link org.nvmexpress.discoverd.daemon.Decision
 * decisions} (shared with {@code --dry-run}), the controller tracker, retry and backoff, adoption at
 * start-up, reload, the periodic audit and its drift repairs, and the daemon's life cycle towards
 * systemd.
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
 * <p><b>The loop side</b> (how the daemon runs; start at {@link org.nvmexpress.discoverd.daemon.Daemon}):
 * <ul>
 * <li><b>Loop</b>: {@link org.nvmexpress.discoverd.daemon.EventLoop} owns the state's one thread, a
 *     bounded inbox of {@link org.nvmexpress.discoverd.daemon.LoopEvent}s (signals, unit manager and
 *     uevent reports, off-loop results as an {@link org.nvmexpress.discoverd.daemon.Outcome}), and
 *     the timers on the injected clock; {@code Workers} run the blocking work; {@code Daemon} routes
 *     each event to one of the collaborators below and keeps {@code STATUS=} current
 *     ({@code StatusReporter}, {@code StatusLine}).</li>
 * <li><b>Inventory</b>: {@code Passes} reads the configurations and boot tables ({@code InputReader},
 *     with the per-file last-good policy of {@code FabricsLastGood}), resolves host names
 *     ({@code HostNames}), builds the desired set, surveys and plans off the loop, carries the
 *     decisions out and sends {@code READY=1}; on SIGHUP the same with {@code RELOADING=1}.</li>
 * <li><b>Tracker</b>: {@code ControllerTracker} holds every desired controller
 *     ({@code TrackedController}: state, device, failures, next attempt) indexed by unit, device and
 *     NQN; {@code Connections} carries out each decision and logs it once ({@code ControllerLog});
 *     {@code UnitOutcomes} applies what the unit manager reports; {@code DeviceEvents} links new
 *     devices and reconnects removed ones, with the loop's in-memory {@code LiveView} of sysfs.</li>
 * <li><b>Retry</b>: {@code RetryPolicy} (1 s doubling to 300 s, ±10 % jitter, for ever) arms the next
 *     attempt after every kind of failure; {@code Attempts} takes each attempt through the connect
 *     gate with the exclusion lists and the registry owner read on a worker.</li>
 * <li><b>Discovery</b>: {@code Discovery} keeps what the discovery controllers list, as each DC's
 *     last good {@code Listing} ({@code ListingBuilder}), walked from the configured, boot, FC- and
 *     mDNS-announced DCs ({@code DiscoveryGraph}, {@code Listings}), and puts it on the tracker; pages
 *     are read on the workers, one under way and one held per DC ({@code LogFetches}); after each
 *     read {@code Parking} holds or parks the DC connection ({@code persistent}, EPCSD); referral and
 *     FC DCs that keep failing are given up; {@code FcDiscovery} kickstarts Fibre Channel;
 *     {@code MdnsDiscovery} opens the {@code zeroconf} browser on a worker and makes each accepted
 *     DNS-SD announcement a root, which {@code MdnsRetention} lets go only once it is both
 *     unannounced and unreachable for {@code dc-giveup-timeout}.</li>
 * <li><b>Audit</b>: lost uevents survey the host again and replay what changed as appearances and
 *     removals ({@code DeviceEvents}). Every {@code audit-interval-minutes} (10 by default, 0: off)
 *     {@code Audit} reads an {@code AuditReading} (every registry entry, the survey, the runtime
 *     layout) on a worker and asks the unit manager for systemd's list of our units, then replays
 *     the survey and repairs drift in both directions: {@code RegistryDrift} re-asserts a missing
 *     owner of a connected controller and removes stale entries of ours (controller gone, or the
 *     number recycled for another orchestrator's controller); {@code UnitDrift} notes units systemd
 *     no longer has and reconnects those whose controller is gone too; {@code RuntimeStateRepair}
 *     makes a removed {@code /run/nvme/discoverd} again and rebuilds its files
 *     ({@code RuntimeStateWriter}). Its results come back as {@code AuditDone}; it arms no timer of
 *     its own.</li>
 * <li><b>Control</b>: the status interface's side of the loop ({@link
 *     org.nvmexpress.discoverd.daemon.DaemonControl}, from {@code Daemon.control()}; varlink calls it
 *     from its own threads). {@code LoopControl} answers reads from the immutable
 *     {@link org.nvmexpress.discoverd.daemon.DaemonSnapshot} that {@code SnapshotPublisher}
 *     publishes after changes, coalesced to at most one build ({@code Snapshots}, O(controllers))
 *     per 200 ms and no timer while nothing changes; it posts {@code Reload} and {@code Retry} as
 *     {@code ControlRequest}s, which {@code ControlCommands} carries out on the loop and completes
 *     (a reload when its pass has ended, {@code Passes.Ended}). {@code ControlEvents}, the tracker's
 *     second listener, turns each change of state into a {@link
 *     org.nvmexpress.discoverd.daemon.DaemonEvent} for {@code Monitor}, delivered on the loop to
 *     subscribers that must not block (one that throws is dropped). Version, connector and the wall
 *     clock for the CLOCK_REALTIME times come in as {@link org.nvmexpress.discoverd.daemon.DaemonInfo}.</li>
 * <li><b>Shutdown</b>: {@code Shutdown} closes the adapters in reverse order within a bound;
 *     connections and units outlive the daemon.</li>
 * </ul>
 *
 * <p><b>May import:</b> systemd, kernel (and its sub-packages), dlp, nbft, config, registry,
 * exclusion, ini, tid, fs. Never cli or varlink.
 *
 * <p><b>Threading:</b> one loop thread owns all mutable state; every state method asserts it runs
 * there ({@code assert loop.inLoop()}). Adapters and workers post immutable events; blocking work
 * (sysfs, registry, exclusion reads, name resolution, D-Bus) runs off the loop and posts its result
 * back. Decision code is pure
 * and takes {@code now} or snapshots as parameters: the desired set, snapshots, decisions and the
 * gate and reconciler are immutable or stateless; the survey, the runtime-state reader and the
 * system resolver block and are called from workers.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.daemon.Daemon}.
 */
package org.nvmexpress.discoverd.daemon;
