package org.nvmexpress.discoverd.kernel.sysfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.InvalidTransportIdException;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The index gives the matcher's answer, over small pools of the spellings sysfs shows (IPv4-mapped
 * and uncompressed IPv6, scopes, FC WWNs in any case, padded or without {@code 0x}, padded ports,
 * unique discovery NQNs, pinned and unpinned host addresses), so that matches are frequent and
 * every normalisation the bucket keys rely on is exercised.
 */
final class LiveControllerIndexPropertyTest {
    private static final String HOSTNQN = RecordedControllers.HOSTNQN;
    private static final String OTHER_HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:00000000-0000-0000-0000-000000000001";
    private static final String HOSTID = RecordedControllers.HOSTID;
    private static final String VOL1 = RecordedControllers.VOL1;
    private static final String UNIQUE_DC = RecordedControllers.UNIQUE_DC_NQN;
    private static final String WELL_KNOWN = RecordedControllers.WELL_KNOWN;

    private static final Map<String, List<String>> DESIRED_TRADDRS = Map.of(
            "tcp", List.of("192.168.1.20", "::ffff:192.168.1.20", "192.168.1.21", "fe80::1%eth0", "fe80::1",
                    "FE80::1%eth1", "2001:db8::20"),
            "rdma", List.of("10.0.0.20", "::ffff:10.0.0.20", "10.0.0.21"),
            "fc", List.of("nn-0x20000090fa942779:pn-0x10000090fa942779", "nn-0x20000090FA942779:pn-0x10000090FA942779",
                    "nn-0x1:pn-0x2", "nn-0x0001:pn-0x02", "nn-0x1,pn-0x2", "nn-0x1:pn-0x3"),
            "loop", List.of("lo1", "lo2"));

    private static final Map<String, List<String>> LIVE_TRADDRS = Map.of(
            "tcp", List.of("192.168.1.20", "::ffff:192.168.1.20", "::FFFF:c0a8:114", "0:0:0:0:0:ffff:192.168.1.20",
                    "192.168.1.21", "fe80::1%eth0", "fe80::1%eth1", "FE80:0::1", "2001:DB8:0:0::20", "host.example",
                    ""),
            "rdma", List.of("10.0.0.20", "::ffff:10.0.0.20", "10.0.0.21", "rdma-host"),
            "fc", List.of("nn-0x20000090fa942779:pn-0x10000090fa942779", "nn-0x20000090FA942779:pn-0x10000090FA942779",
                    "NN-0x20000090fa942779:PN-0x10000090fa942779", "nn-20000090fa942779:pn-10000090fa942779",
                    "nn-0x1:pn-0x2", "NN-0X1:PN-0X2", "nn-0x00000000000000001:pn-0x2", "nn-0x1:pn-0x3",
                    "nn-0x1:pn-0x2\u0131", "nn-0x1,pn-0x2"),
            "loop", List.of("lo1", "LO1", "lo2"));

    /** Live controllers and one desired TID, random or respelled from one of them. */
    record Scenario(List<LiveController> live, TransportId desired) {
    }

    @Property(tries = 400)
    void indexAnswersAsTheMatcherDoes(@ForAll("scenarios") Scenario scenario, @ForAll Role role,
            @ForAll boolean systemHostnqn) {
        List<LiveController> live = scenario.live();
        TransportId desired = scenario.desired();
        ConnectionIdentityMatcher matcher = new ConnectionIdentityMatcher(
                systemHostnqn ? Optional.of(HOSTNQN) : Optional.empty());
        LiveControllerIndex index = LiveControllerIndex.of(matcher, live);

        Optional<LiveController> expected = matcher.findFirst(desired, role, live);
        assertThat(index.find(desired, role)).isEqualTo(expected);
        assertThat(index.findAll(desired, role))
                .isEqualTo(live.stream().filter(l -> matcher.match(desired, role, l).matches()).toList());

        Statistics.label("found").collect(expected.isPresent());
        Statistics.label("found").coverage(c -> c.check(true).percentage(p -> p > 10));
        Statistics.label("found").coverage(c -> c.check(false).percentage(p -> p > 10));
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return controllers().flatMap(live -> {
            Arbitrary<TransportId> random = desired();
            if (live.isEmpty()) {
                return random.map(d -> new Scenario(live, d));
            }
            Arbitrary<TransportId> respelled = Combinators.combine(Arbitraries.integers().between(0, live.size() - 1),
                    Arbitraries.of(DESIRED_TRADDRS.get("tcp")), Arbitraries.of(true, false),
                    Arbitraries.of(true, false)).as((i, fallback, keepTrsvcid, wellKnown) ->
                            respelled(live.get(i), fallback, keepTrsvcid, wellKnown));
            return Arbitraries.frequencyOf(Tuple.of(1, random), Tuple.of(3, respelled)).map(d -> new Scenario(live, d));
        });
    }

    /**
     * A desired TID for {@code live}'s address, NQN and maybe its port, as a configuration would
     * spell it (the builder canonicalises); {@code fallback} when sysfs' spelling is no valid traddr.
     */
    private static TransportId respelled(LiveController live, String fallback, boolean keepTrsvcid,
            boolean wellKnown) {
        TransportId.Builder b = TransportId.builder().transport(live.transport())
                .trsvcid(keepTrsvcid ? live.address().trsvcid() : null)
                .nqn(wellKnown ? WELL_KNOWN : live.subsysnqn());
        try {
            return b.traddr(live.address().traddr()).build();
        } catch (InvalidTransportIdException e) {
            return b.traddr(fallback).transport("tcp").build();
        }
    }

    @Provide
    Arbitrary<TransportId> desired() {
        Arbitrary<String> transport = Arbitraries.of("tcp", "tcp", "rdma", "fc", "fc", "loop").injectNull(0.05);
        return transport.flatMap(t -> {
            List<String> pool = t == null ? DESIRED_TRADDRS.get("tcp") : DESIRED_TRADDRS.get(t);
            Arbitrary<String> traddr = Arbitraries.of(pool).injectNull(0.05);
            Arbitrary<String> hostTraddr = "fc".equals(t)
                    ? Arbitraries.of("nn-0x20000090fae0b5f5:pn-0x10000090fae0b5f5").injectNull(0.8)
                    : Arbitraries.of("192.168.1.5", "::ffff:192.168.1.5", "10.0.0.5").injectNull(0.8);
            Arbitrary<String> trsvcid = Arbitraries.of("4420", "8009", "4421", "04420").injectNull(0.4);
            Arbitrary<String> nqn = Arbitraries.of(VOL1, WELL_KNOWN, UNIQUE_DC).injectNull(0.1);
            Arbitrary<String> hostIface = Arbitraries.of("eth0").injectNull(0.9);
            Arbitrary<String> hostnqn = Arbitraries.of(HOSTNQN, OTHER_HOSTNQN).injectNull(0.8);
            Arbitrary<String> hostid = Arbitraries.of(HOSTID, HOSTID.toUpperCase()).injectNull(0.9);
            return Combinators.combine(traddr, hostTraddr, trsvcid, nqn, hostIface, hostnqn, hostid)
                    .as((a, ha, s, n, i, hn, hi) -> TransportId.builder().transport(t).traddr(a).hostTraddr(ha)
                            .trsvcid(s).nqn(n).hostIface(i).hostnqn(hn).hostid(hi).build());
        });
    }

    @Provide
    Arbitrary<List<LiveController>> controllers() {
        return controller().list().ofMaxSize(30).map(LiveControllerIndexPropertyTest::numbered);
    }

    private static Arbitrary<LiveController> controller() {
        Arbitrary<String> transport = Arbitraries.of("tcp", "tcp", "rdma", "fc", "fc", "loop").injectNull(0.03);
        return transport.flatMap(t -> {
            Arbitrary<String> traddr = Arbitraries.of(LIVE_TRADDRS.get(t == null ? "tcp" : t)).injectNull(0.03);
            Arbitrary<String> trsvcid = Arbitraries.of("4420", "04420", "8009", "4421", "abc", "").injectNull(0.2);
            Arbitrary<String> hostTraddr = "fc".equals(t)
                    ? Arbitraries.of("nn-0x20000090fae0b5f5:pn-0x10000090fae0b5f5",
                            "NN-0x20000090FAE0B5F5:PN-0x10000090FAE0B5F5").injectNull(0.2)
                    : Arbitraries.of("192.168.1.5", "192.168.1.6", "10.0.0.5").injectNull(0.6);
            Arbitrary<String> srcAddr = Arbitraries.of("192.168.1.5", "::ffff:192.168.1.5", "10.0.0.5")
                    .injectNull(0.4);
            Arbitrary<String> hostIface = Arbitraries.of("eth0", "eth1").injectNull(0.6);
            Arbitrary<ControllerAddress> address = Combinators.combine(traddr, trsvcid, hostTraddr, hostIface,
                    srcAddr).as((a, s, ha, i, src) -> new ControllerAddress(a, s, ha, i, src, Map.of()));
            Arbitrary<String> subsysnqn = Arbitraries.of(VOL1, "nqn.2014-08.com.example:storage.vol2", WELL_KNOWN,
                    UNIQUE_DC).injectNull(0.05);
            Arbitrary<String> hostnqn = Arbitraries.of(HOSTNQN, OTHER_HOSTNQN).injectNull(0.1);
            Arbitrary<String> hostid = Arbitraries.of(HOSTID).injectNull(0.3);
            Arbitrary<String> cntrltype = Arbitraries.of("io", "discovery").injectNull(0.3);
            return Combinators.combine(address, subsysnqn, hostnqn, hostid, cntrltype)
                    .as((a, n, hn, hi, c) -> new LiveController(new DeviceName("nvme0"), t, a, n, hn, hi, c,
                            "live", null));
        });
    }

    /** The controllers as nvme0, nvme1, …: instance order, as sysfs lists them. */
    private static List<LiveController> numbered(List<LiveController> controllers) {
        List<LiveController> out = new ArrayList<>(controllers.size());
        for (int i = 0; i < controllers.size(); i++) {
            LiveController c = controllers.get(i);
            out.add(new LiveController(new DeviceName("nvme" + i), c.transport(), c.address(), c.subsysnqn(),
                    c.hostnqn(), c.hostid(), c.cntrltype(), c.state(), c.dctype()));
        }
        return out;
    }
}
