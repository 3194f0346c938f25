package org.nvmexpress.discoverd.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.nvmexpress.discoverd.systemd.CallError;
import org.nvmexpress.discoverd.systemd.ConnectionUnitCommands;
import org.nvmexpress.discoverd.systemd.ListedUnit;
import org.nvmexpress.discoverd.systemd.UnitEvent;
import org.nvmexpress.discoverd.systemd.UnitManager;
import org.nvmexpress.discoverd.systemd.UnitManagerSettings;
import org.nvmexpress.discoverd.systemd.UnitRequest;
import org.nvmexpress.discoverd.tid.UnitName;

/**
 * A {@link UnitManager} for a machine without systemd (the real-kernel guest): runs each connection
 * unit's commands ({@link ConnectionUnitCommands}, the ones systemd would get) as child processes,
 * the way systemd runs a {@code Type=oneshot}, {@code RemainAfterExit=yes},
 * {@code CollectMode=inactive-or-failed} unit:
 *
 * start: {@code ExecStart}, then on exit 0 {@code ExecStartPost} ({@code active}, job {@code done}),
 * else {@code ExecStopPost} ({@code failed}, unloaded; job {@code failed}), secrets in a 0700
 * directory named in {@code CREDENTIALS_DIRECTORY}, deleted when the job ends; a start of an active
 * unit fails as {@code UnitExists}. Restart: the stop below when active, then a start. Stop: a
 * waiting start is dropped (no outcome), a running one killed ({@code canceled}), an active unit
 * runs {@code ExecStop}, {@code ExecStopPost} ({@code inactive}, no event). One job per unit
 * ({@code Joined}), {@code max-pending-units} processes at once, a unit's jobs in the order asked.
 *
 * <p>Test equipment: the contract is {@link UnitManager}'s. Every method returns at once; the
 * processes run on the manager's threads, and every outcome goes to the poster.
 */
final class ChildProcessUnitManager implements UnitManager {
    /** systemd gives a oneshot no start timeout; this one only keeps a hung connector from hanging the guest. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final UnitManagerSettings settings;
    private final Consumer<UnitEvent> poster;
    private final ExecutorService pool;
    private final Object lock = new Object();
    private final Map<UnitName, ChildUnitJob> jobs = new HashMap<>();
    private final Map<UnitName, String> states = new TreeMap<>(Comparator.comparing(UnitName::value));
    private final Map<UnitName, CompletableFuture<Void>> tails = new HashMap<>();
    private final Map<UnitName, ConnectionUnitCommands> lastCommands = new HashMap<>();
    private final UnitProcesses processes;
    private boolean closed;

    /** With the children's output and credentials under {@code workDir}, {@code environment} added to theirs. */
    ChildProcessUnitManager(UnitManagerSettings settings, Path workDir, Map<String, String> environment,
            Consumer<UnitEvent> poster) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.processes = new UnitProcesses(Objects.requireNonNull(workDir, "workDir"), environment);
        this.poster = Objects.requireNonNull(poster, "poster");
        this.pool = Executors.newFixedThreadPool(settings.maxPendingUnits(), r -> {
            Thread thread = new Thread(r, "child-units");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Submission start(UnitRequest request) {
        return submit(false, request);
    }

    @Override
    public Submission restart(UnitRequest request) {
        return submit(true, request);
    }

    private Submission submit(boolean restart, UnitRequest request) {
        UnitName unit = request.unit();
        Optional<String> refusal = ConnectionUnitCommands.of(settings, request).refusal();
        if (refusal.isPresent()) {
            return new Submission.Refused(unit, refusal.get());
        }
        synchronized (lock) {
            if (closed) {
                return new Submission.Refused(unit, "the unit manager is closed");
            }
            ChildUnitJob waiting = jobs.get(unit);
            if (waiting != null) {
                if (!waiting.running && restart) {
                    waiting.restart = true;
                    waiting.request = request;
                }
                return new Submission.Joined(unit);
            }
            ChildUnitJob job = new ChildUnitJob(restart, request);
            jobs.put(unit, job);
            enqueue(unit, () -> runJob(unit, job));
            return new Submission.Queued(unit);
        }
    }

    @Override
    public void stop(UnitName unit) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            ChildUnitJob job = jobs.get(unit);
            if (job != null && !job.running) {
                job.dropped = true;
                jobs.remove(unit);
            } else if (job != null) {
                job.canceled = true;
                if (job.process != null) {
                    job.process.destroy();
                }
            }
            enqueue(unit, () -> runStop(unit));
        }
    }

    @Override
    public void listUnits() {
        pool.execute(() -> {
            List<ListedUnit> listed = new ArrayList<>();
            synchronized (lock) {
                // What systemd would still have loaded: collected units (failed, inactive) are gone.
                states.forEach((unit, state) -> {
                    boolean pending = jobs.containsKey(unit);
                    if (state.equals("active") || pending) {
                        listed.add(new ListedUnit(unit, state, state.equals("active") ? "exited" : "start", pending));
                    }
                });
            }
            post(new UnitEvent.UnitsListed(listed));
        });
    }

    /** Stops taking requests; posts nothing more. Children already running finish on their own. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        pool.shutdown();
    }

    /** Waits for every child to end after {@link #close}; true when they all did in time. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last state of every unit this manager ran: {@code active}, {@code failed}, {@code inactive}, …. */
    Map<UnitName, String> states() {
        synchronized (lock) {
            return Map.copyOf(states);
        }
    }

    /** Every command run so far, in the order they ended. */
    List<UnitProcesses.Run> runs() {
        return processes.runs();
    }

    /** Runs {@code task} after all asked of {@code unit} before; the caller holds the lock. */
    private void enqueue(UnitName unit, Runnable task) {
        CompletableFuture<Void> tail = tails.getOrDefault(unit, CompletableFuture.completedFuture(null));
        tails.put(unit, tail.thenRunAsync(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // A bug here would leave the daemon waiting for an outcome forever: say so on the console.
                processes.note(unit, "manager", e.toString());
                e.printStackTrace();
                throw e;
            }
        }, pool));
    }

    private void runJob(UnitName unit, ChildUnitJob job) {
        UnitRequest request;
        boolean restart;
        synchronized (lock) {
            if (job.dropped) {
                return;
            }
            job.running = true;
            request = job.request;
            restart = job.restart;
        }
        ConnectionUnitCommands commands = ConnectionUnitCommands.of(settings, request);
        ConnectionUnitCommands previous = commandsOf(unit);
        if (!restart && "active".equals(states().get(unit))) {
            // StartTransientUnit of a unit systemd still has loaded fails; no job is made.
            synchronized (lock) {
                jobs.remove(unit, job);
            }
            post(new UnitEvent.CallFailed(unit, "StartTransientUnit", CallError.UNIT_EXISTS,
                    "org.freedesktop.systemd1.UnitExists", "Unit " + unit.value() + " already exists."));
            return;
        }
        if (restart && previous != null && "active".equals(states().get(unit))) {
            // RestartUnit stops with the commands the unit was created with.
            deactivate(unit, previous);
        }
        synchronized (lock) {
            lastCommands.put(unit, commands);
        }
        setState(unit, "activating");
        String result = start(unit, commands, job);
        if (!result.equals("done")) {
            // systemd runs ExecStopPost after a failed or killed ExecStart too.
            processes.run(unit, "after-stop", commands.afterStop(), Map.of(), settings.disconnectTimeout(), null);
        }
        setState(unit, result.equals("done") ? "active" : result.equals("failed") ? "failed" : "inactive");
        synchronized (lock) {
            jobs.remove(unit, job);
        }
        post(new UnitEvent.JobDone(unit, result));
    }

    /** ExecStart with the unit's credentials, then ExecStartPost on success: the job's result. */
    private String start(UnitName unit, ConnectionUnitCommands commands, ChildUnitJob job) {
        Path credentials = processes.credentialsDirectory(unit);
        try {
            Map<String, String> env = new HashMap<>();
            if (!commands.credentials().isEmpty()) {
                UnitProcesses.writeCredentials(credentials, commands.credentials());
                env.put("CREDENTIALS_DIRECTORY", credentials.toString());
            }
            int status = processes.run(unit, "start", commands.start(), env, START_TIMEOUT, started -> {
                synchronized (lock) {
                    job.process = started;
                    if (job.canceled) {
                        started.destroy(); // a stop came before the process was there to kill
                    }
                }
            });
            synchronized (lock) {
                job.process = null;
                if (job.canceled) {
                    return "canceled";
                }
            }
            if (status != 0) {
                return status == UnitProcesses.TIMED_OUT ? "timeout" : "failed";
            }
            processes.run(unit, "after-start", commands.afterStart(), Map.of(), settings.disconnectTimeout(), null);
            return "done";
        } catch (IOException e) {
            processes.note(unit, "start", e.getMessage());
            return "failed";
        } finally {
            processes.deleteCredentials(unit, credentials);
        }
    }

    private void runStop(UnitName unit) {
        ConnectionUnitCommands commands = commandsOf(unit);
        if (commands == null || !"active".equals(states().get(unit))) {
            return;
        }
        deactivate(unit, commands);
        setState(unit, "inactive");
    }

    private void deactivate(UnitName unit, ConnectionUnitCommands commands) {
        setState(unit, "deactivating");
        processes.run(unit, "stop", commands.stop(), Map.of(), settings.disconnectTimeout(), null);
        processes.run(unit, "after-stop", commands.afterStop(), Map.of(), settings.disconnectTimeout(), null);
    }

    private ConnectionUnitCommands commandsOf(UnitName unit) {
        synchronized (lock) {
            return lastCommands.get(unit);
        }
    }

    private void setState(UnitName unit, String state) {
        synchronized (lock) {
            states.put(unit, state);
        }
    }

    private void post(UnitEvent event) {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        poster.accept(event);
    }
}
