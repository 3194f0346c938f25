package org.nvmexpress.discoverd.daemon;

import java.util.List;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/** Configured tcp I/O controllers of one subsystem for the loop's tests, told apart by address. */
final class IoControllers {
    static final String NQN = "nqn.2014-08.org.nvmexpress:main-vol";

    private IoControllers() {
    }

    static TransportId tid(String traddr) {
        return TransportId.builder().transport("tcp").traddr(traddr).trsvcid("4420").nqn(NQN).build();
    }

    /** A configured I/O controller at {@code traddr}, from line 3 of {@code /etc/nvme/nvme-fabrics.conf}. */
    static Candidate configured(String traddr) {
        TransportId tid = tid(traddr);
        return new Candidate(new UnitRequest(tid, Role.IOC, false, ConnectOptions.of(tid, null, Params.EMPTY)),
                List.of(new Source.Configured("/etc/nvme/nvme-fabrics.conf", 3)));
    }
}
