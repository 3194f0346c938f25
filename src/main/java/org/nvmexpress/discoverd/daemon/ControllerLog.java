package org.nvmexpress.discoverd.daemon;

import java.util.Objects;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.systemd.JournalEventFields;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * How the daemon logs what it decided about one controller (ARCHITECTURE §10, STYLE §7 rule 12):
 * {@code TID | nvmeX - what happened}, or {@code TID - what happened} while no device is known,
 * with the journal fields {@code NVME_TID}, {@code NVME_UNIT} and, when known, {@code NVME_DEVICE}.
 * Stateless; the caller decides the level and logs each decision once.
 */
final class ControllerLog {
    private final Logger log;

    ControllerLog(Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    void log(Level level, TrackedController controller, String what) {
        log(level, controller.candidate().tid(), controller.unit(), controller.device().orElse(null), what);
    }

    void log(Level level, Candidate candidate, DeviceName device, String what) {
        log(level, candidate.tid(), candidate.unit(), device, what);
    }

    /** @param device the controller's device, or {@code null} when none is known */
    void log(Level level, TransportId tid, UnitName unit, DeviceName device, String what) {
        if (!log.isEnabledForLevel(level)) {
            return;
        }
        LoggingEventBuilder event = log.atLevel(level).addKeyValue(JournalEventFields.TID, tid.compact())
                .addKeyValue(JournalEventFields.UNIT, unit.value());
        if (device != null) {
            event.addKeyValue(JournalEventFields.DEVICE, device.value()).log("{} | {} - {}", tid.compact(), device, what);
        } else {
            event.log("{} - {}", tid.compact(), what);
        }
    }
}
