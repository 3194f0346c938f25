package org.nvmexpress.discoverd.daemon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.dlp.FetchResult;
import org.nvmexpress.discoverd.kernel.fc.FcKickstart;
import org.nvmexpress.discoverd.kernel.sysfs.SettledController;
import org.nvmexpress.discoverd.mdns.ServiceBrowser;
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

    /** Sysfs, the registry and the runtime state were read in full after uevents were lost. */
    record Rescanned(Outcome<HostSnapshot> outcome) implements WorkDone {
        public Rescanned {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * A pass was planned off the loop: the host surveyed, then {@link Reconciler#plan}.
     *
     * @param pass numbers the passes, so the result of one that was superseded is recognised
     */
    record Planned(long pass, Outcome<Plan> outcome) implements WorkDone {
        public Planned {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * The survey a pass planned on and the decisions, in the order to carry them out.
     *
     * @param host       the host as surveyed
     * @param decisions  {@link Reconciler#plan}'s answer
     * @param exclusions the exclusion lists as read with the survey, for the attempts that follow
     */
    record Plan(HostSnapshot host, List<Decision> decisions, ExclusionSource.Exclusions exclusions) {
        public Plan {
            Objects.requireNonNull(host, "host");
            decisions = List.copyOf(decisions);
            Objects.requireNonNull(exclusions, "exclusions");
        }
    }

    /**
     * One controller's gate check ({@link Attempts}).
     *
     * @param seq the attempt's number, to drop a result the controller no longer waits for
     */
    record GateChecked(UnitName unit, long seq, Outcome<Attempts.Gated> outcome) implements WorkDone {
        public GateChecked {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(outcome, "outcome");
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

    /**
     * A discovery controller's log page was fetched ({@link LogFetches}), or not.
     *
     * @param unit   the DC's unit
     * @param device the device it was read through
     * @param seq    the fetch's number, to drop a result the DC no longer waits for
     */
    record LogFetched(UnitName unit, DeviceName device, long seq, Outcome<FetchResult> outcome) implements WorkDone {
        public LogFetched {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** An FC kickstart was written, or not ({@link FcDiscovery}). */
    record Kickstarted(String why, Outcome<FcKickstart.Outcome> outcome) implements WorkDone {
        public Kickstarted {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * The browser of a {@code zeroconf} setting was opened, or there is none ({@link MdnsDiscovery}).
     *
     * @param generation which opening this answers: a later reload's change makes it stale
     */
    record BrowserOpened(long generation, Outcome<Optional<ServiceBrowser>> outcome) implements WorkDone {
        public BrowserOpened {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** The browser a changed {@code zeroconf} replaced was closed, or failed to ({@code outcome}: its backend). */
    record BrowserClosed(Outcome<String> outcome) implements WorkDone {
        public BrowserClosed {
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
