/**
 * {@code /dev/nvme-fabrics} and the built-in connector: {@code nvme connect --idempotent --owner
 * --devid-file} in Java (ARCHITECTURE §3, §6; reference §3.4, §10.4).
 *
 * <p><b>Owns:</b> the {@link org.nvmexpress.discoverd.kernel.fabrics.FabricsDevice} port and its
 * production {@link org.nvmexpress.discoverd.kernel.fabrics.KernelFabricsDevice} (with the kernel's
 * option table), the option string ({@link org.nvmexpress.discoverd.kernel.fabrics.FabricsOptions}),
 * the {@link org.nvmexpress.discoverd.kernel.fabrics.BuiltinConnector} with its request, reply and
 * outcome records, secrets from systemd credentials
 * ({@link org.nvmexpress.discoverd.kernel.fabrics.ConnectCredentials}, {@code /proc/keys}) and the
 * host's default identity files
 * ({@link org.nvmexpress.discoverd.kernel.fabrics.HostIdentityFiles}).
 *
 * <p><b>May import:</b> {@code kernel}, {@code kernel.sysfs} (is the connection already up?),
 * {@code registry}, {@code tid}, the JDK, JNA and slf4j.
 *
 * <p><b>Threading:</b> records and option values are immutable. A connector serves one thread at a
 * time and blocks on the kernel's connect, so it runs on a worker thread, never the daemon's loop.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.kernel.fabrics.BuiltinConnector}.
 */
package org.nvmexpress.discoverd.kernel.fabrics;
