package org.nvmexpress.discoverd.kernel;

import java.nio.file.Path;
import java.util.Optional;
import org.nvmexpress.discoverd.kernel.sysfs.ConnectionIdentityMatcher;
import org.nvmexpress.discoverd.kernel.sysfs.ControllerReading;
import org.nvmexpress.discoverd.kernel.sysfs.LiveController;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsReader;
import org.nvmexpress.discoverd.kernel.sysfs.SysfsTid;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;

/**
 * The production sysfs reader and connection-identity matcher on real kernel attributes: connects
 * an I/O controller, reads it back through {@link SysfsReader}, and asks the matcher whether
 * several desired TIDs are that connection (reference §15 items 10, 11, 31).
 */
final class IdentityMatcherCheck implements GuestCheck {
    private static final String BASE = "transport=tcp;traddr=" + GuestTarget.TRADDR + ";nqn=" + GuestTarget.IO1_NQN;

    @Override
    public String name() {
        return "identity-matcher";
    }

    @Override
    public void run(GuestReport report) throws Exception {
        GuestFabrics.Connected connected = GuestFabrics.connect(GuestTarget.port1Options(GuestTarget.IO1_NQN));
        try {
            ControllerReading reading = new SysfsReader(Path.of("/")).controller(new DeviceName(connected.device()));
            if (!(reading instanceof ControllerReading.Found found)) {
                report.put("reading", "gone");
                return;
            }
            LiveController live = found.controller();
            report.put("problems", String.valueOf(found.problems().size()));
            report.put("hostnqn", String.valueOf(live.hostnqn()));
            report.put("from-sysfs", SysfsTid.fromSysfs(live).canonical());
            // The guest has no /etc/nvme/hostnqn: the kernel's default host NQN stands for "unset".
            ConnectionIdentityMatcher matcher = new ConnectionIdentityMatcher(Optional.ofNullable(live.hostnqn()));
            report.put("plain", explain(matcher, BASE, live));
            report.put("explicit-port", explain(matcher, BASE + ";trsvcid=" + GuestTarget.PORT1_TRSVCID, live));
            report.put("mapped-address", explain(matcher, "transport=tcp;traddr=::ffff:127.0.0.1;nqn=" + GuestTarget.IO1_NQN, live));
            report.put("src-addr-as-host-traddr", explain(matcher, BASE + ";host-traddr=127.0.0.1", live));
            report.put("other-port", explain(matcher, BASE + ";trsvcid=" + GuestTarget.PORT2_TRSVCID, live));
            report.put("other-nqn", explain(matcher, "transport=tcp;traddr=127.0.0.1;nqn=" + GuestTarget.IO2_NQN, live));
        } finally {
            GuestFabrics.delete(connected);
        }
    }

    private static String explain(ConnectionIdentityMatcher matcher, String desired, LiveController live) {
        return matcher.match(TidParser.strict(desired), Role.IOC, live).explain();
    }
}
