package org.nvmexpress.discoverd.kernel;

import java.nio.file.Path;
import java.util.Arrays;
import org.nvmexpress.discoverd.dlp.DiscoveryLogSource;
import org.nvmexpress.discoverd.dlp.FetchResult;
import org.nvmexpress.discoverd.kernel.admin.DeviceDiscoveryLogs;

/**
 * The port the daemon reads discovery log pages through, on a real discovery controller: a
 * persistent DC connection to port 1 (with a keep-alive, as the daemon holds one), its page fetched
 * twice by {@code DeviceDiscoveryLogs.of(root)} exactly as the daemon's worker calls it, and once
 * more after the DC is deleted. {@link DlpFetchCheck} pins down the commands under the port; this
 * one checks the port itself: the device found under {@code <root>/dev}, the page whole, nothing
 * left open on the device, and a DC that is gone reported as {@link FetchResult.DeviceUnavailable}
 * with the real errno rather than thrown.
 */
final class DlpSourceCheck implements GuestCheck {
    /** The daemon's default {@code --root}: the guest's real {@code /dev}, sysfs and /run. */
    static final Path ROOT = Path.of("/");

    @Override
    public String name() {
        return "dlp-source";
    }

    @Override
    public void run(GuestReport report) throws Exception {
        DiscoveryLogSource source = DeviceDiscoveryLogs.of(ROOT);
        GuestFabrics.Connected dc = GuestFabrics.connect(GuestTarget.port1PersistentDcOptions());
        report.put("device", dc.device());
        Path node = ROOT.resolve("dev").resolve(dc.device());
        try {
            report.put("kato", GuestFabrics.attribute(dc, "kato"));
            FetchResult.Fetched first = GuestPages.fetch(source, dc.device(), report, "first");
            report.put("first.numrec", Long.toUnsignedString(first.page().numrec()));
            report.put("first.warnings", String.valueOf(first.page().warnings().size()));
            report.put("descriptors-after-fetch", String.valueOf(GuestPages.descriptorsOn(node)));
            // Nothing changed on the target, so a second fetch (a new open) must give the same bytes.
            FetchResult.Fetched second = GuestPages.fetch(source, dc.device(), report, "second");
            report.put("same-bytes", String.valueOf(Arrays.equals(first.raw(), second.raw())));
            report.put("state", GuestFabrics.attribute(dc, "state"));
        } finally {
            GuestFabrics.delete(dc);
        }
        FetchResult gone = source.fetch(dc.device());
        report.put("after-delete.kind", gone.getClass().getSimpleName());
        report.put("after-delete", gone.describe());
    }
}
