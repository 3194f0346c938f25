package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import org.nvmexpress.discoverd.kernel.uevent.KernelEvent;
import org.nvmexpress.discoverd.mdns.BrowseEvent;
import org.nvmexpress.discoverd.systemd.UnitEvent;

/**
 * Everything that reaches the daemon's loop: one immutable value per happening (ARCHITECTURE §4,
 * STYLE §7 rule 6). Adapters on their own threads post the public kinds here through
 * {@link EventLoop#post} (the status interface its {@link ControlRequest}s); timers of the loop
 * ({@link Due}) and results of off-loop work ({@link WorkDone}, the audit's {@link AuditDone}) are
 * the loop's own.
 */
public sealed interface LoopEvent permits LoopEvent.Reload, LoopEvent.Stop, LoopEvent.FromUnits,
        LoopEvent.FromKernel, LoopEvent.FromBrowser, Due, WorkDone, AuditDone, ControlRequest {

    /** SIGHUP: re-read the configurations and the boot tables, connect what became desired. */
    record Reload() implements LoopEvent {
    }

    /**
     * SIGTERM or SIGINT: stop the adapters and exit, leaving every connection up.
     *
     * @param signal the signal's name, for the log ({@code SIGTERM})
     */
    record Stop(String signal) implements LoopEvent {
        public Stop {
            Objects.requireNonNull(signal, "signal");
        }
    }

    /** What the unit manager reported: a job's end, a failed call, the bus lost or back. */
    record FromUnits(UnitEvent event) implements LoopEvent {
        public FromUnits {
            Objects.requireNonNull(event, "event");
        }
    }

    /** What the uevent monitor saw: a controller added or removed, a log page change, uevents lost. */
    record FromKernel(KernelEvent event) implements LoopEvent {
        public FromKernel {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * What the DNS-SD browser saw: a DC announced or withdrawn, the browser's service lost or back.
     * The daemon starts its browser with a sink that posts these ({@code loop.post(new
     * FromBrowser(event))}), so an adapter only calls its sink.
     */
    record FromBrowser(BrowseEvent event) implements LoopEvent {
        public FromBrowser {
            Objects.requireNonNull(event, "event");
        }
    }
}
