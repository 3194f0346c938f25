/**
 * Varlink (ARCHITECTURE §7, VARLINK.md): the daemon's status and control socket
 * {@code /run/nvme/discoverd/varlink}, and the client {@code nvme-discoverctl} talks to it with.
 *
 * <p><b>Owns:</b> the wire protocol (JSON objects terminated by NUL over a unix stream socket),
 * written by hand on junixsocket with Jackson for the JSON: no maintained Java varlink library
 * exists; the interfaces {@code org.varlink.service}, {@code io.systemd.service} and
 * {@code org.nvmexpress.discoverd} (its description shipped as a resource and returned verbatim);
 * the limits (1 MiB messages, 30 s idle, 64 clients, bounded {@code Monitor} queues) and the
 * authorization by {@code SO_PEERCRED}; and, as a client of systemd-resolved's
 * {@code io.systemd.Resolve}, the mDNS browser {@link org.nvmexpress.discoverd.varlink.ResolvedBrowser}
 * (the mdns port's resolved adapter lives here so that it shares this client rather than a second one).
 *
 * <p><b>May import:</b> daemon (its {@code DaemonControl} and snapshot types), mdns (the browser
 * port), and everything below them; never cli.
 *
 * <p><b>Threading:</b> the server's threads read only the immutable snapshots and events the
 * daemon publishes, and post commands through {@code DaemonControl}; they never touch loop state.
 * A client connection ({@link org.nvmexpress.discoverd.varlink.VarlinkCalls}) is used by one thread.
 * The resolved browser reads each browse stream on a thread of its own.
 *
 * <p><b>Entry classes:</b> {@link org.nvmexpress.discoverd.varlink.VarlinkCalls} for clients
 * ({@link org.nvmexpress.discoverd.varlink.VarlinkClient#connect}); for the daemon,
 * {@link org.nvmexpress.discoverd.varlink.VarlinkServer#start(java.nio.file.Path,
 * org.nvmexpress.discoverd.daemon.DaemonControl)} at
 * {@link org.nvmexpress.discoverd.varlink.VarlinkSocket#under} its root, closed at shutdown.
 */
package org.nvmexpress.discoverd.varlink;
