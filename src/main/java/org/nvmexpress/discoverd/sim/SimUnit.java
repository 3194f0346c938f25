package org.nvmexpress.discoverd.sim;

import org.nvmexpress.discoverd.systemd.ListedUnit;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.UnitName;

/** One loaded connection unit of the simulated systemd, and its job if one is queued or running. */
final class SimUnit {
    /** A start or restart job, and the daemon connection it reports to. */
    record Job(SimUnitClient client, boolean restart) {
    }

    final UnitName name;
    UnitRequest request;
    Job job;
    private String activeState = "inactive";
    private String subState = "dead";

    SimUnit(UnitName name, UnitRequest request) {
        this.name = name;
        this.request = request;
    }

    void activating() {
        if (!"active".equals(activeState)) {
            activeState = "activating";
            subState = "start";
        }
    }

    void active() {
        activeState = "active";
        subState = "exited";
    }

    ListedUnit listed() {
        return new ListedUnit(name, activeState, subState, job != null);
    }
}
