package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import org.nvmexpress.discoverd.tid.UnitName;

/** The loop's timers: what a timer delivers when it is due (armed with {@link EventLoop#schedule}). */
sealed interface Due extends LoopEvent {

    /** A controller's next attempt (retry after a failure, or a reconnect after backoff). */
    record Attempt(UnitName unit) implements Due {
        public Attempt {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** A host name that did not resolve is tried again. */
    record Resolve(String hostName) implements Due {
        public Resolve {
            Objects.requireNonNull(hostName, "hostName");
        }
    }

    /** The held-back status line may be sent now (at most one per {@link StatusReporter#MIN_INTERVAL}). */
    record Status() implements Due {
    }

    /** Time for {@code WATCHDOG=1}. */
    record Watchdog() implements Due {
    }

    /** The periodic audit ({@code audit-interval-minutes}): survey the host, replay what the uevents missed. */
    record Audit() implements Due {
    }

    /** A failed host survey is tried again. */
    record Survey() implements Due {
    }

    /** A discovery controller's failed log page fetch is tried again. */
    record Fetch(UnitName unit) implements Due {
        public Fetch {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** The periodic FC kickstart ({@code fc-kickstart-interval-minutes}). */
    record Kickstart() implements Due {
    }

    /** An mDNS-announced DC that was withdrawn may have been unreachable for the give-up time now. */
    record MdnsGiveUp(UnitName unit) implements Due {
        public MdnsGiveUp {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** The status interface's snapshot is stale and its coalescing interval is over ({@link SnapshotPublisher}). */
    record Publish() implements Due {
    }
}
