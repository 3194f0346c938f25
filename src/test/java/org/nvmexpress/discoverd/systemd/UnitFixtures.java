package org.nvmexpress.discoverd.systemd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.nvmexpress.discoverd.config.ConnectOptions;
import org.nvmexpress.discoverd.config.Connector;
import org.nvmexpress.discoverd.config.FabricsKey;
import org.nvmexpress.discoverd.config.Params;
import org.nvmexpress.discoverd.tid.Role;
import org.nvmexpress.discoverd.tid.TidParser;
import org.nvmexpress.discoverd.tid.TransportId;

/** Connections the systemd tests share: the reference's Appendix A examples. */
final class UnitFixtures {
    /** Appendix A.1/A.3: {@code nvme-discoverd-c7f645736db2.service}. */
    static final TransportId MAIN_VOL =
            TidParser.strict("transport=tcp;traddr=10.0.0.9;trsvcid=4420;nqn=nqn.2014-08.org.nvmexpress:main-vol");
    /** Appendix A.1: an FC discovery controller, {@code nvme-discoverd-f200d0c72e58.service}. */
    static final TransportId FC_DC = TidParser.strict("transport=fc;traddr=nn-0x200000109b123456:pn-0x100000109b123456;"
            + "nqn=nqn.2014-08.org.nvmexpress.discovery;host-traddr=nn-0x20000090fa000001:pn-0x10000090fa000001");
    static final String DHCHAP = "DHHC-1:00:c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0:";

    private UnitFixtures() {
    }

    static Params params(String... keyValues) {
        Params p = Params.EMPTY;
        for (int i = 0; i < keyValues.length; i += 2) {
            p = p.with(FabricsKey.forName(keyValues[i]).orElseThrow(), keyValues[i + 1]);
        }
        return p;
    }

    /** The A.3 request: main-vol with ctrl-loss-tmo=600, keep-alive-tmo=5, tls. */
    static UnitRequest mainVol() {
        return request(MAIN_VOL, Role.IOC, params("ctrl-loss-tmo", "600", "keep-alive-tmo", "5", "tls", "yes"));
    }

    static UnitRequest request(TransportId tid, Role role, Params params) {
        return new UnitRequest(tid, role, false, ConnectOptions.of(tid, null, params));
    }

    /** A unit manager on a fake bus, its calls run by {@code runner}, its events into {@code events}. */
    static SystemdUnitManager manager(FakeSystemdBus bus, ManualCallRunner runner, List<UnitEvent> events,
            int maxPending) {
        return manager(bus, runner, events, maxPending, Connector.NVME_CLI, Path.of("/nonexistent-root"));
    }

    /**
     * {@link #manager(FakeSystemdBus, ManualCallRunner, List, int)} with a connector and the system
     * root the daemon's own files go under.
     */
    static SystemdUnitManager manager(FakeSystemdBus bus, ManualCallRunner runner, List<UnitEvent> events,
            int maxPending, Connector connector, Path root) {
        UnitManagerSettings settings = new UnitManagerSettings(connector, "/usr/sbin/nvme",
                "/usr/bin/nvme-discoverctl", maxPending, Duration.ofSeconds(300), Duration.ofSeconds(25),
                Duration.ofMillis(250), Duration.ofSeconds(10), "unix:path=/x", root);
        return SystemdUnitManager.create(settings, nvme -> {
            throw new AssertionError("an explicit connector is never probed");
        }, bus, runner, events::add);
    }

    /** An IOC {@code 10.0.0.<n>} with no parameters: a distinct unit per {@code n}. */
    static UnitRequest ioc(int n) {
        TransportId tid = TidParser.strict("transport=tcp;traddr=10.0." + (n / 250) + "." + (n % 250 + 1)
                + ";trsvcid=4420;nqn=nqn.2014-08.org.nvmexpress:vol" + n);
        return request(tid, Role.IOC, Params.EMPTY);
    }

    /** A call as {@link FakeSystemdBus} records it: {@code "Method unit"}. */
    static String call(String method, UnitRequest request) {
        return method + " " + request.unit().value();
    }
}
