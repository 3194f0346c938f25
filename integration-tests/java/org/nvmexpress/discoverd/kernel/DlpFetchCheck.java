package org.nvmexpress.discoverd.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.nvmexpress.discoverd.dlp.DcContext;
import org.nvmexpress.discoverd.dlp.DiscoveryLogEntry;
import org.nvmexpress.discoverd.dlp.DiscoveryLogFetcher;
import org.nvmexpress.discoverd.dlp.DiscoveryLogPage;
import org.nvmexpress.discoverd.dlp.EntryTarget;
import org.nvmexpress.discoverd.dlp.EntryTargets;
import org.nvmexpress.discoverd.dlp.FetchResult;
import org.nvmexpress.discoverd.dlp.LogPageReader;
import org.nvmexpress.discoverd.kernel.admin.AdminLogPageReader;
import org.nvmexpress.discoverd.kernel.admin.AdminPassthrough;
import org.nvmexpress.discoverd.kernel.admin.LibcIoctl;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The daemon's Discovery Log Page path on a real discovery controller (reference §5): connects the
 * DC on port 1, fetches its page with {@link DiscoveryLogFetcher} through {@link AdminLogPageReader}
 * over the real admin passthrough ioctl on {@code /dev/nvmeN}, and turns each decoded entry into a
 * controller with {@link EntryTargets}, as the daemon would. Reports the Get Log Page commands
 * issued, the page's header, each entry's fields, and each entry's TID, role and unit name.
 */
final class DlpFetchCheck implements GuestCheck {
    /**
     * The DC as a fabrics config would name it. The host address is pinned (and the connect made
     * with it) so that the entries' TIDs show what they inherit from the DC (§5.5 step 3).
     */
    static final String DC_TID = "transport=tcp;traddr=" + GuestTarget.TRADDR + ";trsvcid=" + GuestTarget.PORT1_TRSVCID
            + ";nqn=" + GuestTarget.DISCOVERY_NQN + ";host-traddr=" + GuestTarget.TRADDR;

    @Override
    public String name() {
        return "dlp-fetch";
    }

    @Override
    public void run(GuestReport report) throws Exception {
        TransportId dcTid = TidParser.strict(DC_TID);
        report.put("dc-tid", dcTid.canonical());
        GuestFabrics.Connected dc = GuestFabrics.connect(GuestTarget.port1Options(GuestTarget.DISCOVERY_NQN)
                + ",host_traddr=" + GuestTarget.TRADDR);
        report.put("device", dc.device());
        try (AdminPassthrough admin = AdminPassthrough.open(new LibcIoctl(), Path.of("/dev", dc.device()))) {
            LogPageReader production = new AdminLogPageReader(admin);
            List<String> commands = new ArrayList<>();
            FetchResult result = new DiscoveryLogFetcher().fetch(command -> {
                commands.add(command.toString());
                return production.read(command);
            });
            report.put("commands", String.join("; ", commands));
            report.put("wide-commands", String.valueOf(admin.usesWideCommands()));
            report.put("result", result.describe());
            if (!(result instanceof FetchResult.Fetched fetched)) {
                throw new AssertionError("no Discovery Log Page from " + dc.device() + ": " + result.describe());
            }
            report(fetched.page(), DcContext.of(dcTid), report);
        } finally {
            GuestFabrics.delete(dc);
        }
    }

    private static void report(DiscoveryLogPage page, DcContext dc, GuestReport report) {
        report.put("numrec", Long.toUnsignedString(page.numrec()));
        report.put("recfmt", String.valueOf(page.recfmt()));
        report.put("warnings", page.warnings().stream().map(Object::toString).collect(Collectors.joining("; ")));
        for (DiscoveryLogEntry entry : page.entries()) {
            String key = "entry." + entry.index();
            report.put(key, describe(entry));
            EntryTarget target = EntryTargets.of(entry, dc);
            if (target instanceof EntryTarget.Connectable connectable) {
                report.put(key + ".tid", connectable.tid().canonical());
                report.put(key + ".role", connectable.role().name());
                report.put(key + ".unit", connectable.tid().unitName().value());
            } else {
                EntryTarget.Rejected rejected = (EntryTarget.Rejected) target;
                report.put(key + ".rejected", rejected.reason() + ": " + rejected.problem());
            }
        }
    }

    /** The fields the daemon reads, in the spirit of {@code nvme discover}'s listing. */
    private static String describe(DiscoveryLogEntry entry) {
        return "subtype=" + entry.kind().key() + " trtype=" + entry.transportType().libnvmeName()
                + " adrfam=" + entry.addressFamily().libnvmeName() + " portid=" + entry.portid()
                + " traddr=" + entry.traddr() + " trsvcid=" + entry.trsvcid() + " subnqn=" + entry.subnqn();
    }
}
