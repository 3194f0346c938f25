package org.nvmexpress.discoverd.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nvmexpress.discoverd.dlp.DiscoveryLogFetcher;
import org.nvmexpress.discoverd.dlp.DiscoveryLogSource;
import org.nvmexpress.discoverd.dlp.FetchResult;
import org.nvmexpress.discoverd.dlp.GetLogPageCommand;
import org.nvmexpress.discoverd.dlp.LogPageReadException;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.sim.fabric.DiscoveryController;
import org.nvmexpress.discoverd.sim.fabric.LogChange;
import org.nvmexpress.discoverd.sim.fabric.LogEntry;
import org.nvmexpress.discoverd.sim.fabric.LogPages;

/**
 * The discovery controllers' log pages as the host reads them: each DC's current entries and
 * generation counter, encoded in the real format and read through the daemon's real
 * {@link DiscoveryLogFetcher} (header first, then the entries, checking the counter), as the
 * admin ioctl would serve them. A change ({@link #apply}) bumps the counter and raises the AEN on
 * every live controller of that DC.
 */
final class SimLogPages implements DiscoveryLogSource {
    private record Current(List<LogEntry> log, long genctr, byte[] page) {
    }

    private final Object lock;
    private final SimTargets targets;
    private final SimKernel kernel;
    private final Map<String, Current> byDc = new HashMap<>();
    private final DiscoveryLogFetcher fetcher = new DiscoveryLogFetcher();
    private long reads;

    SimLogPages(Object lock, SimTargets targets, SimKernel kernel) {
        this.lock = lock;
        this.targets = targets;
        this.kernel = kernel;
        for (DiscoveryController dc : targets.fabric().discoveryControllers()) {
            byDc.put(dc.name(), encode(dc, dc.log(), 1));
        }
    }

    @Override
    public FetchResult fetch(String device) {
        byte[] page;
        synchronized (lock) {
            reads++;
            page = pageOf(new DeviceName(device)).orElse(null);
        }
        return fetcher.fetch(command -> read(device, page, command));
    }

    /** How many page reads the host served (each a whole fetch: header, entries, header again). */
    long reads() {
        synchronized (lock) {
            return reads;
        }
    }

    /** The page {@code device} serves now; empty when it is no live discovery controller. */
    private Optional<byte[]> pageOf(DeviceName device) {
        return kernel.controller(device).filter(c -> c.discovery && c.live())
                .flatMap(c -> targets.discoveryController(c.subsysnqn, c.port))
                .map(dc -> byDc.get(dc.name()).page());
    }

    private static byte[] read(String device, byte[] page, GetLogPageCommand command) throws LogPageReadException {
        if (page == null) {
            throw LogPageReadException.errno("ENODEV", Errno.ENODEV.number(),
                    "/dev/" + device + " is no live discovery controller");
        }
        byte[] out = new byte[command.length()];
        if (command.offset() < page.length) {
            System.arraycopy(page, (int) command.offset(), out, 0,
                    (int) Math.min(out.length, page.length - command.offset()));
        }
        return out;
    }

    /** The change is made: the DC's page is the new one, and its controllers say so. */
    void apply(LogChange change) {
        DiscoveryController dc = targets.fabric().discoveryController(change.discoveryController()).orElseThrow();
        byDc.put(dc.name(), encode(dc, change.log(), byDc.get(dc.name()).genctr() + 1));
        for (SimController c : kernel.controllersOn(targets.fabric().port(dc.port()).orElseThrow())) {
            if (c.discovery && c.subsysnqn.equals(dc.nqn())) {
                kernel.raiseLogChanged(c);
            }
        }
    }

    private Current encode(DiscoveryController dc, List<LogEntry> log, long genctr) {
        return new Current(log, genctr, LogPages.encode(targets.fabric(), dc, log, genctr));
    }
}
