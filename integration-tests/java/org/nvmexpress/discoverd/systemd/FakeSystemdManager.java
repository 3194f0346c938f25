package org.nvmexpress.discoverd.systemd;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.freedesktop.systemd1.AlreadySubscribed;
import org.freedesktop.systemd1.NoSuchUnit;
import org.freedesktop.systemd1.UnitExists;

/**
 * A scripted systemd Manager, exported through dbus-java as {@code org.freedesktop.systemd1} at
 * {@code /org/freedesktop/systemd1} on a private bus. Each call is recorded as {@code "Method unit"};
 * a call answers normally (a new job), or as scripted per call: with an error, never (with or without
 * making its job first), or with its {@code JobRemoved} sent before the reply. Jobs end when the test
 * says so; with {@link #onePathPerUnit} every job of a unit has the same path. Units answer
 * {@code ActiveState}, {@code Job} and {@code Result} through {@code org.freedesktop.DBus.Properties}
 * and are listed by {@code ListUnitsByPatterns}. The fake can leave the bus and come back
 * ({@link #leave}, {@link #rejoin}), as systemd does for {@code daemon-reexec}.
 */
final class FakeSystemdManager implements SystemdManagerInterface, AutoCloseable {
    static final String PATH = "/org/freedesktop/systemd1";

    enum Answer { JOB, JOB_REMOVED_BEFORE_REPLY, JOB_THEN_NEVER, UNIT_EXISTS, NO_SUCH_UNIT, NEVER }

    /** A unit's state as the fake reports it. */
    record UnitState(String activeState, String result, int jobId) {
    }

    private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    private final Map<String, Answer> answers = new HashMap<>();
    private final Map<String, List<Property>> received = new HashMap<>();
    private final Map<String, UnitState> units = new HashMap<>();
    private final Map<String, String> latestJob = new HashMap<>();
    private final Set<String> exported = new HashSet<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private DBusConnection connection;
    private int nextJob = 100;
    private final Map<String, Integer> pathIds = new HashMap<>();
    /** Every job of a unit gets the same path, job after job. */
    volatile boolean onePathPerUnit;
    private boolean subscribed; // the one client, since the fake connected: kept across re-exec

    /** Connects to the bus at {@code address} and takes systemd's name there (again after a restart). */
    synchronized void connect(String address) throws DBusException {
        connection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        connection.requestBusName("org.freedesktop.systemd1");
        connection.exportObject(PATH, this);
        exported.clear();
        subscribed = false;
    }

    /** Gives up systemd's name: the bus tells every watcher the name has no owner. */
    synchronized void leave() throws DBusException {
        connection.releaseBusName("org.freedesktop.systemd1");
    }

    /** Takes systemd's name again, as a re-executed systemd does. */
    synchronized void rejoin() throws DBusException {
        connection.requestBusName("org.freedesktop.systemd1");
    }

    synchronized void answer(String call, Answer answer) {
        answers.put(call, answer);
    }

    synchronized void setUnit(String unit, UnitState state) {
        units.put(unit, state);
    }

    synchronized List<Property> propertiesOf(String unit) {
        return received.get(unit);
    }

    /** The next call made, waiting up to 10 s for it. */
    String nextCall() throws InterruptedException {
        String call = calls.poll(10, TimeUnit.SECONDS);
        if (call == null) {
            throw new AssertionError("no call to the fake systemd within 10 s");
        }
        return call;
    }

    /** Waits for {@code call}, skipping the calls before it. */
    void awaitCall(String call) throws InterruptedException {
        while (!nextCall().equals(call)) {
            // an earlier call
        }
    }

    /** Ends the latest job of {@code unit} with {@code result}: {@code JobRemoved}. */
    synchronized void finish(String unit, String result) throws DBusException {
        String job = latestJob.get(unit);
        int id = Integer.parseInt(job.substring(job.lastIndexOf('/') + 1));
        connection.sendMessage(new JobRemoved(PATH, new UInt32(id), new DBusPath(job), unit, result));
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    @Override
    public DBusPath startTransientUnit(String name, String mode, List<Property> properties, List<AuxUnit> aux) {
        synchronized (this) {
            received.put(name, properties);
        }
        return job("StartTransientUnit", name);
    }

    @Override
    public DBusPath restartUnit(String name, String mode) {
        return job("RestartUnit", name);
    }

    @Override
    public DBusPath stopUnit(String name, String mode) {
        return job("StopUnit", name);
    }

    @Override
    public void resetFailedUnit(String name) {
        answerWith(record("ResetFailedUnit", name), name);
    }

    @Override
    public DBusPath getUnit(String name) {
        Answer answer = record("GetUnit", name);
        answerWith(answer, name);
        String path = PATH + "/unit/" + name.replaceAll("[^A-Za-z0-9]", "_");
        synchronized (this) {
            if (!units.containsKey(name)) {
                throw new NoSuchUnit("Unit " + name + " not loaded.");
            }
            if (exported.add(path)) {
                try {
                    connection.exportObject(path, new UnitObject(path, name));
                } catch (DBusException e) {
                    throw new DBusExecutionException("cannot export " + path + ": " + e.getMessage());
                }
            }
        }
        return new DBusPath(path);
    }

    /** As systemd: a second Subscribe() of a client fails, also after the name was given up and taken again. */
    @Override
    public void subscribe() {
        calls.add("Subscribe");
        synchronized (this) {
            if (subscribed) {
                throw new AlreadySubscribed("Client is already subscribed.");
            }
            subscribed = true;
        }
    }

    /** The units set by the test whose names start like the patterns (only {@code prefix*} patterns). */
    @Override
    public synchronized List<UnitEntry> listUnitsByPatterns(List<String> states, List<String> patterns) {
        calls.add("ListUnitsByPatterns " + String.join(",", patterns));
        return units.entrySet().stream()
                .filter(u -> patterns.stream().anyMatch(p -> u.getKey().startsWith(p.replace("*", ""))))
                .map(u -> new UnitEntry(u.getKey(), "", "loaded", u.getValue().activeState(),
                        u.getValue().activeState().equals("active") ? "exited" : "dead", "",
                        new DBusPath(PATH + "/unit/x"), new UInt32(u.getValue().jobId()),
                        u.getValue().jobId() == 0 ? "" : "start",
                        new DBusPath(u.getValue().jobId() == 0 ? "/" : PATH + "/job/" + u.getValue().jobId())))
                .toList();
    }

    /** Releases calls that were told never to answer, then leaves the bus. */
    @Override
    public void close() {
        release.countDown();
        DBusConnection conn;
        synchronized (this) {
            conn = connection;
        }
        if (conn != null) {
            conn.disconnect();
        }
    }

    /** Records the call (made visible to the test at once) and returns how to answer it. */
    private Answer record(String method, String unit) {
        Answer answer = answerFor(method, unit);
        calls.add(method + " " + unit);
        return answer;
    }

    private synchronized Answer answerFor(String method, String unit) {
        return answers.getOrDefault(method + " " + unit, Answer.JOB);
    }

    private void answerWith(Answer answer, String unit) {
        switch (answer) {
            case UNIT_EXISTS -> throw new UnitExists("Unit " + unit + " was already loaded or has a fragment file.");
            case NO_SUCH_UNIT -> throw new NoSuchUnit("Unit " + unit + " not found.");
            case NEVER -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new DBusExecutionException("released at the end of the test");
            }
            default -> {
            }
        }
    }

    /**
     * Makes a job for the call, then makes the call visible to the test, so that a test that saw the
     * call can end the job.
     */
    private DBusPath job(String method, String unit) {
        Answer answer = answerFor(method, unit);
        if (answer != Answer.JOB && answer != Answer.JOB_REMOVED_BEFORE_REPLY && answer != Answer.JOB_THEN_NEVER) {
            answerWith(record(method, unit), unit);
        }
        String job;
        synchronized (this) {
            int id = onePathPerUnit ? pathIds.computeIfAbsent(unit, u -> nextJob++) : nextJob++;
            job = PATH + "/job/" + id;
            latestJob.put(unit, job);
            if (answer == Answer.JOB_THEN_NEVER) {
                units.put(unit, new UnitState("activating", "success", id));
            }
        }
        calls.add(method + " " + unit);
        if (answer == Answer.JOB_THEN_NEVER) {
            answerWith(Answer.NEVER, unit);
        }
        if (answer == Answer.JOB_REMOVED_BEFORE_REPLY) {
            try {
                finish(unit, "done");
            } catch (DBusException e) {
                throw new DBusExecutionException("cannot send JobRemoved: " + e.getMessage());
            }
        }
        return new DBusPath(job);
    }

    /** A unit object: its properties. */
    private final class UnitObject implements Properties {
        private final String path;
        private final String unit;

        UnitObject(String path, String unit) {
            this.path = path;
            this.unit = unit;
        }

        @Override
        public String getObjectPath() {
            return path;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <A> A Get(String iface, String property) {
            UnitState state;
            synchronized (FakeSystemdManager.this) {
                state = units.get(unit);
            }
            Object value = switch (property) {
                case "ActiveState" -> new Variant<>(state.activeState());
                case "Result" -> new Variant<>(state.result());
                case "Job" -> new Variant<>(new Object[] {new UInt32(state.jobId()),
                        new DBusPath(state.jobId() == 0 ? "/" : PATH + "/job/" + state.jobId())}, "(uo)");
                default -> throw new DBusExecutionException("no property " + property + " on " + iface);
            };
            return (A) value;
        }

        @Override
        public <A> void Set(String iface, String property, A value) {
            throw new DBusExecutionException("read-only");
        }

        @Override
        public Map<String, Variant<?>> GetAll(String iface) {
            throw new DBusExecutionException("not implemented by the fake");
        }
    }
}
