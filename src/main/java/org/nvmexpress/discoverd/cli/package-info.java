/**
 * The command line: {@code nvme-discoverd} (the daemon's entry point) and {@code nvme-discoverctl}
 * (the companion tool and its offline subcommands), both on picocli.
 *
 * <p><b>Owns:</b> argument parsing, help, version, exit codes and the rendering of results as text
 * or JSON. Commands parse, call into the packages below, and print; they hold no logic of their own.
 * Exit codes everywhere: 0 success, 1 the operation failed, 2 usage or bad input; the commands
 * that talk to the daemon over varlink ({@link org.nvmexpress.discoverd.cli.DaemonCall}) add 3, the
 * daemon is not running, and 4, it refused a user other than root.
 * {@link org.nvmexpress.discoverd.cli.DaemonMain} only wires the daemon's adapters (unit manager,
 * uevent monitor, sysfs, registry, exclusion lists, sd_notify, signals, clock, resolver) and runs
 * {@link org.nvmexpress.discoverd.daemon.Daemon}; the daemon's logic lives in {@code daemon}.
 *
 * <p><b>May import:</b> every other package of the project (it is the top of the arrows).
 *
 * <p><b>Threading:</b> runs on the main thread; each invocation is independent. The daemon's
 * signal handlers run on the JVM's signal thread and only post immutable
 * {@link org.nvmexpress.discoverd.daemon.LoopEvent}s to the daemon's loop, which runs on the main
 * thread.
 *
 * <p><b>Entry classes:</b> {@link org.nvmexpress.discoverd.cli.DiscoverctlMain} and
 * {@link org.nvmexpress.discoverd.cli.DaemonMain}.
 */
package org.nvmexpress.discoverd.cli;
