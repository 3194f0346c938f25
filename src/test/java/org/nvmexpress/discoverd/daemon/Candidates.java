package org.nvmexpress.discoverd.daemon;

import java.util.List;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/** Candidates for tests, from TID text. */
final class Candidates {
    static final String VOL1 = "nqn.2014-08.com.example:storage.vol1";
    static final String WELL_KNOWN = "nqn.2014-08.org.nvmexpress.discovery";

    private Candidates() {
    }

    /** A configured candidate from {@code /etc/nvme/nvme-fabrics.conf:LINE}. */
    static Candidate configured(String tid, Role role, int line) {
        TransportId t = TidParser.strict(tid).withDefaultTrsvcid(role);
        return new Candidate(new UnitRequest(t, role, false, ConnectOptions.of(t, null, Params.EMPTY)),
                List.of(new Source.Configured("/etc/nvme/nvme-fabrics.conf", line)));
    }

    /** A boot candidate connected with {@code hostnqn} as a connect option. */
    static Candidate boot(String tid, Role role, String hostnqn) {
        TransportId t = TidParser.strict(tid);
        List<String> args = new java.util.ArrayList<>(ConnectOptions.of(t, null, Params.EMPTY).arguments());
        args.add("--hostnqn=" + hostnqn);
        return new Candidate(new UnitRequest(t, role, true, new ConnectOptions(args, java.util.Map.of())),
                List.of(new Source.Boot("NBFT", "SSNS 1 via HFI 1")));
    }
}
