package org.nvmexpress.discoverd.kernel;

import org.nvmexpress.discoverd.systemd.UnitRequest;

/**
 * One start or restart job of {@link ChildProcessUnitManager}, guarded by the manager's lock: while
 * it waits, a restart joining it makes it a restart with the newer request; a stop drops it (no
 * outcome) or, once running, cancels it and kills its {@code ExecStart}.
 */
final class ChildUnitJob {
    boolean restart;
    UnitRequest request;
    boolean running;
    boolean dropped;
    boolean canceled;
    /** The {@code ExecStart} process while it runs, for a stop to kill. */
    Process process;

    ChildUnitJob(boolean restart, UnitRequest request) {
        this.restart = restart;
        this.request = request;
    }
}
