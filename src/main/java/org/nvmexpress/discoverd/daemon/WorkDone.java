package org.nvmexpress.discoverd.daemon;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.kernel.sysfs.SettledController;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.UnitName;

/** Results of the loop's off-loop work ({@link Workers}), each carrying its {@link Outcome}. */
sealed interface WorkDone extends LoopEvent {

    /**
     * The configurations and boot tables were read.
     *
     * @param reload false for the start-up read, true for a SIGHUP's
     */
    record InputsRead(boolean reload, Outcome<DaemonInputs> outcome) implements WorkDone {
        public InputsRead {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** A configured host name was looked up: its address, or why not. */
    record NameResolved(String hostName, Outcome<String> outcome) implements WorkDone {
        public NameResolved {
            Objects.requireNonNull(hostName, "hostName");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * A controller announced by an {@code add} uevent was waited for and read.
     *
     * @param seqnum the {@code add} uevent's sequence number, to tell the result from a later removal
     */
    record Settled(DeviceName device, long seqnum, Outcome<SettledDevice> outcome) implements WorkDone {
        public Settled {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * What a settled controller is, and which unit the runtime state says made it.
     *
     * @param settled   the settler's result
     * @param stateUnit {@code /run/nvme/discoverd/controllers/<dev>/unit}, when present and valid
     */
    record SettledDevice(SettledController settled, Optional<UnitName> stateUnit) {
        public SettledDevice {
            Objects.requireNonNull(settled, "settled");
            Objects.requireNonNull(stateUnit, "stateUnit");
        }
    }

    /** Sysfs was read in full after uevents were lost. */
    record Rescanned(Outcome<LiveScan> outcome) implements WorkDone {
        public Rescanned {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * Every controller in sysfs and the unit the runtime state names for it.
     *
     * @param live       every controller that could be read, by device
     * @param stateUnits the runtime state's unit per device, where there is one
     */
    record LiveScan(Map<DeviceName, LiveController> live, Map<DeviceName, UnitName> stateUnits) {
        public LiveScan {
            live = Map.copyOf(live);
            stateUnits = Map.copyOf(stateUnits);
        }
    }

    /** The registry owner of an adopted controller that had none was written (or not). */
    record OwnerRecorded(UnitName unit, DeviceName device, String owner, Outcome<String> outcome) implements WorkDone {
        public OwnerRecorded {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
