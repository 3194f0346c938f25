package org.nvmexpress.discoverd.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.nvmexpress.discoverd.daemon.DaemonSnapshot;
import org.nvmexpress.discoverd.sim.fabric.Fabric;

/**
 * The host side of a scenario: an {@code etc/nvme} with a host NQN and ID and the files a scenario
 * writes, then a simulation of a fabric on it; and the lookups the assertions need, by address, on
 * what the daemon answers (its varlink snapshot) and what the host holds (sysfs, registry, state).
 */
final class SimFixture {
    static final String HOSTNQN = "nqn.2014-08.org.nvmexpress:uuid:8a2b1c3d-0000-4000-8000-00000000a001";
    static final String HOSTID = "8a2b1c3d-0000-4000-8000-00000000a001";
    static final String WELL_KNOWN_DC = "nqn.2014-08.org.nvmexpress.discovery";

    private final Path dir;

    SimFixture(Path dir) {
        this.dir = dir;
        write("etc/nvme/hostnqn", HOSTNQN + "\n");
        write("etc/nvme/hostid", HOSTID + "\n");
    }

    /** A file under the configuration copied into the simulation's root at {@link #start}. */
    SimFixture write(String path, String text) {
        write(dir.resolve(path), text);
        return this;
    }

    /** The host of {@code fabric} with this configuration, without a daemon yet. */
    Simulation host(Fabric fabric) {
        try {
            return Simulation.of(fabric, dir.resolve("etc"), dir.resolve("root"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host of {@code fabric} with its daemon started and idle. */
    Simulation start(Fabric fabric) {
        try {
            return host(fabric).startDaemon();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code controller =} line for a TCP address. */
    static String controller(String traddr, String trsvcid) {
        return "controller = transport=tcp;traddr=" + traddr + ";trsvcid=" + trsvcid + "\n";
    }

    static List<DaemonSnapshot.Controller> controllers(Simulation sim) {
        return sim.control().snapshot().controllers();
    }

    /** The tracked controller of {@code nqn} at {@code traddr}; fails when there is none or several. */
    static DaemonSnapshot.Controller tracked(Simulation sim, String traddr, String nqn) {
        List<DaemonSnapshot.Controller> found = find(sim, traddr, nqn).stream().toList();
        if (found.isEmpty()) {
            throw new AssertionError("no tracked controller of " + nqn + " at " + traddr + " in "
                    + controllers(sim).stream().map(c -> c.tid().traddr() + " " + c.tid().nqn() + " " + c.state())
                            .toList());
        }
        return found.get(0);
    }

    static Optional<DaemonSnapshot.Controller> find(Simulation sim, String traddr, String nqn) {
        List<DaemonSnapshot.Controller> matching = controllers(sim).stream()
                .filter(c -> traddr.equals(c.tid().traddr()) && nqn.equals(c.tid().nqn())).toList();
        if (matching.size() > 1) {
            throw new AssertionError("two tracked controllers of " + nqn + " at " + traddr + ": " + matching);
        }
        return matching.stream().findFirst();
    }

    /** The kernel's controllers of {@code nqn} at {@code traddr}, by device name. */
    static List<String> devices(Simulation sim, String traddr, String nqn) {
        return sim.host().kernel().controllers().stream()
                .filter(c -> c.port.traddr().equals(traddr) && c.subsysnqn.equals(nqn))
                .map(c -> c.device.value()).toList();
    }

    /** {@code /run/nvme/registry/<device>/owner}, stripped; empty when there is no entry. */
    static Optional<String> registryOwner(Simulation sim, String device) {
        return read(sim.host().root().resolve("run/nvme/registry").resolve(device).resolve("owner"));
    }

    /** {@code /run/nvme/discoverd/controllers/<device>/unit}: the unit the state scripts tie it to. */
    static Optional<String> stateUnit(Simulation sim, String device) {
        return read(sim.host().root().resolve("run/nvme/discoverd/controllers").resolve(device).resolve("unit"));
    }

    static boolean hasUnit(Simulation sim, String unit) {
        return sim.host().systemd().units().stream().anyMatch(u -> u.unit().value().equals(unit));
    }

    static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
