package org.nvmexpress.discoverd.daemon;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nvmexpress.discoverd.registry.RegistryEntry;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * Results of the {@link Audit}'s off-loop work, each carrying its {@link Outcome}. Kept apart from
 * {@link WorkDone} so the audit's events stay in its own file.
 */
sealed interface AuditDone extends LoopEvent {

    /** The host, the registry and the runtime layout were read (one reading at a time is asked for). */
    record Read(Outcome<AuditReading> outcome) implements AuditDone {
        public Read {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * A stale registry entry of ours was removed, or found changed and left ({@code false}).
     *
     * @param unit the tracked controller the entry was last for, when known, for the log's prefix
     * @param tid  otherwise the TID of the controller now on the entry's device, when there is one
     * @param why  what made it stale, for the log
     */
    record EntryRemoved(RegistryEntry entry, Optional<UnitName> unit, Optional<TransportId> tid, String why,
            Outcome<Boolean> outcome) implements AuditDone {
        public EntryRemoved {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(tid, "tid");
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * The runtime-state directory was made again and, when {@code full}, the files of
     * {@code entries} written.
     *
     * @param full    false when only the directories were made (systemd's list was not in yet)
     * @param entries the controllers whose files were written
     */
    record StateRebuilt(boolean full, List<RuntimeStateWriter.Entry> entries, Outcome<Integer> outcome)
            implements AuditDone {
        public StateRebuilt {
            entries = List.copyOf(entries);
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
