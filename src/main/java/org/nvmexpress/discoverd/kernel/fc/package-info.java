/**
 * FC kickstart: asking the FC transport to announce every discovery controller it can reach, one
 * {@code fc} uevent per remote port (ARCHITECTURE §3; reference §6).
 *
 * <p><b>Owns:</b> the {@link org.nvmexpress.discoverd.kernel.fc.FcKickstart} port and its udev
 * adapter {@link org.nvmexpress.discoverd.kernel.fc.FcUdevKickstart}.
 *
 * <p><b>May import:</b> {@code kernel} and the JDK.
 *
 * <p><b>Threading:</b> the adapter is stateless and blocks on one sysfs write; call it from a worker
 * thread, never the daemon's loop.
 *
 * <p><b>Entry class:</b> {@link org.nvmexpress.discoverd.kernel.fc.FcUdevKickstart}.
 */
package org.nvmexpress.discoverd.kernel.fc;
