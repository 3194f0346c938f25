package org.nvmexpress.discoverd.sim.fabric;

import java.util.Objects;

/** One entry of a discovery log page, by what it points at. */
public sealed interface LogEntry {

    /** An I/O subsystem on one of its ports (subtype 2, NVMe). */
    record Ioc(String subsystem, String port) implements LogEntry {
        public Ioc {
            Objects.requireNonNull(subsystem, "subsystem");
            Objects.requireNonNull(port, "port");
        }
    }

    /** Another discovery controller, by name (subtype 1, a referral). */
    record Referral(String discoveryController) implements LogEntry {
        public Referral {
            Objects.requireNonNull(discoveryController, "discoveryController");
        }
    }

    /**
     * The discovery controller itself (subtype 3, current discovery subsystem), on its own port.
     *
     * @param epcsd whether the entry says the controller supports explicit persistent connections
     *              (EFLAGS bit EPCSD)
     */
    record Self(boolean epcsd) implements LogEntry {
    }
}
