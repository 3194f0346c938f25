package org.nvmexpress.discoverd.cli;

import java.time.Clock;
import java.util.Objects;

/**
 * What the commands that talk to the daemon need from outside: the connection, the time (to say
 * "up 2 h", "in 12 s") and Ctrl-C. Tests give a fake daemon, a fixed clock and a button.
 *
 * @param connector  opens the varlink socket
 * @param clock      now, and the zone times are shown in
 * @param interrupts Ctrl-C
 */
record DaemonPorts(DaemonConnector connector, Clock clock, Interrupts interrupts) {
    DaemonPorts {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(interrupts, "interrupts");
    }

    /** The built-in client, the system clock in the local zone, SIGINT. */
    static DaemonPorts system() {
        return new DaemonPorts(DaemonConnector.builtIn(), Clock.systemDefaultZone(), Interrupts.sigint());
    }
}
