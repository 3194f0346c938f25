/**
 * The simulated fabric's description (docs/simulate.md): the file {@code fabric.json} of a
 * simulation directory, read into immutable records ({@link org.nvmexpress.discoverd.sim.fabric.Fabric}),
 * and the bytes the simulated kernel serves from it.
 *
 * <p><b>Owns:</b> the file's format and its validation; nothing runs here.
 *
 * <p><b>May import:</b> dlp, nbft, tid and the packages below them (for the log page and NBFT
 * formats); nothing of the simulated host.
 *
 * <p><b>Threading:</b> immutable values, safe everywhere.
 *
 * <p><b>Entry classes:</b> {@link org.nvmexpress.discoverd.sim.fabric.Fabric}.
 */
package org.nvmexpress.discoverd.sim.fabric;
