package org.nvmexpress.discoverd.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.nvmexpress.discoverd.kernel.fabrics.ConnectOutcome;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.sim.fabric.Port;
import org.nvmexpress.discoverd.systemd.ListedUnit;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.TransportId;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * The simulated systemd's connection units, with the lifecycle of reference §3.5: a start job runs
 * the connector ({@link SimConnector}, after the port's connect delay) and, when it succeeds, the
 * effects of script A ({@code controllers/<dev>/unit}); the unit is then {@code active (exited)}. A
 * failed connect leaves the unit failed, and a failed transient unit is unloaded at once. A stop
 * runs script B (disconnect only a device whose {@code controllers/<dev>/unit} names this unit) and
 * script C (the devid file, and the controller's state when it is ours); the unit goes, and a start
 * still pending is canceled. A restart is a stop's scripts, then a start. The scripts' effects are
 * done in Java, to the letter of {@code StateScripts}; no shell is run.
 *
 * <p>Daemons talk to it through {@link #client} (their bus connection); units and jobs outlive a
 * daemon that dies. Guarded by the host's lock.
 */
public final class SimSystemd {
    private final Object lock;
    private final SimScheduler time;
    private final SimTargets targets;
    private final SimKernel kernel;
    private final SimConnector connector;
    private final Path runtime;
    private final Map<UnitName, SimUnit> units = new TreeMap<>(java.util.Comparator.comparing(UnitName::value));
    private final Map<UnitName, Integer> connectorRuns = new HashMap<>();

    SimSystemd(Object lock, SimScheduler time, SimTargets targets, SimKernel kernel, Path root) {
        this.lock = lock;
        this.time = time;
        this.targets = targets;
        this.kernel = kernel;
        this.connector = new SimConnector(root, kernel);
        this.runtime = root.resolve("run/nvme/discoverd");
    }

    /** A daemon's connection to this systemd: its requests, and the outcomes of its jobs. */
    public SimUnitClient client(java.util.function.Consumer<org.nvmexpress.discoverd.systemd.UnitEvent> sink) {
        return new SimUnitClient(this, lock, sink);
    }

    /** Every loaded unit as {@code systemctl list-units} would show it. */
    public List<ListedUnit> units() {
        synchronized (lock) {
            return units.values().stream().map(SimUnit::listed).toList();
        }
    }

    /** How many times the connector of {@code unit} ran. */
    public int connectorRuns(UnitName unit) {
        synchronized (lock) {
            return connectorRuns.getOrDefault(unit, 0);
        }
    }

    /** How many times any connector ran. */
    public int connectorRuns() {
        synchronized (lock) {
            return connectorRuns.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    Optional<SimUnit> unit(UnitName name) {
        return Optional.ofNullable(units.get(name));
    }

    /** A new job of {@code client}'s for a unit that has none: made now, run after the port's delay. */
    SimUnit.Job begin(SimUnitClient client, UnitRequest request, boolean restart) {
        SimUnit unit = units.computeIfAbsent(request.unit(), name -> new SimUnit(name, request));
        unit.request = request;
        SimUnit.Job job = new SimUnit.Job(client, restart);
        unit.job = job;
        unit.activating();
        time.after(connectDelay(request.tid()), () -> run(unit, job));
        return job;
    }

    /** {@code StopUnit}: a pending job is canceled, the stop scripts run, the unit goes. */
    void stop(UnitName name) {
        SimUnit unit = units.get(name);
        if (unit == null) {
            return;
        }
        if (unit.job != null) {
            unit.job.client().jobDone(name, "canceled");
            unit.job = null;
        }
        stopScripts(name);
        units.remove(name);
    }

    private void run(SimUnit unit, SimUnit.Job job) {
        if (unit.job != job) {
            return; // canceled by a stop meanwhile
        }
        if (job.restart()) {
            stopScripts(unit.name);
        }
        connectorRuns.merge(unit.name, 1, Integer::sum);
        ConnectOutcome outcome = connector.connect(unit.request, devidFile(unit.name));
        unit.job = null;
        Optional<DeviceName> device = outcome instanceof ConnectOutcome.Connected c ? Optional.of(c.device())
                : outcome instanceof ConnectOutcome.AlreadyConnected a ? Optional.of(a.device()) : Optional.empty();
        if (device.isPresent()) {
            afterStart(unit.name);
            unit.active();
            job.client().jobDone(unit.name, "done");
        } else {
            units.remove(unit.name); // CollectMode=inactive-or-failed: a failed transient unit is unloaded
            job.client().jobDone(unit.name, "failed");
        }
    }

    private Duration connectDelay(TransportId tid) {
        String trsvcid = tid.trsvcid() != null ? tid.trsvcid() : "8009";
        return targets.port(tid.transport(), tid.traddr(), trsvcid).map(Port::reachability)
                .map(r -> r.connectDelay()).orElse(Duration.ZERO);
    }

    /** Script A: the device the connector recorded now belongs to this unit. */
    private void afterStart(UnitName unit) {
        deviceOf(unit).ifPresent(dev -> SimSysfs.write(controllerUnitFile(dev), unit.value()));
    }

    /** Scripts B and C: disconnect the device if it is this unit's, then forget it. */
    private void stopScripts(UnitName unit) {
        Optional<DeviceName> dev = deviceOf(unit);
        boolean ours = dev.isPresent() && unit.value().equals(read(controllerUnitFile(dev.get())).orElse(null));
        if (ours) {
            kernel.disconnect(dev.get());
        }
        SimSysfs.deleteTree(devidFile(unit));
        if (ours) {
            SimSysfs.deleteTree(runtime.resolve("controllers").resolve(dev.get().value()));
        }
    }

    /** The devid file's {@code nvme<N>}; anything else is no device, as the scripts' guard says. */
    private Optional<DeviceName> deviceOf(UnitName unit) {
        return read(devidFile(unit)).filter(s -> s.matches("nvme[0-9]+")).map(DeviceName::new);
    }

    private Path devidFile(UnitName unit) {
        return runtime.resolve("units").resolve(unit.devidFileName());
    }

    private Path controllerUnitFile(DeviceName dev) {
        return runtime.resolve("controllers").resolve(dev.value()).resolve("unit");
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
