package org.nvmexpress.discoverd.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** One controller in detail, as {@code controller} prints it: every field of VARLINK.md's Controller. */
final class ControllerText {
    private ControllerText() {
    }

    static void print(DaemonController c, TimeText time, PrintWriter out) {
        DaemonController.Tid tid = c.tid();
        out.println(c.unit());
        FieldLines.field(out, "Role", c.role());
        FieldLines.field(out, "State", c.state() + " since " + time.dateTime(c.sinceUSec()) + "; "
                + time.ago(c.sinceUSec()));
        FieldLines.field(out, "Device", c.device().orElse("none"));
        FieldLines.field(out, "Target", tid.target());
        FieldLines.field(out, "NQN", tid.nqn().orElse("none"));
        optional(out, "Host traddr", tid.hostTraddr());
        optional(out, "Host iface", tid.hostIface());
        optional(out, "Host NQN", tid.hostnqn());
        optional(out, "Host ID", tid.hostid());
        FieldLines.field(out, "Canonical", c.canonical());
        FieldLines.field(out, "Owner", c.owner());
        FieldLines.list(out, "Sources", sources(c), "none");
        FieldLines.field(out, "Attempts", String.valueOf(c.attempts()));
        FieldLines.field(out, "Next retry", c.nextRetryUSec().isPresent()
                ? time.until(c.nextRetryUSec().getAsLong()) + " (" + time.dateTime(c.nextRetryUSec().getAsLong()) + ")"
                : "none");
        FieldLines.field(out, "Last error", c.lastError().orElse("none"));
    }

    /** Each source as the log names it when the daemon says ({@code config: FILE:LINE}), else its kind. */
    private static List<String> sources(DaemonController c) {
        return c.sourceDetails().filter(details -> !details.isEmpty()).orElse(c.sources());
    }

    /** Host fields only when set: most connections use the host's defaults. */
    private static void optional(PrintWriter out, String label, Optional<String> value) {
        value.ifPresent(v -> FieldLines.field(out, label, v));
    }
}
