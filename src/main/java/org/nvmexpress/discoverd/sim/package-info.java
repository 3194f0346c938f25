/**
 * The simulated host (docs/simulate.md): the real daemon — loop, inventory, gate, retries, varlink,
 * logging — against a simulated kernel, fabric and systemd behind the same ports as production
 * (ARCHITECTURE §5), for the demo ({@code nvme-discoverd --simulate DIR}) and the end-to-end
 * scenarios.
 *
 * <p><b>Owns:</b> the simulated kernel ({@link org.nvmexpress.discoverd.sim.SimKernel}: sysfs files in
 * the real formats under the simulation's root, lowest-free instance numbers, uevents, reconnects and
 * {@code ctrl-loss-tmo}), the targets' reachability over time, the discovery log pages and their
 * changes with the AEN, and the simulated systemd ({@link org.nvmexpress.discoverd.sim.SimSystemd}:
 * transient units, jobs, the state scripts' effects, garbage collection of failed units) running the
 * real built-in connector, and the DNS-SD side: the fabric's announcements and the browsing service's
 * restarts, reported by the simulated browser ({@link org.nvmexpress.discoverd.sim.SimServiceBrowser})
 * the daemon's {@code zeroconf} opens. Virtual time for tests ({@link org.nvmexpress.discoverd.sim.Simulation}),
 * real time for the demo ({@link org.nvmexpress.discoverd.sim.RealTime}).
 *
 * <p><b>May import:</b> daemon and everything below it; {@code sim.fabric} for the fabric's
 * description. Never varlink or cli: the command line wires the varlink server to the daemon.
 *
 * <p><b>Threading:</b> one lock guards the whole host ({@link org.nvmexpress.discoverd.sim.SimHost});
 * scheduled steps and calls from the daemon's threads take it. In virtual time everything runs on the
 * driver's thread.
 *
 * <p><b>Entry classes:</b> {@link org.nvmexpress.discoverd.sim.SimHost#open} and
 * {@link org.nvmexpress.discoverd.sim.Simulation#open}.
 */
package org.nvmexpress.discoverd.sim;
