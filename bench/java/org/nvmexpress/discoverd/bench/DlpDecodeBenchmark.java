package org.nvmexpress.discoverd.bench;

import java.util.concurrent.TimeUnit;
import org.nvmexpress.discoverd.dlp.DcContext;
import org.nvmexpress.discoverd.dlp.DiscoveryLogDecoder;
import org.nvmexpress.discoverd.dlp.DiscoveryLogEntry;
import org.nvmexpress.discoverd.dlp.DiscoveryLogPage;
import org.nvmexpress.discoverd.dlp.DlpDecodeException;
import org.nvmexpress.discoverd.dlp.EntryTarget;
import org.nvmexpress.discoverd.dlp.EntryTargets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What the daemon does with a fetched 1,024-entry Discovery Log Page (ARCHITECTURE §11: the decode
 * takes at most 1 ms): decode it, and decode it and derive each entry's controller, as the daemon
 * does for every page a discovery controller returns. Time per page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DlpDecodeBenchmark {
    /** The host side a DC connected through eth1 with its own host NQN hands down to its entries. */
    private static final DcContext DC = new DcContext(null, "eth1",
            "nqn.2014-08.org.nvmexpress:uuid:22222222-2222-2222-2222-222222222222");

    private byte[] page;

    @Setup(Level.Trial)
    public void buildPage() throws DlpDecodeException {
        page = BenchPages.largeTcpPage();
        DiscoveryLogPage decoded = DiscoveryLogDecoder.decode(page);
        // Measure the path the field takes: every entry decodes and connects, nothing is warned about.
        if (decoded.entries().size() != BenchPages.ENTRIES || !decoded.warnings().isEmpty()) {
            throw new IllegalStateException("benchmark page is not a clean " + BenchPages.ENTRIES
                    + "-entry page: " + decoded.entries().size() + " entries, warnings " + decoded.warnings());
        }
        for (DiscoveryLogEntry entry : decoded.entries()) {
            if (!(EntryTargets.of(entry, DC) instanceof EntryTarget.Connectable)) {
                throw new IllegalStateException("benchmark entry " + entry.index() + " is not connectable");
            }
        }
    }

    /** The header and 1,024 entries into a {@link DiscoveryLogPage}. */
    @Benchmark
    public DiscoveryLogPage decode() throws DlpDecodeException {
        return DiscoveryLogDecoder.decode(page);
    }

    /** The decode, then the TID of every entry, as the daemon builds them from a DC's page. */
    @Benchmark
    public void decodeAndTargets(Blackhole sink) throws DlpDecodeException {
        for (DiscoveryLogEntry entry : DiscoveryLogDecoder.decode(page).entries()) {
            sink.consume(EntryTargets.of(entry, DC));
        }
    }
}
