package org.nvmexpress.discoverd.bench;

import java.util.concurrent.TimeUnit;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A TID from its text to its unit name: parse strictly, write the canonical form, hash it into the
 * unit name. The daemon does this for each of up to 10,000 controllers (ARCHITECTURE §11: the
 * desired set and all unit requests in at most 1 s of CPU). Time per TID, for an IPv4 and an IPv6
 * address, since only IPv6 is rewritten to its glibc spelling.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TidBenchmark {
    private static final String HOST = ";hostnqn=nqn.2014-08.org.nvmexpress:uuid:22222222-2222-2222-2222-222222222222";

    /** The TID's text; the IPv6 address is in a non-canonical spelling, so canonicalisation works. */
    @Param({
        "transport=tcp;traddr=192.168.1.20;trsvcid=4420;nqn=nqn.2024-01.com.example:vol1;host-iface=eth1" + HOST,
        "transport=tcp;traddr=2001:DB8:0:0::20;trsvcid=4420;nqn=nqn.2024-01.com.example:vol1;host-iface=eth1" + HOST
    })
    public String text;

    @Benchmark
    public void parseCanonicalUnitName(Blackhole sink) {
        TransportId tid = TidParser.strict(text);
        sink.consume(tid.canonical());
        sink.consume(tid.unitName());
    }
}
