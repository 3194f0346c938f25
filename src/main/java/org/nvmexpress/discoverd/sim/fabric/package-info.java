/**
 * The simulated fabric's description (docs/simulate.md): the file {@code fabric.json} of a
 * simulation directory (ports, subsystems, discovery controllers and their pages over time, the
 * controllers connected before the start, the boot path, DNS-SD announcements and browser restarts), read into immutable records ({@link org.nvmexpress.discoverd.sim.fabric.Fabric}),
 * and the bytes the simulated kernel serves from it.
 *
 * <p><b>Owns:</b> the file's format and its validation
 * ({@link org.nvmexpress.discoverd.sim.fabric.FabricFile}, every problem at its JSON path, work
 * linear in the file), its time syntax ({@link org.nvmexpress.discoverd.sim.fabric.FabricDurations},
 * systemd's spans), and the bytes the simulated kernel serves: a DC's Discovery Log Page
 * ({@link org.nvmexpress.discoverd.sim.fabric.LogPages}, written with
 * {@link org.nvmexpress.discoverd.sim.fabric.DlpWriter}, which the dlp and daemon tests also use) and
 * the firmware's NBFT ({@link org.nvmexpress.discoverd.sim.fabric.BootTable}). Nothing runs here.
 *
 * <p><b>May import:</b> dlp, nbft, tid and the packages below them (for the log page and NBFT
 * formats; config for its time spans); nothing of the simulated host, the daemon, systemd, varlink
 * or the CLI.
 *
 * <p><b>Threading:</b> immutable values and stateless readers and encoders, safe everywhere;
 * {@link org.nvmexpress.discoverd.sim.fabric.DlpWriter} is a builder, used by one thread.
 *
 * <p><b>Entry classes:</b> {@link org.nvmexpress.discoverd.sim.fabric.FabricFile} and
 * {@link org.nvmexpress.discoverd.sim.fabric.Fabric}.
 */
package org.nvmexpress.discoverd.sim.fabric;
